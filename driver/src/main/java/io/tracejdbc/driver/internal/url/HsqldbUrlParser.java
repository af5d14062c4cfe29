package io.tracejdbc.driver.internal.url;

/**
 * HyperSQL: in-process {@code jdbc:hsqldb:mem:name}, {@code file:path}, {@code res:path}, and the
 * server forms {@code jdbc:hsqldb:hsql://host[:port]/alias} (also {@code hsqls}, {@code http},
 * {@code https}, each with its default port); properties follow {@code ;}.
 */
final class HsqldbUrlParser implements DbUrlParser {
  private static final String[] SERVER_SCHEMES = {"hsql://", "hsqls://", "http://", "https://"};
  private static final int[] SERVER_PORTS = {9001, 554, 80, 443};
  private static final String[] IN_PROCESS_PREFIXES = {"mem:", "file:", "res:"};

  @Override
  public void parse(String rest, DbInfo.Builder facts) {
    for (int i = 0; i < SERVER_SCHEMES.length; i++) {
      String server = UrlText.afterPrefix(rest, SERVER_SCHEMES[i]);
      if (server != null) {
        String path = UrlText.server(server, facts, null, SERVER_PORTS[i]);
        facts.instance(UrlText.before(path, ";"));
        return;
      }
    }
    String name = UrlText.before(rest, ";");
    for (String prefix : IN_PROCESS_PREFIXES) {
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
