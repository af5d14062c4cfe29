package io.tracejdbc.spring.it;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every span of Boot's OpenTelemetry SDK, in memory: a span processor Boot adds to its tracer
 * provider (the exporter is no bean, or Boot would export to it a second time).
 */
final class CapturedSpans {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

  List<SpanData> finished() {
    return exporter.getFinishedSpanItems();
  }

  @Configuration(proxyBeanMethods = false)
  static class Beans {
    @Bean
    CapturedSpans capturedSpans() {
      return new CapturedSpans();
    }

    @Bean
    SpanProcessor capturingSpanProcessor(CapturedSpans spans) {
      return SimpleSpanProcessor.create(spans.exporter);
    }
  }
}
