package io.tracejdbc.driver;

import io.tracejdbc.driver.internal.Telemetry;
import java.io.InputStream;
import java.io.Reader;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLXML;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values bound to one prepared or callable statement, for {@code captureParameters}: kept as
 * given by its setters and shown only when a traced execution records them, as {@code
 * db.query.parameter.<key>} (the 0-based index of a positional parameter, the name of a named one).
 *
 * <p>What a value shows: {@code null} for SQL NULL; a string's first {@value #MAX_STRING_LENGTH}
 * characters, then {@code ...} when it is longer; {@code <binary N bytes>} for a byte array; {@code
 * <stream N bytes>} or {@code <stream N characters>} for a stream or reader (without N when its
 * length was not given), {@code <blob>}, {@code <clob>}, {@code <sqlxml>}, {@code <array>} for
 * those types: never their content, which is not read; anything else as its {@code toString()}, cut
 * like a string. Not thread-safe, like the statement.
 */
final class BoundParameters {
  /** How many characters of a value's text a span shows. */
  static final int MAX_STRING_LENGTH = 256;

  /** The index keys, so that recording the common first few allocates no key. */
  private static final String[] INDEX_KEYS = new String[32];

  static {
    for (int i = 0; i < INDEX_KEYS.length; i++) {
      INDEX_KEYS[i] = Integer.toString(i);
    }
  }

  /** Stands for SQL NULL, which a setter binds with no value. */
  private static final Object NULL = new Object();

  /** Positional values by 1-based JDBC index minus one; null where none was set. */
  private Object[] positional = new Object[8];

  private int highest = -1;

  /** Named values of a callable statement, in the order first set; null until one is. */
  private Map<String, Object> named;

  void set(int index, Object value) {
    int at = index - 1;
    if (at < 0) {
      return; // the real driver accepted it: nothing to show for an index JDBC does not have
    }
    if (at >= positional.length) {
      positional = Arrays.copyOf(positional, Math.max(at + 1, positional.length * 2));
    }
    positional[at] = value == null ? NULL : value;
    highest = Math.max(highest, at);
  }

  void set(String name, Object value) {
    if (named == null) {
      named = new LinkedHashMap<>();
    }
    named.put(name, value == null ? NULL : value);
  }

  void setNull(int index) {
    set(index, null);
  }

  void setNull(String name) {
    set(name, null);
  }

  /** A stream or reader bound with {@code length} (negative when not given): never read. */
  void setStream(int index, Object stream, long length) {
    set(index, new Placeholder(streamText(stream, length)));
  }

  void setStream(String name, Object stream, long length) {
    set(name, new Placeholder(streamText(stream, length)));
  }

  void clear() {
    Arrays.fill(positional, 0, highest + 1, null);
    highest = -1;
    named = null;
  }

  /** Records every value bound on {@code span}. */
  void record(Telemetry<Object> telemetry, Object span) {
    for (int i = 0; i <= highest; i++) {
      Object value = positional[i];
      if (value != null) {
        telemetry.parameter(
            span, i < INDEX_KEYS.length ? INDEX_KEYS[i] : Integer.toString(i), shown(value));
      }
    }
    if (named != null) {
      for (Map.Entry<String, Object> entry : named.entrySet()) {
        telemetry.parameter(span, entry.getKey(), shown(entry.getValue()));
      }
    }
  }

  /** What a span shows of {@code value}. */
  static String shown(Object value) {
    if (value == NULL) {
      return "null";
    }
    if (value instanceof Placeholder) {
      return ((Placeholder) value).text;
    }
    if (value instanceof byte[]) {
      return "<binary " + ((byte[]) value).length + " bytes>";
    }
    if (value instanceof InputStream || value instanceof Reader) {
      return streamText(value, -1);
    }
    if (value instanceof Blob) {
      return "<blob>";
    }
    if (value instanceof Clob) {
      return "<clob>";
    }
    if (value instanceof SQLXML) {
      return "<sqlxml>";
    }
    if (value instanceof java.sql.Array || value.getClass().isArray()) {
      return "<array>";
    }
    String text = String.valueOf(value);
    return text.length() <= MAX_STRING_LENGTH ? text : text.substring(0, MAX_STRING_LENGTH) + "...";
  }

  private static String streamText(Object stream, long length) {
    if (length < 0) {
      return "<stream>";
    }
    return "<stream " + length + (stream instanceof Reader ? " characters>" : " bytes>");
  }

  /** A value shown by what it is, never by its content. */
  private static final class Placeholder {
    final String text;

    Placeholder(String text) {
      this.text = text;
    }
  }
}
