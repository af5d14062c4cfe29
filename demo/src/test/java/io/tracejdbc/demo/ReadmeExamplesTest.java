package io.tracejdbc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentracing.Span;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.opentracing.util.ThreadLocalScopeManager;
import io.tracejdbc.driver.TracingDataSource;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.driver.TracingOptions;
import io.tracejdbc.opentelemetry.OpenTelemetryTracing;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The Java samples of README.md, kept here so that they compile; each runs against SQLite, except
 * the Hibernate one, which needs a mapped application. Copy from here into the README.
 */
class ReadmeExamplesTest {
  private final MockTracer tracer = new MockTracer(new ThreadLocalScopeManager());
  private Connection connection;
  private Span mainSpan;

  @TempDir Path dir;

  @BeforeEach
  void setUp() throws SQLException {
    TracingDriver.init(tracer);
    connection = DriverManager.getConnection("jdbc:tracing:sqlite:" + dir.resolve("app.db"));
    connection
        .createStatement()
        .executeUpdate("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
    mainSpan = tracer.buildSpan("main").start();
    tracer.reset();
  }

  @AfterEach
  void tearDown() throws SQLException {
    connection.close();
    TracingDriver.init(tracer);
  }

  @Test
  void urlChange() throws SQLException {
    // readme: url-change
    TracingDriver.init(tracer); // any OpenTracing tracer; before this call, GlobalTracer.get()
    try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite:app.db")) {
      c.createStatement().executeQuery("SELECT 1"); // a "select" span
    }
    // end
    assertThat(operations()).containsExactly("select");
  }

  @Test
  void statementParent() throws SQLException {
    Connection conn = connection;
    // readme: statement-parent
    TracingDriver.init(tracer);

    PreparedStatement sel = conn.prepareStatement("SELECT * FROM users");
    TracingDriver.setParentSpan(sel, mainSpan); // its next execution only
    sel.executeQuery();
    // end
    assertThat(parentIds()).containsExactly(spanId(mainSpan));
  }

  @Test
  void registeredConnectionsOnly() throws SQLException {
    Connection conn = connection;
    // readme: trace-all-connections-off
    TracingDriver.init(tracer, false, true); // traceAllConnections=false

    TracingDriver.register(conn); // only statements on conn are traced
    conn.createStatement().executeQuery("SELECT * FROM users");
    // end
    assertThat(operations()).containsExactly("select");
  }

  @Test
  void markedStatementsOnly() throws SQLException {
    Connection conn = connection;
    // readme: trace-all-queries-off
    TracingDriver.init(tracer, true, false); // traceAllQueries=false

    Statement sel = conn.createStatement();
    sel.executeQuery("SELECT * FROM users"); // not traced
    TracingDriver.setParentSpan(sel, mainSpan); // or setTraced(sel): under the active span
    sel.executeQuery("SELECT * FROM users WHERE id = 1"); // traced
    // end
    assertThat(operations()).containsExactly("select");
  }

  @Test
  void tracedTransaction() throws SQLException {
    Connection conn = connection;
    // readme: traced-transaction
    Span parentSpan = tracer.buildSpan("ParentSpan").start();
    conn.setAutoCommit(false);
    TracingDriver.setParentSpan(conn, parentSpan);

    Statement s = conn.createStatement();
    // these three statements, and the commit, are traced as children of parentSpan
    s.executeUpdate("INSERT INTO users VALUES (1, 'John')");
    s.executeUpdate("UPDATE users SET name = 'Jon' WHERE id = 1");
    s.executeQuery("SELECT * FROM users");
    conn.commit(); // ends the connection's tracing
    // end
    assertThat(operations()).containsExactly("insert", "update", "select", "commit");
    assertThat(parentIds()).containsOnly(spanId(parentSpan));
  }

  @Test
  void nestedSavepoints() throws SQLException {
    Connection conn = connection;
    Span parentSpan = mainSpan;
    // readme: savepoints
    conn.setAutoCommit(false);
    TracingDriver.setParentSpan(conn, parentSpan); // at the top-level transaction

    Statement s = conn.createStatement();
    s.executeUpdate("INSERT INTO users VALUES (1, 'John')");
    Savepoint nested = conn.setSavepoint();
    s.executeUpdate("INSERT INTO users VALUES (2, 'Jane')"); // also a child of parentSpan
    conn.rollback(nested); // the transaction goes on
    conn.commit();
    // end
    assertThat(operations()).containsExactly("insert", "savepoint", "insert", "rollback", "commit");
    assertThat(parentIds()).containsOnly(spanId(parentSpan));
  }

  /** Compiled, not run: it needs a Hibernate SessionFactory and mapped entities. */
  void hibernateSession(Session session, Span parentSpan, Object user) {
    // readme: hibernate
    session.beginTransaction();
    session.doWork(c -> TracingDriver.setParentSpan(c, parentSpan));
    session.persist(user);
    session.getTransaction().commit(); // the flush, then the commit, under parentSpan
    // end
  }

  @Test
  void rawSql() throws SQLException {
    Connection conn = connection;
    Span parentSpan = mainSpan;
    // readme: raw-sql
    conn.setAutoCommit(false);
    TracingDriver.setParentSpan(conn, parentSpan);
    conn.createStatement().execute("INSERT INTO users VALUES (1, 'John')"); // "insert"
    conn.createStatement().execute("ANALYZE"); // "analyze"
    conn.commit();
    // end
    assertThat(operations()).containsExactly("insert", "analyze", "commit");
  }

  @Test
  void clearTracedForBulkWork() throws SQLException {
    Connection conn = connection;
    Span parentSpan = mainSpan;
    // readme: clear-traced
    TracingDriver.init(tracer, true, false); // only marked work is traced
    conn.setAutoCommit(false);
    TracingDriver.setParentSpan(conn, parentSpan);

    PreparedStatement insert = conn.prepareStatement("INSERT INTO users (name) VALUES (?)");
    insert.setString(1, "User-0");
    insert.executeUpdate(); // traced
    TracingDriver.clearTraced(conn); // no commit yet, but stop here
    for (int i = 1; i < 100; i++) {
      insert.setString(1, "User-" + i);
      insert.executeUpdate(); // not traced
    }
    conn.commit();
    // end
    assertThat(operations()).containsExactly("insert");
  }

  @Test
  void options() throws SQLException {
    // readme: options
    TracingDriver.init(
        tracer,
        TracingOptions.builder()
            .traceWithActiveSpanOnly(true)
            .ignoreForTracing("SELECT 1")
            .slowQueryThresholdMs(200)
            .statementText(TracingOptions.StatementText.RAW)
            .build());
    // end
    try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:")) {
      c.createStatement().executeQuery("SELECT 1"); // ignored
      c.createStatement().executeQuery("SELECT 2"); // no active span
    }
    assertThat(operations()).isEmpty();
  }

  @Test
  void hikariWithUrl() throws SQLException {
    // readme: hikari-url
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:tracing:sqlite:app.db"); // e.g. jdbc:tracing:postgresql://db/shop
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection c = pool.getConnection()) {
      Statement s = c.createStatement();
      TracingDriver.setParentSpan(s, mainSpan); // pool proxies unwrap to tracejdbc's objects
      s.executeQuery("SELECT 1");
    }
    // end
    assertThat(operations()).containsExactly("select");
  }

  @Test
  void hikariWithDataSource() throws SQLException {
    SQLiteDataSource realDataSource = new SQLiteDataSource();
    realDataSource.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
    // readme: hikari-datasource
    HikariConfig config = new HikariConfig();
    config.setDataSource(new TracingDataSource(realDataSource)); // e.g. a PGSimpleDataSource
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection c = pool.getConnection()) {
      c.createStatement().executeQuery("SELECT * FROM users");
    }
    // end
    assertThat(operations()).containsExactly("select");
  }

  @Test
  void dataSourceWithOwnOptions() throws SQLException {
    SQLiteDataSource realDataSource = new SQLiteDataSource();
    realDataSource.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
    // readme: datasource-options
    DataSource traced =
        new TracingDataSource(
            realDataSource,
            TracingOptions.builder()
                .traceAllQueries(false) // wins over TracingDriver.init, as a URL's options do
                .build());
    DataSource own = new TracingDataSource(realDataSource, tracer); // or (ds, tracer, options)
    // end
    try (Connection c = traced.getConnection()) {
      c.createStatement().executeQuery("SELECT * FROM users");
    }
    assertThat(operations()).isEmpty();

    TracingDriver.init(new MockTracer());
    try (Connection c = own.getConnection()) {
      c.createStatement().executeQuery("SELECT * FROM users");
    }
    assertThat(operations()).as("its own tracer, whatever init installs").containsExactly("select");
  }

  @Test
  void openTelemetryNatively() throws SQLException {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      OpenTelemetry openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
      Tracer tracer = openTelemetry.getTracer("shop");
      try (Connection app = DriverManager.getConnection("jdbc:sqlite:app.db")) {
        app.createStatement().execute("CREATE TABLE IF NOT EXISTS users (id INTEGER, name TEXT)");
      }
      // readme: opentelemetry-init
      OpenTelemetryTracing.init(openTelemetry); // your SDK, or GlobalOpenTelemetry.get()

      io.opentelemetry.api.trace.Span request = tracer.spanBuilder("GET /users").startSpan();
      try (Scope scope = request.makeCurrent();
          Connection c = DriverManager.getConnection("jdbc:tracing:sqlite:app.db")) {
        c.createStatement().executeQuery("SELECT * FROM users"); // "SELECT users", under request
      } finally {
        request.end();
      }
      // end
      SpanData select = exporter.getFinishedSpanItems().get(0);
      assertThat(select.getName()).isEqualTo("SELECT users");
      assertThat(select.getKind()).isEqualTo(SpanKind.CLIENT);
      assertThat(select.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    }
  }

  @Test
  void openTelemetryParents() throws SQLException {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      OpenTelemetry openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
      OpenTelemetryTracing.init(openTelemetry);
      Connection conn = connection;
      io.opentelemetry.api.trace.Span request =
          openTelemetry.getTracer("shop").spanBuilder("POST /users").startSpan();
      // readme: opentelemetry-parent
      conn.setAutoCommit(false);
      OpenTelemetryTracing.setParentSpan(conn, request); // until the transaction ends

      Statement s = conn.createStatement();
      s.executeUpdate("INSERT INTO users VALUES (1, 'John')"); // "INSERT users", under request
      conn.commit(); // "COMMIT", under request
      // end
      request.end();
      assertThat(exporter.getFinishedSpanItems())
          .extracting(SpanData::getName)
          .containsExactly("INSERT users", "COMMIT", "POST /users");
      assertThat(exporter.getFinishedSpanItems().subList(0, 2))
          .extracting(SpanData::getParentSpanId)
          .containsOnly(request.getSpanContext().getSpanId());
    }
  }

  @Test
  void openTelemetryDataSource() throws SQLException {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      OpenTelemetry openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
      SQLiteDataSource realDataSource = new SQLiteDataSource();
      realDataSource.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
      // readme: opentelemetry-datasource
      HikariConfig config = new HikariConfig();
      config.setDataSource(OpenTelemetryTracing.dataSource(realDataSource, openTelemetry));
      try (HikariDataSource pool = new HikariDataSource(config);
          Connection c = pool.getConnection()) {
        c.createStatement().executeQuery("SELECT * FROM users"); // "SELECT users"
      }
      // end
      assertThat(exporter.getFinishedSpanItems())
          .extracting(SpanData::getName)
          .containsExactly("SELECT users");
    }
  }

  @Test
  void openTelemetryThroughTheShim() throws SQLException {
    OpenTelemetry openTelemetry = OpenTelemetry.noop();
    // readme: opentelemetry-shim
    // openTelemetry: your OpenTelemetrySdk, or GlobalOpenTelemetry.get() under the Java agent
    TracingDriver.init(OpenTracingShim.createTracerShim(openTelemetry));

    io.opentelemetry.api.trace.Span request =
        openTelemetry.getTracer("shop").spanBuilder("GET /users").startSpan();
    try (Scope scope = request.makeCurrent();
        Connection c = DriverManager.getConnection("jdbc:tracing:sqlite:app.db")) {
      c.createStatement().executeQuery("SELECT 1"); // a child of request
    } finally {
      request.end();
    }
    // end
  }

  private List<String> operations() {
    return tracer.finishedSpans().stream()
        .map(MockSpan::operationName)
        .collect(Collectors.toList());
  }

  private List<Long> parentIds() {
    return tracer.finishedSpans().stream().map(MockSpan::parentId).collect(Collectors.toList());
  }

  private static long spanId(Span span) {
    return ((MockSpan) span).context().spanId();
  }
}
