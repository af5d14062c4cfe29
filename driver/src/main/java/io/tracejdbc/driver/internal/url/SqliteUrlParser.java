package io.tracejdbc.driver.internal.url;

import io.tracejdbc.parser.SqlClassifier;

/**
 * {@code jdbc:sqlite:path[?params]}, {@code jdbc:sqlite:file:path?params}, {@code
 * jdbc:sqlite::memory:}; an empty path is an in-memory database. The instance is the path as
 * written.
 */
final class SqliteUrlParser implements DbUrlParser {
  @Override
  public void parse(String rest, DbInfo.Builder facts) {
    String path = UrlText.before(rest, "?");
    String uriPath = UrlText.afterPrefix(path, "file:");
    if (uriPath != null) {
      path = uriPath;
    }
    facts.instance(path.isBlank() ? ":memory:" : path);
  }

  @Override
  public SqlClassifier.Dialect dialect() {
    return SqlClassifier.Dialect.SQLITE;
  }
}
