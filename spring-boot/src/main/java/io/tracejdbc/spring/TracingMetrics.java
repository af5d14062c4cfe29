package io.tracejdbc.spring;

import io.tracejdbc.driver.internal.Telemetry;

/** Adds the duration metric to a backend's spans, when the application has a meter registry. */
interface TracingMetrics {
  /** Whether the application has a meter registry to record into. */
  boolean available();

  /** {@code spans}, with each call's duration recorded in the registry. */
  Telemetry<?> metered(Telemetry<?> spans);
}
