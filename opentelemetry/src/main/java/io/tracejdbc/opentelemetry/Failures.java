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

  /** The systems whose own error codes are the status code, per their pages of the conventions. */
  private static final Set<String> VENDOR_CODES =
      Set.of("mariadb", "mysql", "microsoft.sql_server", "oracle.db", "ibm.db2", "sqlite");

  private Failures() {}

  /**
   * {@code db.response.status_code} of {@code error} on the database {@code systemName} (its {@code
   * db.system.name}): the most specific code the driver gives, as each system's page of the
   * conventions says. Systems whose vendor codes are finer than SQLSTATE, or that have no SQLSTATE,
   * give their vendor code: MariaDB and MySQL's error number ({@code 1062}), SQL Server's error
   * number ({@code 2627}), Oracle's {@code ORA-00001}, DB2's SQLCODE ({@code -803}), SQLite's
   * result code ({@code 19}). The others (PostgreSQL, H2, Derby, HSQLDB, ...) give their SQLSTATE
   * ({@code 23505}), or the vendor code when there is none; a database tracejdbc does not know
   * ({@code other_sql}) gives both as {@code 23000/1062}, the conventions' form when specificity is
   * unclear. Null when there is no code, or when {@code error} is not an {@link SQLException}.
   */
  static String statusCode(Throwable error, String systemName) {
    if (!(error instanceof SQLException)) {
      return null;
    }
    SQLException sqlError = (SQLException) error;
    String state = sqlError.getSQLState();
    if (state != null && state.isBlank()) {
      state = null;
    }
    int code = sqlError.getErrorCode();
    String vendorCode = code == 0 ? null : vendorCode(code, systemName);
    if (VENDOR_CODES.contains(systemName)) {
      return vendorCode != null ? vendorCode : state;
    }
    if (state == null || (vendorCode != null && state.equals(vendorCode))) {
      return vendorCode;
    }
    if (vendorCode != null && DbSystemNames.UNKNOWN.equals(systemName)) {
      return state + '/' + vendorCode;
    }
    return state;
  }

  private static String vendorCode(int code, String systemName) {
    if (systemName.equals("oracle.db") && code > 0) {
      String digits = Integer.toString(code);
      return "ORA-" + "00000".substring(Math.min(5, digits.length())) + digits;
    }
    return Integer.toString(code);
  }

  /**
   * {@code error.type}: the status code when there is one, as the conventions prefer, else the
   * exception's class name.
   */
  static String errorType(Throwable error, String statusCode) {
    return statusCode != null ? statusCode : error.getClass().getName();
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
