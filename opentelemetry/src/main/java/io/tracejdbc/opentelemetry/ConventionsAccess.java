package io.tracejdbc.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.tracejdbc.driver.internal.Telemetry;

/**
 * What tracejdbc's other modules (the Spring Boot starter, whose Micrometer backend and duration
 * metric name things as these spans do) need of this module: the native backend as a {@link
 * Telemetry}, and the conventions' names of a call.
 *
 * <p>Internal, not API: public only for tracejdbc's own modules, and free to change.
 */
public final class ConventionsAccess {
  private ConventionsAccess() {}

  /** The native backend: {@code CLIENT} spans of {@code openTelemetry}. */
  public static Telemetry<?> telemetry(OpenTelemetry openTelemetry) {
    return new ClientSpans(openTelemetry);
  }

  /** {@code db.system.name} of tracejdbc's {@code db.system} value. */
  public static String systemName(String system) {
    return DbSystemNames.of(system);
  }

  /**
   * {@code db.operation.name} of a call of tracejdbc's {@code operation} in a batch of {@code
   * batchSize} (0 or 1: not a batch), or null when tracejdbc cannot read the statement.
   */
  public static String operationName(String operation, int batchSize) {
    SqlOperation sql = SqlOperation.of(operation);
    return batchSize > 1 ? sql.batchName : sql.name;
  }

  /**
   * {@code db.query.summary}, the span's name: of a call of {@code operation} on {@code table}
   * (null for none) in a batch of {@code batchSize}, on a database whose {@code db.system.name} is
   * {@code systemName}.
   */
  public static String summary(String operation, String table, String systemName, int batchSize) {
    SqlOperation sql = SqlOperation.of(operation);
    return batchSize > 1 ? sql.batchSummary(table) : sql.summary(table, systemName);
  }

  /** {@code db.response.status_code} of a failure, or null when it has none. */
  public static String statusCode(Throwable error) {
    return Failures.statusCode(error);
  }
}
