package io.tracejdbc.driver.internal.url;

import io.tracejdbc.parser.SqlClassifier;

/**
 * MySQL Connector/J and MariaDB Connector/J: {@code
 * jdbc:mysql[:mode]://[user[:password]@]hosts/database?params}, where mode is {@code loadbalance},
 * {@code replication}, {@code aws}, {@code sequential}, ... and hosts is a list whose entries may
 * be {@code host:port}, {@code [h1,h2]} or {@code address=(host=h)(port=p)}. The first host counts.
 * With {@code jdbc:mysql+srv:} the hosts are DNS SRV names, so no port is known.
 */
final class MysqlUrlParser implements DbUrlParser {
  static final Integer DEFAULT_PORT = 3306;

  private final String system;
  private final Integer defaultPort;

  MysqlUrlParser(String system, Integer defaultPort) {
    this.system = system;
    this.defaultPort = defaultPort;
  }

  /**
   * Also which call switches the database: {@code setCatalog}, unless Connector/J's {@code
   * databaseTerm=SCHEMA} or MariaDB's {@code useCatalogTerm=Schema} makes it {@code setSchema}.
   */
  @Override
  public void parse(String rest, DbInfo.Builder facts) {
    facts.system(system);
    String term = facts.setting("mariadb".equals(system) ? "useCatalogTerm" : "databaseTerm");
    facts.namespace(
        "schema".equalsIgnoreCase(term)
            ? DbInfo.Namespace.DATABASE_BY_SCHEMA
            : DbInfo.Namespace.DATABASE_BY_CATALOG);
    int slashes = rest.indexOf("//");
    if (slashes < 0) {
      return;
    }
    String path = UrlText.server(rest.substring(slashes + 2), facts, "localhost", defaultPort);
    facts.instance(UrlText.decode(UrlText.before(path, "?")));
  }

  @Override
  public SqlClassifier.Dialect dialect() {
    return SqlClassifier.Dialect.MYSQL;
  }
}
