package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.driver.TracingOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/** The entry points: init, setParentSpan's bad input, data sources with their own backend. */
class OpenTelemetryTracingTest extends InMemoryOpenTelemetry {

  @Test
  void setParentSpanRejectsANullSpanNamingTheArgument() throws SQLException {
    try (Connection c = sqlite()) {
      assertThatThrownBy(() -> OpenTelemetryTracing.setParentSpan(c, null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("parent");
    }
  }

  @Test
  void setParentSpanRejectsAnObjectThatIsNotOfTracejdbcNamingItsClass() {
    assertThatThrownBy(() -> OpenTelemetryTracing.setParentSpan("SELECT 1", startSpan("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
    assertThatThrownBy(() -> OpenTelemetryTracing.setParentSpan(null, startSpan("x")))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("target");
  }

  @Test
  void nullArgumentsAreNamed() {
    assertThatThrownBy(() -> OpenTelemetryTracing.init(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("openTelemetry");
    assertThatThrownBy(() -> OpenTelemetryTracing.init(openTelemetry, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("options");
    assertThatThrownBy(() -> OpenTelemetryTracing.dataSource(null, openTelemetry))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("real");
  }

  @Test
  void tracingDriverInitGoesBackToOpenTracingAndTheLatestInitWins() throws SQLException {
    MockTracer tracer = new MockTracer();
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1").close();
      TracingDriver.init(tracer);
      s.executeQuery("SELECT 2").close();
      OpenTelemetryTracing.init(openTelemetry);
      s.executeQuery("SELECT 3").close();
    }

    assertThat(spans()).hasSize(2);
    assertThat(tracer.finishedSpans())
        .extracting(MockSpan::operationName)
        .containsExactly("select");
  }

  @Test
  void aDataSourceKeepsItsOwnOpenTelemetryWhateverInitInstalls() throws SQLException {
    InMemorySpanExporter own = InMemorySpanExporter.create();
    try (SdkTracerProvider ownProvider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(own)).build()) {
      OpenTelemetry ownOpenTelemetry =
          OpenTelemetrySdk.builder().setTracerProvider(ownProvider).build();
      DataSource traced = OpenTelemetryTracing.dataSource(sqliteDataSource(), ownOpenTelemetry);
      TracingDriver.init(new MockTracer());

      try (Connection c = traced.getConnection()) {
        c.createStatement().executeQuery("SELECT 1").close();
      }

      assertThat(own.getFinishedSpanItems())
          .extracting(SpanData::getName)
          .containsExactly("SELECT");
      assertThat(attributes(own.getFinishedSpanItems().get(0)))
          .containsEntry("db.system.name", "sqlite");
      assertThat(spans()).isEmpty();
    }
  }

  @Test
  void aDataSourcesOptionsOverrideTheGlobalOnes() throws SQLException {
    DataSource quiet =
        OpenTelemetryTracing.dataSource(
            sqliteDataSource(),
            openTelemetry,
            TracingOptions.builder().traceAllQueries(false).build());

    try (Connection c = quiet.getConnection();
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1").close();
      TracingDriver.setTraced(s);
      s.executeQuery("SELECT 2").close();
    }

    assertThat(spans())
        .singleElement()
        .satisfies(span -> assertThat(attributes(span)).containsEntry("db.query.text", "SELECT ?"));
  }

  private static DataSource sqliteDataSource() {
    SQLiteDataSource real = new SQLiteDataSource();
    real.setUrl("jdbc:sqlite::memory:");
    return real;
  }
}
