package io.tracejdbc.spring;

import io.tracejdbc.driver.internal.Telemetry;

/** Adds the duration metric to a backend's spans, when the application has a meter registry. */
@FunctionalInterface
interface TracingMetrics {
  /** {@code spans} with each call's duration recorded, or {@code spans} when there is nowhere. */
  Telemetry<?> metered(Telemetry<?> spans);
}
