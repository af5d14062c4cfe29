package io.tracejdbc.tck;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDataSource;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.driver.TracingOptions;
import io.tracejdbc.opentelemetry.OpenTelemetryTracing;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * One of tracejdbc's two backends, for tests that must hold on both: OpenTracing (a {@link
 * MockTracer}) or the native OpenTelemetry module (an SDK with an in-memory exporter and the W3C
 * propagator). Spans are read back in one shape, {@link Recorded}.
 */
abstract class Backend {
  /** A finished span, whichever backend recorded it. */
  record Recorded(
      String name,
      Map<String, Object> attributes,
      String traceId,
      String spanId,
      String parentSpanId,
      boolean error,
      long durationNanos,
      String kind,
      String traceFlags) {}

  /** A span made current by the test, to be ended by {@link #close}. */
  interface Parent extends AutoCloseable {
    @Override
    void close();
  }

  static List<Backend> both() {
    return List.of(new OpenTracingBackend(), new OpenTelemetryBackend());
  }

  /** Installs this backend globally with {@code options}. */
  abstract void install(TracingOptions options);

  /** A data source of this backend over {@code real}, with {@code options}. */
  abstract DataSource dataSource(DataSource real, TracingOptions options);

  abstract List<Recorded> spans();

  abstract void reset();

  /** Starts a span named {@code name} and makes it current until closed. */
  abstract Parent activate(String name);

  /**
   * Starts a span named {@code name}, not current, and marks {@code connection} with it ({@code
   * setParentSpan}); closing ends the span.
   */
  abstract Parent mark(Connection connection, String name);

  /** The sqlcommenter comment this backend gives for the context of {@code span}. */
  abstract String commentOf(Recorded span);

  /** The finished spans named {@code name}. */
  List<Recorded> named(String name) {
    return spans().stream().filter(s -> s.name().equals(name)).collect(Collectors.toList());
  }

  static final class OpenTracingBackend extends Backend {
    private final MockTracer tracer = new MockTracer();

    @Override
    void install(TracingOptions options) {
      TracingDriver.init(tracer, options);
    }

    @Override
    DataSource dataSource(DataSource real, TracingOptions options) {
      return new TracingDataSource(real, tracer, options);
    }

    @Override
    List<Recorded> spans() {
      return tracer.finishedSpans().stream()
          .map(OpenTracingBackend::recorded)
          .collect(Collectors.toList());
    }

    private static Recorded recorded(MockSpan span) {
      return new Recorded(
          span.operationName(),
          span.tags(),
          Long.toString(span.context().traceId()),
          Long.toString(span.context().spanId()),
          span.parentId() == 0 ? null : Long.toString(span.parentId()),
          Boolean.TRUE.equals(span.tags().get("error")),
          (span.finishMicros() - span.startMicros()) * 1_000,
          (String) span.tags().get("span.kind"),
          null);
    }

    @Override
    void reset() {
      tracer.reset();
    }

    @Override
    Parent activate(String name) {
      io.opentracing.Span span = tracer.buildSpan(name).start();
      io.opentracing.Scope scope = tracer.activateSpan(span);
      return () -> {
        scope.close();
        span.finish();
      };
    }

    @Override
    Parent mark(Connection connection, String name) {
      io.opentracing.Span span = tracer.buildSpan(name).start();
      TracingDriver.setParentSpan(connection, span);
      return span::finish;
    }

    /** MockTracer's text-map propagator writes {@code spanid} and {@code traceid}. */
    @Override
    String commentOf(Recorded span) {
      return "/*spanid='" + span.spanId() + "',traceid='" + span.traceId() + "'*/";
    }

    @Override
    public String toString() {
      return "OpenTracing";
    }
  }

  static final class OpenTelemetryBackend extends Backend {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    @Override
    void install(TracingOptions options) {
      OpenTelemetryTracing.init(openTelemetry, options);
    }

    @Override
    DataSource dataSource(DataSource real, TracingOptions options) {
      return OpenTelemetryTracing.dataSource(real, openTelemetry, options);
    }

    @Override
    List<Recorded> spans() {
      return exporter.getFinishedSpanItems().stream()
          .map(OpenTelemetryBackend::recorded)
          .collect(Collectors.toList());
    }

    private static Recorded recorded(SpanData span) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
      return new Recorded(
          span.getName(),
          attributes,
          span.getTraceId(),
          span.getSpanId(),
          span.getParentSpanContext().isValid() ? span.getParentSpanId() : null,
          span.getStatus().getStatusCode() == StatusCode.ERROR,
          span.getEndEpochNanos() - span.getStartEpochNanos(),
          span.getKind() == SpanKind.CLIENT ? "client" : span.getKind().name().toLowerCase(),
          span.getSpanContext().getTraceFlags().asHex());
    }

    @Override
    void reset() {
      exporter.reset();
    }

    @Override
    Parent activate(String name) {
      Span span = openTelemetry.getTracer("tck").spanBuilder(name).startSpan();
      io.opentelemetry.context.Scope scope = span.makeCurrent();
      return () -> {
        scope.close();
        span.end();
      };
    }

    @Override
    Parent mark(Connection connection, String name) {
      Span span = openTelemetry.getTracer("tck").spanBuilder(name).startSpan();
      OpenTelemetryTracing.setParentSpan(connection, span);
      return span::end;
    }

    /** The W3C {@code traceparent}: version 00, the ids, the flags (sampled, and random ids). */
    @Override
    String commentOf(Recorded span) {
      return "/*traceparent='00-"
          + span.traceId()
          + "-"
          + span.spanId()
          + "-"
          + span.traceFlags()
          + "'*/";
    }

    @Override
    public String toString() {
      return "OpenTelemetry";
    }
  }
}
