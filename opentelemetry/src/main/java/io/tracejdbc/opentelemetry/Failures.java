package io.tracejdbc.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** What a failed call's span says of its exception, under OpenTelemetry's conventions. */
final class Failures {
  /** The conventions' name of the span event that records an exception. */
  static final String EXCEPTION_EVENT = "exception";

  static final AttributeKey<String> EXCEPTION_TYPE = stringKey("exception.type");
  static final AttributeKey<String> EXCEPTION_MESSAGE = stringKey("exception.message");
  static final AttributeKey<String> EXCEPTION_STACKTRACE = stringKey("exception.stacktrace");

  private Failures() {}

  /**
   * {@code db.response.status_code}: the most specific code the driver gives, as the SQL
   * conventions ask. A generic driver cannot tell whether the vendor's error code or the SQLState
   * is the finer one, so it has both, as the conventions' {@code 42000/1071}: MariaDB's {@code
   * 23000/1062}; PostgreSQL's SQLState alone ({@code 23505}: pgjdbc's error code is always 0);
   * SQLite's result code alone ({@code 19}: it has no SQLState); H2's {@code 23505} once, being the
   * same in both. Null when there is none, or when {@code error} is not an {@link SQLException}.
   */
  static String statusCode(Throwable error) {
    if (!(error instanceof SQLException)) {
      return null;
    }
    SQLException sqlError = (SQLException) error;
    String state = sqlError.getSQLState();
    if (state != null && state.isBlank()) {
      state = null;
    }
    int code = sqlError.getErrorCode();
    if (code == 0) {
      return state;
    }
    String vendorCode = Integer.toString(code);
    return state == null || state.equals(vendorCode) ? vendorCode : state + '/' + vendorCode;
  }

  /**
   * The attributes of the {@code exception} event of {@code error} that carry no data: its type,
   * {@code message} (the redacted message, or null for none) and a stack trace of classes and
   * frames, without the messages of the exception and its causes, where drivers put values.
   */
  static Attributes withoutData(Throwable error, String message) {
    AttributesBuilder attributes =
        Attributes.builder()
            .put(EXCEPTION_TYPE, error.getClass().getName())
            .put(EXCEPTION_STACKTRACE, stackTraceWithoutMessages(error));
    if (message != null) {
      attributes.put(EXCEPTION_MESSAGE, message);
    }
    return attributes.build();
  }

  /**
   * The stack trace as {@link Throwable#printStackTrace()} prints it, causes included, with each
   * exception's class name in place of its {@code toString()}; suppressed exceptions are left out.
   */
  static String stackTraceWithoutMessages(Throwable error) {
    StringBuilder out = new StringBuilder(2048);
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    StackTraceElement[] enclosing = new StackTraceElement[0];
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      if (t != error) {
        out.append("Caused by: ");
      }
      out.append(t.getClass().getName()).append('\n');
      StackTraceElement[] frames = t.getStackTrace();
      int own = frames.length - framesInCommon(frames, enclosing);
      for (int i = 0; i < own; i++) {
        out.append("\tat ").append(frames[i]).append('\n');
      }
      if (own < frames.length) {
        out.append("\t... ").append(frames.length - own).append(" more\n");
      }
      enclosing = frames;
    }
    return out.toString();
  }

  /** How many frames at the bottom of {@code frames} the enclosing trace has too. */
  private static int framesInCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
    int common = 0;
    int i = frames.length - 1;
    int j = enclosing.length - 1;
    while (i >= 0 && j >= 0 && frames[i].equals(enclosing[j])) {
      common++;
      i--;
      j--;
    }
    return common;
  }
}
