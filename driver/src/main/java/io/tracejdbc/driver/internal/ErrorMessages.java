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
   * The message's first line with every value masked: quoted text (single or double quotes) and
   * numbers become {@code ?}. Later lines, where drivers put details and hints, are dropped.
   */
  public static String redact(String message) {
    int end = 0;
    while (end < message.length() && message.charAt(end) != '\n' && message.charAt(end) != '\r') {
      end++;
    }
    String sanitized = SqlClassifier.sanitize(message.substring(0, end));
    StringBuilder out = new StringBuilder(sanitized.length());
    for (int i = 0; i < sanitized.length(); i++) {
      char c = sanitized.charAt(i);
      if (c == '"') {
        int close = sanitized.indexOf('"', i + 1);
        i = close < 0 ? sanitized.length() : close;
        out.append('?');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
