package io.tracejdbc.driver.internal.url;

import io.tracejdbc.parser.SqlClassifier;

/**
 * Microsoft's driver: {@code jdbc:sqlserver://[host][\instanceName][:port][;property=value...]},
 * where the host may instead be the {@code serverName} property and the database is {@code
 * databaseName} (or {@code database}). A named instance without a port has none known: the driver
 * asks the SQL Server Browser for it, so 1433 would be a guess.
 */
final class SqlServerUrlParser implements DbUrlParser {
  private static final int DEFAULT_PORT = 1433;

  @Override
  public void parse(String rest, DbInfo.Builder facts) {
    facts.system("mssql").namespace(DbInfo.Namespace.DATABASE_BY_CATALOG);
    String body = rest.startsWith("//") ? rest.substring(2) : rest;
    String server = UrlText.before(body, ";");
    String properties = body.substring(server.length());
    if (server.isBlank()) {
      server = UrlText.param(properties, "serverName", "server");
    }
    facts.instance(UrlText.param(properties, "databaseName", "database"));
    if (server == null) {
      return;
    }
    String instanceName = UrlText.param(properties, "instanceName");
    boolean namedInstance = instanceName != null;
    int backslash = server.indexOf('\\');
    if (backslash >= 0) {
      namedInstance = true;
      String instanceAndPort = server.substring(backslash + 1);
      int colon = instanceAndPort.indexOf(':');
      instanceName = colon < 0 ? instanceAndPort : instanceAndPort.substring(0, colon);
      server = server.substring(0, backslash) + (colon < 0 ? "" : instanceAndPort.substring(colon));
    }
    String portNumber = UrlText.param(properties, "portNumber", "port");
    if (portNumber != null && server.indexOf(':') < 0) {
      server = server + ":" + portNumber;
    }
    facts.address(server, namedInstance ? null : DEFAULT_PORT).serverInstance(instanceName);
  }

  @Override
  public ParameterSyntax parameterSyntax() {
    return ParameterSyntax.SQLSERVER;
  }

  @Override
  public SqlClassifier.Dialect dialect() {
    return SqlClassifier.Dialect.SQLSERVER;
  }
}
