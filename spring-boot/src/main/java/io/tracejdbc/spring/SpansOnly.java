package io.tracejdbc.spring;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;

/**
 * An application's {@code OpenTelemetry} without its meter provider: the native backend then
 * records spans only, the duration being Micrometer's to record (or off).
 */
final class SpansOnly implements OpenTelemetry {
  private final OpenTelemetry openTelemetry;

  SpansOnly(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  @Override
  public TracerProvider getTracerProvider() {
    return openTelemetry.getTracerProvider();
  }

  @Override
  public ContextPropagators getPropagators() {
    return openTelemetry.getPropagators();
  }

  @Override
  public String toString() {
    return "the spans of " + openTelemetry;
  }
}
