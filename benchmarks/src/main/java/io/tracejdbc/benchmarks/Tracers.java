package io.tracejdbc.benchmarks;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentracing.Tracer;

/**
 * The two tracer backends: OpenTracing's no-op tracer, and the OpenTelemetry SDK sampling every
 * span (so each one is real, recorded with its attributes) into a processor that drops it.
 */
final class Tracers {
  /** The SDK of this JVM; its spans end in {@link DroppingProcessor}. */
  static final OpenTelemetry OTEL_SDK =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .setSampler(Sampler.alwaysOn())
                  .addSpanProcessor(new DroppingProcessor())
                  .build())
          .build();

  private Tracers() {}

  /** The SDK as an OpenTracing tracer. */
  static Tracer otelShim() {
    return OpenTracingShim.createTracerShim(OTEL_SDK);
  }

  /**
   * Sees no span: what remains is the cost of making and recording spans, not of exporting them.
   */
  private static final class DroppingProcessor implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return false;
    }
  }
}
