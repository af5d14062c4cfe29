package io.tracejdbc.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bookshop with OpenTelemetry's own Spring Boot starter (its JDBC instrumentation off) and no
 * Micrometer: tracejdbc's spans under the starter's server spans, and the duration metric through
 * the starter's meter provider.
 */
class OpenTelemetryStarterTest {
  @ParameterizedTest
  @EnumSource(Database.class)
  void spansGoToTheStartersOpenTelemetryAndTheMetricToItsMeter(Database database) {
    database.requireReachable();
    try (RunningBookshop shop =
        RunningBookshop.start("otelstarter", database, List.of(InMemory.class))) {
      InMemory captured = shop.bean(InMemory.class);
      assertThat(clientNames(captured.spans.getFinishedSpanItems()))
          .containsSubsequence("DROP TABLE sbit_books", "CREATE TABLE sbit_books");

      assertThat(shop.call("POST", "/books?title=Dune").status()).isEqualTo(200);
      assertThat(shop.call("POST", "/books/rejected?title=Solaris").status()).isEqualTo(409);
      assertThat(shop.call("GET", "/books").body()).isEqualTo("[\"Dune\"]");

      List<SpanData> spans = captured.spans.getFinishedSpanItems();
      assertThat(clientNames(children(spans, server(spans, "POST /books"))))
          .containsExactly("INSERT sbit_books", "COMMIT");
      assertThat(clientNames(children(spans, server(spans, "POST /books/rejected"))))
          .containsExactly("INSERT sbit_books", "ROLLBACK");
      assertThat(clientNames(children(spans, server(spans, "GET /books"))))
          .containsExactly("SELECT sbit_books");
      assertThat(spans)
          .filteredOn(span -> span.getKind() == SpanKind.CLIENT)
          .allSatisfy(
              span ->
                  assertThat(span.getInstrumentationScopeInfo().getName())
                      .isEqualTo("io.tracejdbc"));

      assertThat(captured.metrics.collectAllMetrics())
          .filteredOn(metric -> metric.getName().equals("db.client.operation.duration"))
          .singleElement()
          .extracting(MetricData::getInstrumentationScopeInfo)
          .satisfies(scope -> assertThat(scope.getName()).isEqualTo("io.tracejdbc"));
    }
  }

  private static SpanData server(List<SpanData> spans, String name) {
    List<SpanData> named =
        spans.stream()
            .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().equals(name))
            .toList();
    assertThat(named)
        .as("one server span %s among %s", name, spans.stream().map(SpanData::getName).toList())
        .hasSize(1);
    return named.get(0);
  }

  private static List<SpanData> children(List<SpanData> spans, SpanData parent) {
    return spans.stream()
        .filter(span -> span.getParentSpanId().equals(parent.getSpanId()))
        .filter(span -> span.getTraceId().equals(parent.getTraceId()))
        .toList();
  }

  private static List<String> clientNames(List<SpanData> spans) {
    return spans.stream()
        .filter(span -> span.getKind() == SpanKind.CLIENT)
        .map(SpanData::getName)
        .toList();
  }

  /** Every span and metric of the starter's SDK, in memory. */
  @Configuration(proxyBeanMethods = false)
  static class InMemory {
    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final InMemoryMetricReader metrics = InMemoryMetricReader.create();

    @Bean
    AutoConfigurationCustomizerProvider inMemorySpansAndMetrics() {
      return customizer ->
          customizer
              .addTracerProviderCustomizer(
                  (tracers, config) -> tracers.addSpanProcessor(SimpleSpanProcessor.create(spans)))
              .addMeterProviderCustomizer((meters, config) -> meters.registerMetricReader(metrics));
    }
  }
}
