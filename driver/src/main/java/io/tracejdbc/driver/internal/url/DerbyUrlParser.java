package io.tracejdbc.driver.internal.url;

/**
 * Apache Derby: embedded {@code jdbc:derby:[memory:|directory:|classpath:|jar:]name[;attrs]} and
 * the network client's {@code jdbc:derby://host[:port]/name[;attrs]}. The instance is the name
 * without its storage prefix.
 */
final class DerbyUrlParser implements DbUrlParser {
  private static final int DEFAULT_PORT = 1527;
  private static final String[] STORAGE_PREFIXES = {"memory:", "directory:", "classpath:", "jar:"};

  @Override
  public void parse(String rest, DbInfo.Builder facts) {
    String path =
        rest.startsWith("//") ? UrlText.server(rest.substring(2), facts, null, DEFAULT_PORT) : rest;
    String name = UrlText.before(path, ";");
    for (String prefix : STORAGE_PREFIXES) {
      String stored = UrlText.afterPrefix(name, prefix);
      if (stored != null) {
        name = stored;
        break;
      }
    }
    facts.instance(name);
  }

  @Override
  public ParameterSyntax parameterSyntax() {
    return ParameterSyntax.SEMICOLON;
  }
}
