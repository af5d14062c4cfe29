package io.tracejdbc.driver.internal.url;

import io.tracejdbc.parser.SqlClassifier;

/**
 * Reads one vendor's JDBC URL syntax, and says how its database reads SQL text. {@link DbInfo}
 * picks the implementation by the URL's subprotocol, so supporting a new database is adding an
 * implementation and one line to {@link DbInfo}'s table.
 *
 * <p>Implementations may assume {@code rest} is not null and should not throw, though {@link
 * DbInfo} survives it if they do. The user of {@code user=} parameters and of connect properties is
 * found by {@link DbInfo} for every vendor; a parser reports only users its syntax places
 * elsewhere.
 */
interface DbUrlParser {
  /**
   * Records in {@code facts} what {@code rest} says: the URL after {@code jdbc:}, its subprotocol
   * and the colon that ends it (for {@code jdbc:postgresql://h/db}, {@code //h/db}).
   */
  void parse(String rest, DbInfo.Builder facts);

  /** How the vendor's database reads SQL text: which quotes hold strings, which comments exist. */
  default SqlClassifier.Dialect dialect() {
    return SqlClassifier.Dialect.STANDARD;
  }

  /** Where the vendor's driver reads parameters in its URL. */
  default ParameterSyntax parameterSyntax() {
    return ParameterSyntax.QUERY;
  }
}
