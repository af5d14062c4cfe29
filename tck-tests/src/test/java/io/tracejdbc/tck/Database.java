package io.tracejdbc.tck;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/**
 * A database the kit runs on: how to reach it through tracejdbc, in its own URL syntax, and what
 * its spans must say about it.
 */
final class Database {
  final String name;

  /** The {@code jdbc:tracing:} URL, without options. */
  final String tracingUrl;

  /**
   * What starts the first URL parameter and separates the others: {@code ?}/{@code &} or {@code
   * ;}/{@code ;}.
   */
  private final String firstSeparator;

  private final String separator;
  final String user;
  final String password;

  // the tags of its spans
  final String system;

  /** OpenTelemetry's {@code db.system.name}. */
  final String systemName;

  final String instance;

  /** OpenTelemetry's {@code db.namespace}: the instance, but where the system's page says more. */
  final String namespace;

  /** Null for an embedded database, which has no peer. */
  final String host;

  final Integer port;

  // a primary key violation, as the real driver reports it
  final String duplicateKeySqlState;
  final int duplicateKeyErrorCode;

  /** OpenTelemetry's {@code db.response.status_code} for it: the most specific code given. */
  final String duplicateKeyStatusCode;

  /** A class of the real driver's connection, for {@code unwrap}. */
  final Class<? extends Connection> realConnectionType;

  /** A parameter of the real driver, which must reach it untouched, and the query that reads it. */
  final String realParameter;

  final String realParameterQuery;
  final String realParameterValue;

  private Database(Builder b) {
    name = b.name;
    tracingUrl = b.tracingUrl;
    firstSeparator = b.firstSeparator;
    separator = b.separator;
    user = b.user;
    password = b.password;
    system = b.system;
    systemName = b.systemName;
    instance = b.instance;
    namespace = b.namespace != null ? b.namespace : b.instance;
    host = b.host;
    port = b.port;
    duplicateKeySqlState = b.duplicateKeySqlState;
    duplicateKeyErrorCode = b.duplicateKeyErrorCode;
    duplicateKeyStatusCode = b.duplicateKeyStatusCode;
    realConnectionType = b.realConnectionType;
    realParameter = b.realParameter;
    realParameterQuery = b.realParameterQuery;
    realParameterValue = b.realParameterValue;
  }

  /** A SQLite database file in {@code directory}. */
  static Database sqliteFile(Path directory) {
    String path = directory.resolve("tck.db").toString();
    return sqlite("SQLite file", path);
  }

  /** A private in-memory SQLite database: each connection has its own. */
  static Database sqliteMemory() {
    return sqlite("SQLite in-memory", ":memory:");
  }

  private static Database sqlite(String name, String path) {
    Builder b = new Builder(name, "jdbc:tracing:sqlite:" + path, "?", "&");
    b.system = "sqlite";
    b.systemName = "sqlite";
    b.instance = path;
    // sqlite-jdbc reports SQLITE_CONSTRAINT as the error code, without an SQLState
    b.duplicateKeyErrorCode = 19;
    b.duplicateKeyStatusCode = "19";
    b.realConnectionType = org.sqlite.SQLiteConnection.class;
    b.realParameter = "busy_timeout=4321";
    b.realParameterQuery = "PRAGMA busy_timeout";
    b.realParameterValue = "4321";
    return new Database(b);
  }

  /** A named in-memory H2 database, private to this run. */
  static Database h2Memory() {
    String instance = "tck_" + uniqueSuffix();
    Builder b = new Builder("H2 in-memory", "jdbc:tracing:h2:mem:" + instance, ";", ";");
    b.user = "sa";
    b.password = "";
    b.system = "h2";
    b.systemName = "h2database";
    b.instance = instance;
    b.duplicateKeySqlState = "23505";
    b.duplicateKeyErrorCode = 23505;
    b.duplicateKeyStatusCode = "23505";
    b.realConnectionType = org.h2.jdbc.JdbcConnection.class;
    b.realParameter = "MODE=PostgreSQL";
    b.realParameterQuery =
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE'";
    b.realParameterValue = "PostgreSQL";
    return new Database(b);
  }

  /** The PostgreSQL server at 127.0.0.1:5432, database {@code test}, trust authentication. */
  static Database postgresql() {
    Builder b =
        new Builder("PostgreSQL", "jdbc:tracing:postgresql://127.0.0.1:5432/test", "?", "&");
    b.user = "postgres";
    b.password = "";
    b.system = "postgresql";
    b.systemName = "postgresql";
    b.instance = "test";
    // {database}|{schema}; with no currentSchema given, the connect user stands in for the schema
    b.namespace = "test|postgres";
    b.host = "127.0.0.1";
    b.port = 5432;
    b.duplicateKeySqlState = "23505";
    b.duplicateKeyErrorCode = 0;
    b.duplicateKeyStatusCode = "23505";
    b.realConnectionType = org.postgresql.jdbc.PgConnection.class;
    b.realParameter = "ApplicationName=tracejdbc-tck";
    b.realParameterQuery = "SELECT current_setting('application_name')";
    b.realParameterValue = "tracejdbc-tck";
    return new Database(b);
  }

  /** The MariaDB server at 127.0.0.1:3306, database {@code test}, user root without password. */
  static Database mariadb() {
    Builder b = new Builder("MariaDB", "jdbc:tracing:mariadb://127.0.0.1:3306/test", "?", "&");
    b.user = "root";
    b.password = "";
    b.system = "mariadb";
    b.systemName = "mariadb";
    b.instance = "test";
    b.host = "127.0.0.1";
    b.port = 3306;
    b.duplicateKeySqlState = "23000";
    b.duplicateKeyErrorCode = 1062;
    b.duplicateKeyStatusCode = "1062";
    b.realConnectionType = org.mariadb.jdbc.Connection.class;
    b.realParameter = "sessionVariables=auto_increment_increment=7";
    b.realParameterQuery = "SELECT @@auto_increment_increment";
    b.realParameterValue = "7";
    return new Database(b);
  }

  /** A short random suffix for names that must not clash between runs on the same server. */
  static String uniqueSuffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** {@code jdbc:<subprotocol>:}, with which the real driver's URL starts. */
  String realUrlPrefix() {
    String real = tracingUrl.replace("jdbc:tracing:", "jdbc:");
    return real.substring(0, real.indexOf(':', "jdbc:".length()) + 1);
  }

  boolean isServer() {
    return host != null;
  }

  /** Skips (or fails, when servers are required) the current test unless the database answers. */
  void assumeAvailable() {
    if (isServer()) {
      Servers.assumeReachable(name, host, port);
    }
  }

  /** The tracing URL with {@code parameters} ({@code name=value}) in this database's syntax. */
  String url(String... parameters) {
    StringBuilder url = new StringBuilder(tracingUrl);
    for (int i = 0; i < parameters.length; i++) {
      url.append(i == 0 ? firstSeparator : separator).append(parameters[i]);
    }
    return url.toString();
  }

  /** A new connection through tracejdbc, with {@code parameters} in the URL. */
  Connection connect(String... parameters) throws SQLException {
    return DriverManager.getConnection(url(parameters), credentials());
  }

  /** The user and password as connect properties; empty for a database without users. */
  Properties credentials() {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
      properties.setProperty("password", password);
    }
    return properties;
  }

  @Override
  public String toString() {
    return name;
  }

  private static final class Builder {
    final String name;
    final String tracingUrl;
    final String firstSeparator;
    final String separator;
    String user;
    String password;
    String system;
    String systemName;
    String instance;
    String namespace;
    String host;
    Integer port;
    String duplicateKeySqlState;
    int duplicateKeyErrorCode;
    String duplicateKeyStatusCode;
    Class<? extends Connection> realConnectionType;
    String realParameter;
    String realParameterQuery;
    String realParameterValue;

    Builder(String name, String tracingUrl, String firstSeparator, String separator) {
      this.name = name;
      this.tracingUrl = tracingUrl;
      this.firstSeparator = firstSeparator;
      this.separator = separator;
    }
  }
}
