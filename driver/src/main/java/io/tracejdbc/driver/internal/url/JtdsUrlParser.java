package io.tracejdbc.driver.internal.url;

import io.tracejdbc.parser.SqlClassifier;

/**
 * jTDS: {@code jdbc:jtds:sqlserver://host[:port][/database][;property=value...]} and the same with
 * {@code sybase}.
 */
final class JtdsUrlParser implements DbUrlParser {
  @Override
  public void parse(String rest, DbInfo.Builder facts) {
    boolean sybase = UrlText.startsWithIgnoreCase(rest, "sybase:");
    facts.system(sybase ? "sybase" : "mssql").namespace(DbInfo.Namespace.DATABASE_BY_CATALOG);
    facts.serverInstance(UrlText.param(rest, "instance"));
    int slashes = rest.indexOf("//");
    if (slashes < 0) {
      return;
    }
    String path = UrlText.server(rest.substring(slashes + 2), facts, null, sybase ? 7100 : 1433);
    String database = UrlText.before(path, ";");
    facts.instance(database.isEmpty() ? UrlText.param(rest, "databaseName", "database") : database);
  }

  @Override
  public ParameterSyntax parameterSyntax() {
    return ParameterSyntax.SEMICOLON;
  }

  @Override
  public SqlClassifier.Dialect dialect() {
    return SqlClassifier.Dialect.SQLSERVER;
  }
}
