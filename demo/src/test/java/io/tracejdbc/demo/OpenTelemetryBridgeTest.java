package io.tracejdbc.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tracejdbc.driver.TracingDriver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tracejdbc feeding an OpenTelemetry SDK through the OpenTracing shim. */
class OpenTelemetryBridgeTest {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder().setTracerProvider(provider).build();

  @BeforeEach
  void installShim() {
    TracingDriver.init(OpenTracingShim.createTracerShim(openTelemetry));
  }

  @AfterEach
  void closeSdk() {
    provider.close();
  }

  @Test
  void statementsBecomeChildrenOfTheCurrentOpenTelemetrySpan() throws SQLException {
    Span request = openTelemetry.getTracer("test").spanBuilder("GET /books").startSpan();
    try (Scope current = request.makeCurrent();
        Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT)");
      s.executeUpdate("INSERT INTO books VALUES (1, 'Solaris')");
      s.executeQuery("SELECT title FROM books WHERE id = 1").close();
    } finally {
      request.end();
    }

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans)
        .extracting(SpanData::getName)
        .containsExactly("create-table", "insert", "select", "GET /books");
    for (SpanData span : spans.subList(0, 3)) {
      assertThat(span.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
      assertThat(span.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    }
  }

  @Test
  void tagsBecomeAttributes() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT)");
      s.executeUpdate("INSERT INTO books VALUES (1, 'Solaris')");
    }

    SpanData insert = exporter.getFinishedSpanItems().get(1);
    assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.system"))).isEqualTo("sqlite");
    assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.statement")))
        .isEqualTo("INSERT INTO books VALUES (?, ?)");
    assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.sql.table")))
        .isEqualTo("books");
    assertThat(insert.getAttributes().get(AttributeKey.longKey("db.rows_affected"))).isEqualTo(1L);
    assertThat(insert.getAttributes().get(AttributeKey.stringKey("span.kind"))).isEqualTo("client");
    assertThat(insert.getAttributes().get(AttributeKey.stringKey("component")))
        .isEqualTo("tracejdbc");
  }

  @Test
  void aFailedStatementHasErrorStatusAndTheDatabaseErrorCode() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM missing"))
          .isInstanceOf(SQLException.class);
    }

    SpanData select = exporter.getFinishedSpanItems().get(0);
    assertThat(select.getName()).isEqualTo("select");
    assertThat(select.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(select.getAttributes().get(AttributeKey.longKey("db.error_code"))).isEqualTo(1L);
    assertThat(select.getEvents()).isNotEmpty();
  }

  @Test
  void aRegistryMarkParentsUnderAnOpenTracingSpanOfTheShim() throws SQLException {
    io.opentracing.Tracer shim = OpenTracingShim.createTracerShim(openTelemetry);
    io.opentracing.Span request = shim.buildSpan("POST /orders").start();
    try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:")) {
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, request);
      c.createStatement().executeUpdate("CREATE TABLE orders (id INTEGER PRIMARY KEY)");
      c.commit();
    } finally {
      request.finish();
    }

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans)
        .extracting(SpanData::getName)
        .containsExactly("create-table", "commit", "POST /orders");
    String requestId = spans.get(2).getSpanId();
    assertThat(spans.subList(0, 2))
        .allSatisfy(span -> assertThat(span.getParentSpanId()).isEqualTo(requestId));
  }
}
