package io.tracejdbc.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tracejdbc.opentelemetry.OpenTelemetryTracing;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * tracejdbc-opentelemetry on every database, seen by an OpenTelemetry SDK with an in-memory
 * exporter: CLIENT spans with exactly the stable database conventions' attributes, under the
 * current span or the registry's marks.
 */
abstract class OpenTelemetryContract extends DatabaseContract {
  /** Every attribute a span may have; OpenTracing's names are none of them. */
  private static final Set<String> CONVENTIONS =
      Set.of(
          "db.system.name",
          "db.namespace",
          "db.query.text",
          "db.query.summary",
          "db.operation.name",
          "db.collection.name",
          "server.address",
          "server.port",
          "db.operation.batch.size",
          "db.stored_procedure.name",
          "db.response.status_code",
          "error.type",
          "tracejdbc.rows_affected");

  private static final List<String> OPENTRACING_NAMES =
      List.of(
          "span.kind",
          "component",
          "db.type",
          "db.system",
          "db.instance",
          "db.user",
          "db.statement",
          "db.operation",
          "db.sql.table",
          "peer.hostname",
          "peer.port",
          "peer.address",
          "db.batch.size",
          "db.rows_affected",
          "db.sql_state",
          "db.error_code",
          "error");

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();

  /** The duration points that setting up recorded, by their attributes. */
  private Map<Map<String, Object>, Long> baseline = Map.of();

  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final SdkMeterProvider meterProvider =
      SdkMeterProvider.builder().registerMetricReader(metrics).build();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(provider)
          .setMeterProvider(meterProvider)
          .build();

  @Override
  void installTracing() {
    OpenTelemetryTracing.init(openTelemetry);
  }

  @Override
  void forgetSpans() {
    exporter.reset();
    metrics.collectAllMetrics(); // delta or not, what setting up measured is read once here
    baseline = durationCounts();
  }

  @AfterEach
  void closeProvider() {
    provider.close();
    meterProvider.close();
  }

  // Spans and their attributes

  @Test
  void aQueryIsAClientSpanNamedByItsSummaryWithExactlyTheConventionsAttributes()
      throws SQLException {
    query("SELECT name\n FROM " + table + " WHERE id = 42 AND name = 'secret'");

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("SELECT " + table);
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    Map<String, Object> expected = connectionAttributes();
    expected.put("db.query.summary", "SELECT " + table);
    expected.put("db.query.text", "SELECT name FROM " + table + " WHERE id = ? AND name = ?");
    assertThat(attributes(span)).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void aStatementThatWritesRowsCountsThem() throws SQLException {
    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a'), (2, 'b')");

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("INSERT " + table);
    assertThat(attributes(span))
        .containsEntry("db.query.summary", "INSERT " + table)
        .containsEntry("tracejdbc.rows_affected", 2L)
        .doesNotContainKeys("db.operation.name", "db.collection.name");
  }

  @Test
  void aPreparedStatementsTextIsAsWrittenWithItsLiterals() throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT name FROM " + table + "\n WHERE id = ? AND name <> 'nobody'")) {
      select.setInt(1, 1);
      select.executeQuery().close();
    }

    assertThat(attributes(onlySpan()))
        .containsEntry(
            "db.query.text", "SELECT name FROM " + table + " WHERE id = ? AND name <> 'nobody'");
  }

  @Test
  void aPreparedBatchIsOneSpanWithItsSize() throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
      for (int id = 1; id <= 3; id++) {
        insert.setInt(1, id);
        insert.setString(2, "n" + id);
        insert.addBatch();
      }
      insert.executeBatch();
    }

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("BATCH INSERT " + table);
    Map<String, Object> expected = connectionAttributes();
    expected.put("db.query.summary", "BATCH INSERT " + table);
    expected.put("db.query.text", "INSERT INTO " + table + " (id, name) VALUES (?, ?)");
    expected.put("db.operation.batch.size", 3L);
    expected.put("tracejdbc.rows_affected", 3L);
    assertThat(attributes(span)).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void anEmptyBatchIsABatchOfSizeZeroOnBothKindsOfStatement() throws SQLException {
    try (Statement statement = connection.createStatement();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
      statement.executeBatch();
      insert.executeBatch();
    }

    assertThat(names()).containsExactly("BATCH", "BATCH INSERT " + table);
    Map<String, Object> expected = connectionAttributes();
    expected.put("db.query.summary", "BATCH");
    expected.put("db.operation.batch.size", 0L);
    assertThat(attributes(named("BATCH").get(0))).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(attributes(named("BATCH INSERT " + table).get(0)))
        .containsEntry("db.operation.batch.size", 0L);
  }

  @Test
  void commitRollbackAndSavepointsAreClientSpansWithTheConnectionsAttributes() throws SQLException {
    connection.setAutoCommit(false);
    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    Savepoint savepoint = connection.setSavepoint();
    connection.rollback(savepoint);
    connection.commit();
    update("INSERT INTO " + table + " (id, name) VALUES (2, 'b')");
    connection.rollback();

    assertThat(names())
        .containsExactly(
            "INSERT " + table, "SAVEPOINT", "ROLLBACK", "COMMIT", "INSERT " + table, "ROLLBACK");
    assertThat(exporter.getFinishedSpanItems())
        .allSatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT));
    Map<String, Object> expected = connectionAttributes();
    expected.put("db.operation.name", "COMMIT");
    expected.put("db.query.summary", "COMMIT");
    assertThat(attributes(named("COMMIT").get(0))).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void noSpanHasAnAttributeOutsideTheConventionsNorAnOpenTracingName() throws SQLException {
    connection.setAutoCommit(false);
    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    query("SELECT * FROM " + table);
    try (Statement batch = connection.createStatement()) {
      batch.addBatch("INSERT INTO " + table + " (id, name) VALUES (2, 'b')");
      batch.addBatch("UPDATE " + table + " SET name = 'c' WHERE id = 2");
      batch.executeBatch();
    }
    connection.setSavepoint();
    connection.commit();
    catchThrowableOfType(
        SQLException.class,
        () -> update("INSERT INTO " + table + " (id, name) VALUES (1, 'again')"));

    assertThat(names())
        .containsExactly(
            "INSERT " + table,
            "SELECT " + table,
            "BATCH",
            "SAVEPOINT",
            "COMMIT",
            "INSERT " + table);
    assertThat(exporter.getFinishedSpanItems())
        .allSatisfy(
            span -> {
              assertThat(CONVENTIONS).containsAll(attributes(span).keySet());
              assertThat(attributes(span))
                  .doesNotContainKeys(OPENTRACING_NAMES.toArray(new String[0]));
              assertThat(span.getEvents()).extracting(EventData::getName).doesNotContain("error");
            });
    assertThat(exporter.getFinishedSpanItems())
        .filteredOn(span -> !Set.of("SAVEPOINT", "COMMIT").contains(span.getName()))
        .allSatisfy(
            span ->
                assertThat(attributes(span))
                    .doesNotContainKeys("db.operation.name", "db.collection.name"));
  }

  /**
   * A call of the stored procedure {@code procedure}, which {@code create} creates (on the server,
   * with its own name), through {@code prepareCall} as {@code CALL} and as JDBC's escape, on a
   * connection with {@code options}: both spans name it, as do their duration points.
   */
  void callsOfAStoredProcedureNameIt(String create, String procedure, String... options)
      throws SQLException {
    execute(create);
    try (Connection calling = db.connect(options)) {
      forgetSpans();
      try (CallableStatement call = calling.prepareCall("CALL " + procedure + "(?)")) {
        call.setInt(1, 1);
        call.execute();
      }
      try (CallableStatement call = calling.prepareCall("{call " + procedure + "(?)}")) {
        call.setInt(1, 2);
        call.execute();
      }

      List<SpanData> spans = exporter.getFinishedSpanItems();
      assertThat(names()).hasSize(2).first().isEqualTo("CALL " + procedure);
      assertThat(spans)
          .allSatisfy(
              span ->
                  assertThat(attributes(span))
                      .containsEntry("db.stored_procedure.name", procedure)
                      .containsEntry("db.query.summary", span.getName())
                      .doesNotContainKey("db.operation.name"));
      assertThat(newDurations().keySet())
          .allSatisfy(
              measured ->
                  assertThat(measured).containsEntry("db.stored_procedure.name", procedure));
    } finally {
      execute("DROP PROCEDURE " + procedure);
    }
  }

  // The duration metric

  @Test
  void everyTracedCallIsOneDurationPointWithTheSpansLowCardinalityAttributes() throws SQLException {
    connection.setAutoCommit(false);
    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    update("INSERT INTO " + table + " (id, name) VALUES (2, 'b')");
    query("SELECT name FROM " + table + " WHERE id = 1");
    connection.commit();

    Map<String, Object> insert = connectionAttributes();
    insert.put("db.query.summary", "INSERT " + table);
    Map<String, Object> select = connectionAttributes();
    select.put("db.query.summary", "SELECT " + table);
    Map<String, Object> commit = connectionAttributes();
    commit.put("db.query.summary", "COMMIT");
    commit.put("db.operation.name", "COMMIT");
    assertThat(newDurations())
        .containsOnly(entry(insert, 2L), entry(select, 1L), entry(commit, 1L));
    MetricData duration = durationMetric();
    assertThat(duration.getUnit()).isEqualTo("s");
    assertThat(duration.getHistogramData().getPoints())
        .allSatisfy(
            point ->
                assertThat(point.getBoundaries())
                    .containsExactly(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0));
  }

  // Errors

  @Test
  void aFailedStatementIsAnErrorSpanWithTheDatabasesCode() throws SQLException {
    SQLException thrown = insertDuplicateKey();

    assertThat(thrown.getErrorCode()).isEqualTo(db.duplicateKeyErrorCode);
    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("INSERT " + table);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attributes(span))
        .containsEntry("db.response.status_code", db.duplicateKeyStatusCode)
        .containsEntry("error.type", db.duplicateKeyStatusCode);
    Map<String, Object> measured = connectionAttributes();
    measured.put("db.query.summary", "INSERT " + table);
    measured.put("db.response.status_code", db.duplicateKeyStatusCode);
    measured.put("error.type", db.duplicateKeyStatusCode);
    assertThat(newDurations()).containsExactly(entry(measured, 1L));
  }

  @Test
  void theExceptionEventIsRedactedByDefault() throws SQLException {
    SQLException thrown = insertDuplicateKey();

    SpanData span = onlySpan();
    Attributes event = exceptionEvent(span);
    assertThat(event.get(AttributeKey.stringKey("exception.type")))
        .isEqualTo(thrown.getClass().getName());
    assertThat(event.get(AttributeKey.stringKey("exception.message")))
        .isNotBlank()
        .isEqualTo(span.getStatus().getDescription())
        .doesNotContain("again", "'1'", "(1)", "\n");
    assertThat(event.get(AttributeKey.stringKey("exception.stacktrace")))
        .startsWith(thrown.getClass().getName() + "\n")
        .doesNotContain(thrown.getMessage());
  }

  @Test
  void withRawStatementTextTheExceptionIsRecordedWhole() throws SQLException {
    SQLException thrown;
    try (Connection raw = db.connect("statementText=raw")) {
      thrown =
          catchThrowableOfType(SQLException.class, () -> query(raw, "SELECT * FROM tck_missing"));
    }

    SpanData span = onlySpan();
    assertThat(span.getStatus().getDescription()).isEqualTo(thrown.getMessage());
    assertThat(exceptionEvent(span).get(AttributeKey.stringKey("exception.message")))
        .isEqualTo(thrown.getMessage());
  }

  // Parents

  @Test
  void theCurrentSpanParentsUnmarkedStatements() throws SQLException {
    Span request = startSpan("request");
    try (Scope current = request.makeCurrent()) {
      query("SELECT name FROM " + table);
    } finally {
      request.end();
    }

    assertThat(isChildOf(named("SELECT " + table).get(0), request)).isTrue();
  }

  @Test
  void aStatementMarkParentsOnlyItsNextExecution() throws SQLException {
    Span parent = startSpan("request");
    try (Statement statement = connection.createStatement()) {
      OpenTelemetryTracing.setParentSpan(statement, parent);
      statement.executeQuery("SELECT name FROM " + table).close();
      statement.executeQuery("SELECT id FROM " + table).close();
    }
    parent.end();

    List<SpanData> selects = named("SELECT " + table);
    assertThat(selects).hasSize(2);
    assertThat(isChildOf(selects.get(0), parent)).isTrue();
    assertThat(selects.get(1).getParentSpanContext().isValid()).isFalse();
  }

  @Test
  void aConnectionMarkParentsTheTransactionUntilCommit() throws SQLException {
    connection.setAutoCommit(false);
    Span parent = startSpan("request");
    OpenTelemetryTracing.setParentSpan(connection, parent);

    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    Savepoint savepoint = connection.setSavepoint();
    connection.rollback(savepoint);
    query("SELECT name FROM " + table);
    connection.commit();
    query("SELECT id FROM " + table);
    parent.end();

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(names())
        .containsExactly(
            "INSERT " + table,
            "SAVEPOINT",
            "ROLLBACK",
            "SELECT " + table,
            "COMMIT",
            "SELECT " + table,
            "request");
    assertThat(spans.subList(0, 5))
        .allSatisfy(
            span ->
                assertThat(isChildOf(span, parent))
                    .as("%s is a child of the request", span.getName())
                    .isTrue());
    assertThat(spans.get(5).getParentSpanContext().isValid()).isFalse();
  }

  @Test
  void aConnectionMarkParentsATransactionThatRollsBack() throws SQLException {
    connection.setAutoCommit(false);
    Span parent = startSpan("request");
    OpenTelemetryTracing.setParentSpan(connection, parent);

    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    connection.rollback();
    query("SELECT id FROM " + table);
    parent.end();

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(names())
        .containsExactly("INSERT " + table, "ROLLBACK", "SELECT " + table, "request");
    assertThat(spans.subList(0, 2))
        .allSatisfy(span -> assertThat(isChildOf(span, parent)).isTrue());
    assertThat(spans.get(2).getParentSpanContext().isValid()).isFalse();
  }

  // helpers

  /** The attributes every span of the connection has. */
  private Map<String, Object> connectionAttributes() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("db.system.name", db.systemName);
    attributes.put("db.namespace", db.namespace);
    if (db.isServer()) {
      attributes.put("server.address", db.host);
      attributes.put("server.port", (long) db.port);
    }
    return attributes;
  }

  /**
   * The calls measured since setting up: the count of each point of {@code
   * db.client.operation.duration}, by its attributes.
   */
  private Map<Map<String, Object>, Long> newDurations() {
    Map<Map<String, Object>, Long> counts = durationCounts();
    baseline.forEach(
        (attributes, count) -> counts.computeIfPresent(attributes, (a, c) -> c - count));
    counts.values().removeIf(count -> count == 0);
    return counts;
  }

  private Map<Map<String, Object>, Long> durationCounts() {
    Map<Map<String, Object>, Long> counts = new LinkedHashMap<>();
    MetricData duration = durationMetric();
    if (duration != null) {
      for (HistogramPointData point : duration.getHistogramData().getPoints()) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        point.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
        counts.put(attributes, point.getCount());
      }
    }
    return counts;
  }

  private MetricData durationMetric() {
    return metrics.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals("db.client.operation.duration"))
        .findFirst()
        .orElse(null);
  }

  private SQLException insertDuplicateKey() throws SQLException {
    update("INSERT INTO " + table + " (id, name) VALUES (1, 'once')");
    forgetSpans();
    SQLException thrown =
        catchThrowableOfType(
            SQLException.class,
            () -> update("INSERT INTO " + table + " (id, name) VALUES (1, 'again')"));
    assertThat((Throwable) thrown).as("the duplicate key error").isNotNull();
    return thrown;
  }

  private Span startSpan(String name) {
    return openTelemetry.getTracer("tck").spanBuilder(name).startSpan();
  }

  private SpanData onlySpan() {
    assertThat(exporter.getFinishedSpanItems()).as("finished spans %s", names()).hasSize(1);
    return exporter.getFinishedSpanItems().get(0);
  }

  private List<String> names() {
    return exporter.getFinishedSpanItems().stream().map(SpanData::getName).toList();
  }

  private List<SpanData> named(String name) {
    return exporter.getFinishedSpanItems().stream()
        .filter(span -> span.getName().equals(name))
        .collect(Collectors.toList());
  }

  private static Attributes exceptionEvent(SpanData span) {
    assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("exception");
    return span.getEvents().get(0).getAttributes();
  }

  private static Map<String, Object> attributes(SpanData span) {
    Map<String, Object> byName = new LinkedHashMap<>();
    span.getAttributes().forEach((key, value) -> byName.put(key.getKey(), value));
    return byName;
  }

  private static boolean isChildOf(SpanData span, Span parent) {
    return span.getParentSpanId().equals(parent.getSpanContext().getSpanId())
        && span.getTraceId().equals(parent.getSpanContext().getTraceId());
  }
}
