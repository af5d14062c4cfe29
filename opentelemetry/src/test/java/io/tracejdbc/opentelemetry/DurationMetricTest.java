package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.tracejdbc.driver.internal.url.DbInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code db.client.operation.duration}: one measurement per traced call, in seconds, with the
 * conventions' buckets and the span's low-cardinality attributes.
 */
class DurationMetricTest extends InMemoryOpenTelemetry {

  @Test
  void isAHistogramInSecondsWithTheConventionsBuckets() throws SQLException {
    try (Connection c = sqlite()) {
      c.createStatement().executeQuery("SELECT 1").close();
    }

    MetricData metric =
        metrics.collectAllMetrics().stream()
            .filter(m -> m.getName().equals("db.client.operation.duration"))
            .findFirst()
            .orElseThrow();
    assertThat(metric.getUnit()).isEqualTo("s");
    assertThat(metric.getInstrumentationScopeInfo().getName()).isEqualTo("io.tracejdbc");
    assertThat(metric.getHistogramData().getPoints())
        .singleElement()
        .satisfies(
            point ->
                assertThat(point.getBoundaries())
                    .containsExactly(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0));
  }

  @Test
  void isRecordedOncePerCallWithTheSpansDuration() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE stock (id INTEGER PRIMARY KEY, qty INTEGER)");
      for (int i = 0; i < 3; i++) {
        s.executeUpdate("INSERT INTO stock VALUES (" + i + ", " + (i * 7) + ")");
      }
    }

    SpanData create = span("CREATE TABLE stock");
    HistogramPointData inserts = point("INSERT stock");
    HistogramPointData creates = point("CREATE TABLE stock");
    assertThat(inserts.getCount()).isEqualTo(3);
    assertThat(creates.getCount()).isEqualTo(1);
    double spanSeconds =
        (create.getEndEpochNanos() - create.getStartEpochNanos())
            / (double) TimeUnit.SECONDS.toNanos(1);
    // the same call, in seconds, measured by two clocks a few instructions apart
    assertThat(creates.getSum()).isPositive().isCloseTo(spanSeconds, within(0.05));
  }

  @Test
  void hasTheConventionsAttributesAndNeverTheQueryText() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
      s.executeQuery("SELECT name FROM users WHERE name = 'Bob'").close();
    }

    assertThat(attributes(point("SELECT users")))
        .containsOnly(
            entry("db.system.name", "sqlite"),
            entry("db.namespace", ":memory:"),
            entry("db.query.summary", "SELECT users"));
  }

  @Test
  void aFailedCallHasItsErrorTypeAndStatusCode() {
    try (Connection c = sqlite()) {
      c.createStatement().executeQuery("SELECT * FROM missing").close();
    } catch (SQLException expected) {
      // measured all the same
    }

    assertThat(durations())
        .singleElement()
        .satisfies(
            point ->
                assertThat(attributes(point))
                    .contains(entry("error.type", "1"), entry("db.response.status_code", "1"))
                    .doesNotContainKey("db.query.text"));
  }

  @Test
  void aJdbcCallHasItsOperationName() throws SQLException {
    try (Connection c = sqlite()) {
      c.setAutoCommit(false);
      c.commit();
    }

    assertThat(attributes(point("COMMIT")))
        .containsOnly(
            entry("db.system.name", "sqlite"),
            entry("db.namespace", ":memory:"),
            entry("db.operation.name", "COMMIT"),
            entry("db.query.summary", "COMMIT"));
  }

  @Test
  void aBatchIsOneMeasurement() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER)");
      s.addBatch("INSERT INTO t VALUES (1)");
      s.addBatch("INSERT INTO t VALUES (2)");
      s.executeBatch();
    }

    assertThat(point("BATCH INSERT t").getCount()).isEqualTo(1);
  }

  @Test
  void untracedCallsAreNotMeasured() throws SQLException {
    try (Connection c = sqlite("traceAllQueries=false")) {
      c.createStatement().executeQuery("SELECT 1").close();
    }

    assertThat(durations()).isEmpty();
  }

  @Test
  void anOpenTelemetryWithoutAMeterProviderMeasuresNothingButStillTraces() throws SQLException {
    OpenTelemetry tracesOnly =
        new OpenTelemetry() {
          @Override
          public TracerProvider getTracerProvider() {
            return provider;
          }

          @Override
          public ContextPropagators getPropagators() {
            return ContextPropagators.noop();
          }
        };
    OpenTelemetryTracing.init(tracesOnly);
    try (Connection c = sqlite()) {
      c.createStatement().executeQuery("SELECT 1").close();
    }

    assertThat(spans()).hasSize(1);
    assertThat(new ClientSpans(tracesOnly).recordsNothing()).isFalse();
    assertThat(durations()).isEmpty();
  }

  @Test
  void aBackendThatMeasuresElsewhereTurnsTheMetricOff() {
    ClientSpans spans = new ClientSpans(openTelemetry, false);
    DbInfo db = DbInfo.parse("jdbc:h2:mem:shop", null);

    spans.finish(spans.startCall(null, db, "commit"), false);

    assertThat(spans()).hasSize(1);
    assertThat(durations()).isEmpty();
    assertThat(spans.recordsNothing()).isFalse();
  }

  @Test
  void anOpenTelemetryWithoutAnSdkRecordsNothing() {
    assertThat(new ClientSpans(OpenTelemetry.noop()).recordsNothing()).isTrue();
    assertThat(new ClientSpans(GlobalOpenTelemetry.get()).recordsNothing()).isTrue(); // unset
    assertThat(new ClientSpans(openTelemetry).recordsNothing()).isFalse();
  }

  private HistogramPointData point(String summary) {
    List<HistogramPointData> points = durations();
    return points.stream()
        .filter(p -> summary.equals(p.getAttributes().get(Database.DB_QUERY_SUMMARY)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no point of " + summary + " in " + points));
  }
}
