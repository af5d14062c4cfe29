package io.tracejdbc.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;

/**
 * What tracejdbc's other modules (the Spring Boot starter, whose Micrometer backend and duration
 * metric name things as these spans do) need of this module: the native backend as a {@link
 * Telemetry}, and the conventions' names of a call.
 *
 * <p>Internal, not API: public only for tracejdbc's own modules, and free to change.
 */
public final class ConventionsAccess {
  private ConventionsAccess() {}

  /**
   * The native backend: {@code CLIENT} spans of {@code openTelemetry}, and the duration metric
   * unless its meter provider is a no-op.
   */
  public static Telemetry<?> telemetry(OpenTelemetry openTelemetry) {
    return new ClientSpans(openTelemetry);
  }

  /** {@code db.system.name} of tracejdbc's {@code db.system} value. */
  public static String systemName(String system) {
    return DbSystemNames.of(system);
  }

  /** The name of a span with neither summary nor operation name, on the database {@code db}. */
  public static String fallbackName(DbInfo db) {
    return new Database(db).fallbackName;
  }

  /**
   * {@code db.query.summary} of a batch whose statements share {@code summary} (null: they don't).
   */
  public static String batchSummary(String summary) {
    return SqlOperation.batchSummary(summary);
  }

  /** {@code db.operation.name} of the JDBC call tracejdbc names {@code operation} (commit, ...). */
  public static String callName(String operation) {
    return SqlOperation.callName(operation);
  }

  /** {@code db.response.status_code} of a failure on {@code systemName}, or null for none. */
  public static String statusCode(Throwable error, String systemName) {
    return Failures.statusCode(error, systemName);
  }

  /** {@code error.type} of a failure whose status code is {@code statusCode} (null: none). */
  public static String errorType(Throwable error, String statusCode) {
    return Failures.errorType(error, statusCode);
  }
}
