package io.tracejdbc.driver.internal.url;

import io.tracejdbc.parser.SqlClassifier;

/**
 * {@code jdbc:postgresql://host[:port][,host2[:port2]...]/database?params} (the first host counts)
 * and the short forms {@code jdbc:postgresql:database} and {@code jdbc:postgresql:/database}, which
 * mean localhost.
 */
final class PostgresqlUrlParser implements DbUrlParser {
  private static final int DEFAULT_PORT = 5432;

  @Override
  public void parse(String rest, DbInfo.Builder facts) {
    String path;
    if (rest.startsWith("//")) {
      path = UrlText.server(rest.substring(2), facts, "localhost", DEFAULT_PORT);
    } else {
      facts.address("localhost", DEFAULT_PORT);
      path = rest.startsWith("/") ? rest.substring(1) : rest;
    }
    facts.instance(UrlText.decode(UrlText.before(path, "?")));
    facts
        .namespace(DbInfo.Namespace.SCHEMA_QUALIFIED)
        .schema(firstSchema(facts.setting("currentSchema")));
  }

  /** The first schema of a search path such as {@code "Sales",public}, without its quotes. */
  static String firstSchema(String searchPath) {
    if (searchPath == null) {
      return null;
    }
    String first = UrlText.before(searchPath, ",").trim();
    return first.length() > 1 && first.startsWith("\"") && first.endsWith("\"")
        ? first.substring(1, first.length() - 1)
        : first;
  }

  @Override
  public SqlClassifier.Dialect dialect() {
    return SqlClassifier.Dialect.POSTGRESQL;
  }
}
