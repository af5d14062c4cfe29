package io.tracejdbc.driver.internal;

import io.tracejdbc.parser.SqlClassifier;

/**
 * What a span may say of a driver's exception message when statement text is not raw. Drivers put
 * data in their messages: pgjdbc adds a {@code Detail: Key (email)=(bob@x.org)} line, MariaDB
 * quotes the duplicate value, and either may double-quote a value it could not convert.
 *
 * <p>Internal, not API: public only for tracejdbc's own modules, and free to change.
 */
public final class ErrorMessages {
  private ErrorMessages() {}

  /**
   * The message's first line with every value masked: the text from its first quote to its last
   * (single or double) becomes one {@code ?}, and numbers outside it become {@code ?} too. Drivers
   * quote values without escaping them (MariaDB's {@code Duplicate entry 'o'brien@x.org' for key
   * 'email'}), so no quote inside can be trusted to end one. Later lines, where drivers put details
   * and hints, are dropped.
   */
  public static String redact(String message) {
    int end = 0;
    while (end < message.length() && message.charAt(end) != '\n' && message.charAt(end) != '\r') {
      end++;
    }
    String line = message.substring(0, end);
    int first = indexOfQuote(line);
    if (first < 0) {
      return SqlClassifier.sanitize(line);
    }
    int last = lastIndexOfQuote(line);
    StringBuilder out = new StringBuilder(line.length());
    out.append(SqlClassifier.sanitize(line.substring(0, first)));
    if (out.length() > 0 && Character.isWhitespace(line.charAt(first - 1))) {
      out.append(' ');
    }
    out.append('?');
    String after = SqlClassifier.sanitize(line.substring(last + 1));
    if (!after.isEmpty() && Character.isWhitespace(line.charAt(last + 1))) {
      out.append(' ');
    }
    return out.append(after).toString();
  }

  private static int indexOfQuote(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (isQuote(line.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOfQuote(String line) {
    for (int i = line.length() - 1; i >= 0; i--) {
      if (isQuote(line.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '"';
  }
}
