package io.tracejdbc.driver.internal.url;

/**
 * IBM Db2: {@code jdbc:db2://host[:port]/database[:property=value;...]} and the local {@code
 * jdbc:db2:database}.
 */
final class Db2UrlParser implements DbUrlParser {
  private static final int DEFAULT_PORT = 50000;

  @Override
  public void parse(String rest, DbInfo.Builder facts) {
    String path =
        rest.startsWith("//") ? UrlText.server(rest.substring(2), facts, null, DEFAULT_PORT) : rest;
    facts.instance(UrlText.before(path, ":;?"));
  }

  @Override
  public ParameterSyntax parameterSyntax() {
    return ParameterSyntax.DB2;
  }
}
