package io.tracejdbc.spring;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans an application brings: a pool, and its tracing. */
final class TestBackends {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private TestBackends() {}

  /** A Hikari pool on an H2 database of its own. */
  static HikariDataSource hikari() {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl("jdbc:h2:mem:starter" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    pool.setMaximumPoolSize(2);
    return pool;
  }

  @Configuration(proxyBeanMethods = false)
  static class Pool {
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
      return hikari();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OpenTelemetryBean {
    @Bean
    InMemorySpanExporter spanExporter() {
      return InMemorySpanExporter.create();
    }

    @Bean
    OpenTelemetry openTelemetry(InMemorySpanExporter exporter) {
      return io.opentelemetry.sdk.OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .build();
    }
  }

  /** An OpenTelemetry SDK that measures too, keeping its metrics in memory. */
  @Configuration(proxyBeanMethods = false)
  static class OpenTelemetryWithMeter {
    @Bean
    InMemoryMetricReader metricReader() {
      return InMemoryMetricReader.create();
    }

    @Bean
    OpenTelemetry openTelemetry(InMemoryMetricReader reader) {
      return io.opentelemetry.sdk.OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
          .build();
    }
  }

  /** Brave, through Micrometer Tracing's bridge, keeping the spans it reports. */
  @Configuration(proxyBeanMethods = false)
  static class Brave {
    @Bean
    BraveSpans braveSpans() {
      return new BraveSpans();
    }

    @Bean(destroyMethod = "close")
    Tracing braveTracing(BraveSpans spans) {
      return Tracing.newBuilder().addSpanHandler(spans).build();
    }

    @Bean
    io.micrometer.tracing.Tracer micrometerTracer(Tracing tracing) {
      return new BraveTracer(
          tracing.tracer(),
          new BraveCurrentTraceContext(tracing.currentTraceContext()),
          new BraveBaggageManager());
    }
  }

  /** The spans Brave finished. */
  static final class BraveSpans extends SpanHandler {
    final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

    @Override
    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
      finished.add(span);
      return true;
    }
  }
}
