package io.tracejdbc.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * An OpenTelemetry SDK that keeps finished spans in memory, installed with {@link
 * OpenTelemetryTracing#init} for each test, and SQLite connections to trace.
 */
abstract class InMemoryOpenTelemetry {
  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  final SdkMeterProvider meterProvider =
      SdkMeterProvider.builder().registerMetricReader(metrics).build();
  final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(provider)
          .setMeterProvider(meterProvider)
          .build();

  @BeforeEach
  void installOpenTelemetry() {
    OpenTelemetryTracing.init(openTelemetry);
  }

  @AfterEach
  void closeSdk() {
    provider.close();
    meterProvider.close();
  }

  static Connection sqlite() throws SQLException {
    return DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
  }

  static Connection sqlite(String options) throws SQLException {
    return DriverManager.getConnection("jdbc:tracing:sqlite::memory:?" + options);
  }

  Span startSpan(String name) {
    return openTelemetry.getTracer("test").spanBuilder(name).startSpan();
  }

  List<SpanData> spans() {
    return exporter.getFinishedSpanItems();
  }

  List<String> names() {
    return spans().stream().map(SpanData::getName).collect(Collectors.toList());
  }

  /** The one span finished; fails unless there is exactly one. */
  SpanData onlySpan() {
    if (spans().size() != 1) {
      throw new AssertionError("one span expected; got " + names());
    }
    return spans().get(0);
  }

  /**
   * The points of {@code db.client.operation.duration} recorded so far, one per distinct set of
   * attributes.
   */
  List<HistogramPointData> durations() {
    return metrics.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals(ClientSpans.DURATION_METRIC))
        .flatMap(metric -> metric.getHistogramData().getPoints().stream())
        .collect(Collectors.toList());
  }

  /** The attributes of a metric point by name. */
  static Map<String, Object> attributes(HistogramPointData point) {
    Map<String, Object> byName = new LinkedHashMap<>();
    point
        .getAttributes()
        .forEach((AttributeKey<?> key, Object value) -> byName.put(key.getKey(), value));
    return byName;
  }

  /** The span named {@code name}; fails unless there is exactly one. */
  SpanData span(String name) {
    List<SpanData> named =
        spans().stream().filter(span -> span.getName().equals(name)).collect(Collectors.toList());
    if (named.size() != 1) {
      throw new AssertionError("one span named " + name + " expected; got " + names());
    }
    return named.get(0);
  }

  /** The attributes of {@code span} by name, for comparing with literal names. */
  static Map<String, Object> attributes(SpanData span) {
    Map<String, Object> byName = new LinkedHashMap<>();
    span.getAttributes()
        .forEach((AttributeKey<?> key, Object value) -> byName.put(key.getKey(), value));
    return byName;
  }

  static boolean isChildOf(SpanData span, Span parent) {
    return span.getParentSpanId().equals(parent.getSpanContext().getSpanId())
        && span.getTraceId().equals(parent.getSpanContext().getTraceId());
  }
}
