package io.tracejdbc.driver;

import io.tracejdbc.driver.Execution.TracerFailures;
import io.tracejdbc.driver.internal.Telemetry;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A data source's {@code getConnection} as a span ({@code traceConnectionAcquisition}): it lasts as
 * long as the real data source takes to hand out a connection (a pool's wait included) and carries
 * the error when that fails or times out. Like a statement's span, it never breaks the call: a
 * tracer that throws costs the span only.
 */
final class ConnectionAcquisition {
  private ConnectionAcquisition() {}

  /**
   * Makes {@code call} within a span named {@code name} of {@code telemetry}; {@code raw}: error
   * messages go unredacted ({@code statementText=raw}).
   */
  static Connection traced(
      Telemetry<Object> telemetry, String name, boolean raw, Execution.Call<Connection> call)
      throws SQLException {
    Object span;
    try {
      span = telemetry.startAcquisition(name);
    } catch (Throwable t) {
      TracerFailures.report(t);
      span = null;
    }
    if (span == null) {
      return call.call();
    }
    try {
      return call.call();
    } catch (Throwable t) {
      try {
        telemetry.failed(span, t, raw);
      } catch (Throwable failure) {
        TracerFailures.report(failure);
      }
      throw t;
    } finally {
      try {
        telemetry.finish(span, false);
      } catch (Throwable failure) {
        TracerFailures.report(failure);
      }
    }
  }
}
