package io.tracejdbc.spring;

import io.tracejdbc.driver.internal.Telemetry;

/**
 * One place the driver's spans may go, asked when the first data source is wrapped: the
 * auto-configuration has one per tracing API on the class path, in the order they are tried.
 */
@FunctionalInterface
interface TracingBackend {
  /**
   * The spans of the application's tracer of this API, or null when it has none.
   *
   * @param withMetric whether a backend that can record the duration metric itself (through
   *     OpenTelemetry's meter provider) does: not when a Micrometer registry records it, nor when
   *     metrics are off
   */
  Telemetry<?> telemetry(boolean withMetric);
}
