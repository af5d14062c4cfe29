package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * N+1 queries on the OpenTelemetry side: the attributes of flagged spans, the parent's event and
 * the counter, and parents that cannot take an event.
 */
class NPlusOneQueriesTest extends InMemoryOpenTelemetry {
  private static final AttributeKey<Long> COUNT =
      AttributeKey.longKey("tracejdbc.n_plus_one.count");

  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final SdkMeterProvider meters =
      SdkMeterProvider.builder().registerMetricReader(metrics).build();

  @BeforeEach
  void installWithMetrics() {
    OpenTelemetryTracing.init(
        OpenTelemetrySdk.builder().setTracerProvider(provider).setMeterProvider(meters).build());
  }

  @AfterEach
  void closeMeters() {
    meters.close();
  }

  private static void selectTimes(Connection c, int times) throws SQLException {
    for (int i = 0; i < times; i++) {
      try (PreparedStatement select =
          c.prepareStatement("SELECT name FROM sqlite_master WHERE rootpage = ?")) {
        select.setInt(1, i);
        select.executeQuery().close();
      }
    }
  }

  private List<Long> flags() {
    return spans().stream()
        .filter(span -> span.getName().equals("SELECT sqlite_master"))
        .map(span -> span.getAttributes().get(COUNT))
        .map(count -> count == null ? 0L : count)
        .collect(Collectors.toList());
  }

  private long counted(String summary) {
    return metrics.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals("tracejdbc.n_plus_one"))
        .map(MetricData::getLongSumData)
        .flatMap(sum -> sum.getPoints().stream())
        .filter(point -> summary.equals(point.getAttributes().get(Database.DB_QUERY_SUMMARY)))
        .mapToLong(LongPointData::getValue)
        .sum();
  }

  @Test
  void flaggedSpansCountTheirPlaceAndTheParentGetsOneEventWithTheSummary() throws SQLException {
    Span request = startSpan("GET /owners");
    try (Scope current = request.makeCurrent();
        Connection c = sqlite()) {
      selectTimes(c, 7);
    } finally {
      request.end();
    }

    assertThat(flags()).containsExactly(0L, 0L, 0L, 0L, 5L, 6L, 7L);
    SpanData fifth = spans().get(4);
    assertThat(attributes(fifth))
        .containsEntry("tracejdbc.n_plus_one", true)
        .containsEntry("tracejdbc.n_plus_one.count", 5L);
    List<EventData> events = span("GET /owners").getEvents();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getName()).isEqualTo("tracejdbc.n_plus_one");
    assertThat(events.get(0).getAttributes().asMap())
        .hasSize(2)
        .containsEntry(Database.DB_QUERY_SUMMARY, "SELECT sqlite_master")
        .containsEntry(AttributeKey.longKey("tracejdbc.n_plus_one.threshold"), 5L);
    assertThat(counted("SELECT sqlite_master")).isEqualTo(1);
  }

  @Test
  void aRemoteParentIsCountedButGetsNothing() throws SQLException {
    SpanContext remote =
        SpanContext.createFromRemoteParent(
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    try (Scope current = Context.root().with(Span.wrap(remote)).makeCurrent();
        Connection c = sqlite()) {
      selectTimes(c, 5);
    }

    assertThat(flags()).containsExactly(0L, 0L, 0L, 0L, 5L);
    assertThat(counted("SELECT sqlite_master")).isEqualTo(1);
  }

  @Test
  void anInvalidCurrentSpanIsNoParent() throws SQLException {
    try (Scope current = Span.getInvalid().makeCurrent();
        Connection c = sqlite()) {
      selectTimes(c, 6);
    }

    assertThat(flags()).containsOnly(0L);
    assertThat(counted("SELECT sqlite_master")).isZero();
  }
}
