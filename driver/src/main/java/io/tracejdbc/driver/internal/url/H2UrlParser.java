package io.tracejdbc.driver.internal.url;

import java.util.Locale;

/**
 * {@code jdbc:h2:mem:name}, {@code jdbc:h2:file:path}, {@code jdbc:h2:path} and the server forms
 * {@code jdbc:h2:tcp://host[:port]/path} and {@code jdbc:h2:ssl://...}; settings follow {@code ;}.
 * The instance is the in-memory name or the path as written.
 */
final class H2UrlParser implements DbUrlParser {
  private static final int DEFAULT_PORT = 9092;

  @Override
  public void parse(String rest, DbInfo.Builder facts) {
    String database = UrlText.before(rest, ";");
    String scheme = database.toLowerCase(Locale.ROOT);
    if (scheme.startsWith("tcp://") || scheme.startsWith("ssl://")) {
      database = UrlText.server(database.substring(6), facts, null, DEFAULT_PORT);
    }
    String name = UrlText.afterPrefix(database, "mem:");
    if (name == null) {
      name = UrlText.afterPrefix(database, "file:");
    }
    facts.instance(name != null ? name : database);
  }

  @Override
  public ParameterSyntax parameterSyntax() {
    return ParameterSyntax.H2;
  }
}
