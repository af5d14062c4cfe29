package io.tracejdbc.tck;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.opentelemetry.OpenTelemetryTracing;
import java.util.List;
import java.util.Objects;

/**
 * What the N+1 contract needs of a tracing API: parent spans to run statements under, and what the
 * finished spans say about N+1 queries.
 */
interface NPlusOneBackend {
  /** Installs this API as tracejdbc's, with no spans recorded yet. */
  void install();

  /** Forgets the spans and metrics recorded so far. */
  void forget();

  /** A parent span, started. */
  Parent start(String name);

  /** {@code tracejdbc.n_plus_one.count} of each finished database span, 0 when not flagged. */
  List<Integer> flags();

  /** The {@code tracejdbc.n_plus_one} events of the finished span {@code name}: its summaries. */
  List<String> events(String name);

  /** The value of the counter {@code tracejdbc.n_plus_one}, or -1 for an API without metrics. */
  long counted();

  /** A parent span of the API. */
  interface Parent {
    /** The API's span, for tracejdbc's {@code setParentSpan}. */
    void mark(Object target);

    /** Makes it the current span until the result is closed. */
    AutoCloseable makeCurrent();

    void end();
  }

  /** OpenTracing's MockTracer. */
  static NPlusOneBackend openTracing() {
    MockTracer tracer = new MockTracer();
    return new NPlusOneBackend() {
      @Override
      public void install() {
        TracingDriver.init(tracer);
      }

      @Override
      public void forget() {
        tracer.reset();
      }

      @Override
      public Parent start(String name) {
        MockSpan span = tracer.buildSpan(name).start();
        return new Parent() {
          @Override
          public void mark(Object target) {
            TracingDriver.setParentSpan(target, span);
          }

          @Override
          public AutoCloseable makeCurrent() {
            return tracer.activateSpan(span);
          }

          @Override
          public void end() {
            span.finish();
          }
        };
      }

      @Override
      public List<Integer> flags() {
        return tracer.finishedSpans().stream()
            .filter(span -> "tracejdbc".equals(span.tags().get("component")))
            .map(
                span -> {
                  Object flag = span.tags().get("tracejdbc.n_plus_one");
                  Object count = span.tags().get("tracejdbc.n_plus_one.count");
                  return flag == null ? 0 : ((Number) count).intValue();
                })
            .toList();
      }

      @Override
      public List<String> events(String name) {
        return tracer.finishedSpans().stream()
            .filter(span -> span.operationName().equals(name))
            .flatMap(span -> span.logEntries().stream())
            .map(MockSpan.LogEntry::fields)
            .filter(fields -> "tracejdbc.n_plus_one".equals(fields.get("event")))
            .map(fields -> fields.get("db.operation") + " " + fields.get("db.statement"))
            .toList();
      }

      @Override
      public long counted() {
        return -1;
      }
    };
  }

  /** The OpenTelemetry SDK, with an in-memory span exporter and metric reader. */
  static NPlusOneBackend openTelemetry() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    InMemoryMetricReader metrics = InMemoryMetricReader.createDelta();
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();
    AttributeKey<Long> count = AttributeKey.longKey("tracejdbc.n_plus_one.count");
    AttributeKey<String> system = AttributeKey.stringKey("db.system.name");
    AttributeKey<String> summary = AttributeKey.stringKey("db.query.summary");
    return new NPlusOneBackend() {
      @Override
      public void install() {
        OpenTelemetryTracing.init(sdk);
      }

      @Override
      public void forget() {
        exporter.reset();
        metrics.collectAllMetrics();
      }

      @Override
      public Parent start(String name) {
        io.opentelemetry.api.trace.Span span = sdk.getTracer("tck").spanBuilder(name).startSpan();
        return new Parent() {
          @Override
          public void mark(Object target) {
            OpenTelemetryTracing.setParentSpan(target, span);
          }

          @Override
          public AutoCloseable makeCurrent() {
            return span.makeCurrent();
          }

          @Override
          public void end() {
            span.end();
          }
        };
      }

      @Override
      public List<Integer> flags() {
        return exporter.getFinishedSpanItems().stream()
            .filter(span -> span.getAttributes().get(system) != null)
            .map(span -> Objects.requireNonNullElse(span.getAttributes().get(count), 0L))
            .map(Long::intValue)
            .toList();
      }

      @Override
      public List<String> events(String name) {
        return exporter.getFinishedSpanItems().stream()
            .filter(span -> span.getName().equals(name))
            .map(SpanData::getEvents)
            .flatMap(List::stream)
            .filter(event -> event.getName().equals("tracejdbc.n_plus_one"))
            .map(EventData::getAttributes)
            .map(attributes -> attributes.get(summary))
            .toList();
      }

      @Override
      public long counted() {
        return metrics.collectAllMetrics().stream()
            .filter(metric -> metric.getName().equals("tracejdbc.n_plus_one"))
            .map(MetricData::getLongSumData)
            .flatMap(sum -> sum.getPoints().stream())
            .mapToLong(LongPointData::getValue)
            .sum();
      }
    };
  }
}
