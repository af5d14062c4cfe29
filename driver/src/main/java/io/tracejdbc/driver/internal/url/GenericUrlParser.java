package io.tracejdbc.driver.internal.url;

import io.tracejdbc.parser.SqlClassifier;

/**
 * Any other database: when the URL looks like {@code jdbc:foo:[mode:]//host[:port]/database}, its
 * host, port and database, else nothing beyond the system (the subprotocol itself). No port is
 * assumed, since the vendor's default is not known; nor how it reads SQL text (ClickHouse,
 * Snowflake and Redshift read a backslash as an escape, BigQuery {@code "x"} as a string), so no
 * literal of any reading may be kept; nor its parameter syntax.
 */
final class GenericUrlParser implements DbUrlParser {
  @Override
  public SqlClassifier.Dialect dialect() {
    return SqlClassifier.Dialect.UNKNOWN;
  }

  @Override
  public ParameterSyntax parameterSyntax() {
    return ParameterSyntax.ANY;
  }

  @Override
  public void parse(String rest, DbInfo.Builder facts) {
    int slashes = rest.indexOf("//");
    if (slashes < 0 || !isScheme(rest.substring(0, slashes))) {
      return;
    }
    String path = UrlText.server(rest.substring(slashes + 2), facts, null, null);
    facts.instance(UrlText.decode(UrlText.before(path, "?;")));
  }

  /** Whether the text before {@code //} is empty or a scheme such as {@code http:}. */
  private static boolean isScheme(String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (!Character.isLetterOrDigit(c) && "+-.:".indexOf(c) < 0) {
        return false;
      }
    }
    return prefix.isEmpty() || prefix.endsWith(":");
  }
}
