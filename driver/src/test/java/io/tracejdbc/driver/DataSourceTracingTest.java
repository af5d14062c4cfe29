package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opentracing.Span;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.opentracing.util.ThreadLocalScopeManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * TracingDataSource: the spans, tags, options and registry of the URL form, over SQLite's,
 * PostgreSQL's and HikariCP's data sources.
 */
class DataSourceTracingTest {
  private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final String REPORTING_USER = "tracejdbc_reporting";

  private final MockTracer tracer = new MockTracer(new ThreadLocalScopeManager());

  @TempDir Path dir;

  @BeforeEach
  void installTracer() {
    TracingDriver.init(tracer);
  }

  @AfterEach
  void restoreDefaults() {
    TracingDriver.init(tracer, TracingOptions.defaults());
  }

  @Test
  void sqliteDataSourceGivesTheSpansAndTagsOfTheUrlForm() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("books.db");
    List<String> viaUrl = tracedWorkload(() -> DriverManager.getConnection(traced(url)), "books");

    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl(url);
    List<String> viaDataSource =
        tracedWorkload(new TracingDataSource(sqlite)::getConnection, "books");

    assertThat(viaDataSource).isEqualTo(viaUrl);
    assertThat(viaDataSource)
        .anySatisfy(
            span ->
                assertThat(span)
                    .startsWith("insert ")
                    .contains("db.system=sqlite", "db.sql.table=books", "db.rows_affected=1"));
  }

  @Test
  void postgresDataSourceGivesTheSpansAndTagsOfTheUrlForm() throws SQLException {
    PGSimpleDataSource postgres = postgres();
    String table = uniqueTable();
    List<String> viaUrl =
        tracedWorkload(() -> DriverManager.getConnection(traced(POSTGRES_URL)), table);
    List<String> viaDataSource =
        tracedWorkload(new TracingDataSource(postgres)::getConnection, table);

    assertThat(viaDataSource).isEqualTo(viaUrl);
    assertThat(viaDataSource)
        .anySatisfy(
            span ->
                assertThat(span)
                    .startsWith("insert ")
                    .contains(
                        "db.system=postgresql",
                        "db.instance=test",
                        "db.user=postgres",
                        "peer.hostname=127.0.0.1",
                        "peer.port=5432",
                        "db.sql.table=" + table));
    assertThat(viaDataSource).anySatisfy(span -> assertThat(span).contains("db.sql_state=23505"));
  }

  @Test
  void hikariPoolOverPostgresGivesTheSpansAndTagsOfTheUrlForm() throws SQLException {
    PGSimpleDataSource postgres = postgres();
    String table = uniqueTable();
    List<String> viaUrl =
        tracedWorkload(() -> DriverManager.getConnection(traced(POSTGRES_URL)), table);

    HikariConfig config = new HikariConfig();
    config.setDataSource(postgres);
    config.setMaximumPoolSize(1);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      List<String> viaPool = tracedWorkload(new TracingDataSource(pool)::getConnection, table);
      assertThat(viaPool).isEqualTo(viaUrl);
    }
  }

  @Test
  void hikariPoolOfTracedConnectionsTakesMarksThroughItsProxies() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setDataSource(new TracingDataSource(sqlite()));
    config.setMaximumPoolSize(1);
    Span request = tracer.buildSpan("GET /books").start();
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        TracingDriver.setParentSpan(c, request);
        c.createStatement().executeUpdate("CREATE TABLE books (id INTEGER PRIMARY KEY)");
        c.createStatement().executeUpdate("INSERT INTO books VALUES (1)");
        c.commit();
      }
      try (Connection c = pool.getConnection()) {
        c.createStatement().executeQuery("SELECT * FROM books").close();
      }
      request.finish();
    }

    Map<String, Long> parents =
        tracer.finishedSpans().stream()
            .collect(Collectors.toMap(MockSpan::operationName, MockSpan::parentId, (a, b) -> a));
    long requestId = ((MockSpan) request).context().spanId();
    assertThat(parents)
        .containsEntry("create-table", requestId)
        .containsEntry("insert", requestId)
        .containsEntry("commit", requestId)
        .containsEntry("select", 0L);
  }

  @Test
  void ownOptionsWinOverTheGlobalOnes() throws SQLException {
    DataSource quiet =
        new TracingDataSource(sqlite(), TracingOptions.builder().traceAllQueries(false).build());
    try (Connection c = quiet.getConnection()) {
      c.createStatement().executeQuery("SELECT 1").close();
      Statement marked = c.createStatement();
      TracingDriver.setTraced(marked);
      marked.executeQuery("SELECT 2").close();
    }
    assertThat(statements()).containsExactly("SELECT ?");
  }

  @Test
  void ownOptionsOverrideOnlyTheOnesTheySetAsAUrlDoes() throws SQLException {
    TracingDriver.init(
        tracer,
        TracingOptions.builder()
            .statementText(TracingOptions.StatementText.NONE)
            .traceAllConnections(false)
            .build());
    DataSource slowOnly =
        new TracingDataSource(sqlite(), TracingOptions.builder().slowQueryThresholdMs(200).build());
    try (Connection c = slowOnly.getConnection();
        Connection viaUrl =
            DriverManager.getConnection("jdbc:tracing:sqlite::memory:?slowQueryThresholdMs=200")) {
      for (Connection connection : List.of(c, viaUrl)) {
        connection.createStatement().executeQuery("SELECT 1").close();
        TracingDriver.register(connection);
        connection.createStatement().executeQuery("SELECT 2").close();
      }
    }
    assertThat(tracer.finishedSpans())
        .hasSize(2)
        .allSatisfy(span -> assertThat(span.tags()).doesNotContainKey("db.statement"));
  }

  @Test
  void connectionsOpenedBeforeInitUseTheTracerOfTheLatestInit() throws SQLException {
    MockTracer later = new MockTracer(new ThreadLocalScopeManager());
    try (Connection viaDataSource = new TracingDataSource(sqlite()).getConnection();
        Connection viaUrl = DriverManager.getConnection("jdbc:tracing:sqlite::memory:")) {
      TracingDriver.init(later);
      viaDataSource.createStatement().executeQuery("SELECT 1").close();
      viaUrl.createStatement().executeQuery("SELECT 1").close();
    }
    assertThat(later.finishedSpans()).hasSize(2);
    assertThat(tracer.finishedSpans()).isEmpty();
  }

  @Test
  void aDataSourceGivenItsOwnTracerKeepsItWhateverInitInstalls() throws SQLException {
    MockTracer own = new MockTracer(new ThreadLocalScopeManager());
    DataSource withOwnTracer = new TracingDataSource(sqlite(), own);
    DataSource withOwnTracerAndOptions =
        new TracingDataSource(
            sqlite(),
            own,
            TracingOptions.builder().statementText(TracingOptions.StatementText.NONE).build());
    try (Connection c = withOwnTracer.getConnection();
        Connection quiet = withOwnTracerAndOptions.getConnection()) {
      TracingDriver.init(new MockTracer());
      c.createStatement().executeQuery("SELECT 1").close();
      quiet.createStatement().executeQuery("SELECT 1").close();
    }
    assertThat(own.finishedSpans())
        .extracting(span -> span.tags().get("db.statement"))
        .containsExactly("SELECT ?", null);
    assertThat(tracer.finishedSpans()).isEmpty();
  }

  @Test
  void eachConnectionIsTaggedWithTheUserItWasOpenedFor() throws SQLException {
    PGSimpleDataSource postgres = postgres();
    try (Connection admin = postgres.getConnection()) {
      admin.createStatement().execute("CREATE ROLE " + REPORTING_USER + " LOGIN");
    } catch (SQLException e) {
      assertThat(e.getSQLState()).as("the role exists already").isIn("42710", "23505");
    }
    TracingDataSource traced = new TracingDataSource(postgres);
    try (Connection reporting = traced.getConnection(REPORTING_USER, "unused with trust")) {
      reporting.createStatement().executeQuery("SELECT current_user").close();
    }
    try (Connection own = traced.getConnection()) {
      own.createStatement().executeQuery("SELECT current_user").close();
    }
    assertThat(tracer.finishedSpans())
        .extracting(span -> span.tags().get("db.user"))
        .containsExactly(REPORTING_USER, "postgres");
  }

  @Test
  void withoutOwnOptionsTheGlobalTogglesApplyToOpenConnections() throws SQLException {
    DataSource traced = new TracingDataSource(sqlite());
    try (Connection c = traced.getConnection()) {
      c.createStatement().executeQuery("SELECT 1").close();
      TracingDriver.init(tracer, true, false);
      c.createStatement().executeQuery("SELECT 2").close();
    }
    assertThat(tracer.finishedSpans()).hasSize(1);
  }

  @Test
  void unwrapGivesItselfElseTheRealDataSource() throws SQLException {
    SQLiteDataSource sqlite = sqlite();
    TracingDataSource traced = new TracingDataSource(sqlite);

    assertThat(traced.unwrap(TracingDataSource.class)).isSameAs(traced);
    assertThat(traced.unwrap(DataSource.class)).isSameAs(traced);
    assertThat(traced.unwrap(SQLiteDataSource.class)).isSameAs(sqlite);
    assertThat(traced.isWrapperFor(SQLiteDataSource.class)).isTrue();
    assertThat(traced.isWrapperFor(HikariDataSource.class)).isFalse();
  }

  @Test
  void connectionsAreTracejdbcConnectionsOverTheRealOnes() throws SQLException {
    try (Connection c = new TracingDataSource(sqlite()).getConnection()) {
      assertThat(c).isInstanceOf(TracingConnection.class);
      assertThat(c.unwrap(org.sqlite.SQLiteConnection.class)).isNotNull();
      assertThat(c.getMetaData().getConnection()).isSameAs(c);
    }
  }

  /** The same statements through connections of {@code connect}: each span's name and tags. */
  private List<String> tracedWorkload(ConnectionSource connect, String table) throws SQLException {
    tracer.reset();
    try (Connection c = connect.get();
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, title VARCHAR(80))");
      try {
        s.executeUpdate("INSERT INTO " + table + " VALUES (1, 'Dune')");
        assertThatThrownBy(() -> s.executeUpdate("INSERT INTO " + table + " VALUES (1, 'Emma')"))
            .isInstanceOf(SQLException.class);
        try (PreparedStatement insert =
            c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
          for (int id = 2; id <= 4; id++) {
            insert.setInt(1, id);
            insert.setString(2, "Book " + id);
            insert.addBatch();
          }
          insert.executeBatch();
        }
        s.executeQuery("SELECT title FROM " + table + " WHERE id = 1").close();
      } finally {
        s.executeUpdate("DROP TABLE " + table);
      }
    }
    return tracer.finishedSpans().stream()
        .map(span -> span.operationName() + " " + new TreeMap<>(span.tags()))
        .collect(Collectors.toList());
  }

  private List<Object> statements() {
    return tracer.finishedSpans().stream()
        .map(span -> span.tags().get("db.statement"))
        .collect(Collectors.toList());
  }

  private SQLiteDataSource sqlite() {
    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
    return sqlite;
  }

  /** PostgreSQL's data source; skips the test when the server is down, unless it is required. */
  private static PGSimpleDataSource postgres() {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setUrl(POSTGRES_URL);
    try (Connection c = postgres.getConnection()) {
      return postgres;
    } catch (SQLException e) {
      return ServerRequired.unreachable(POSTGRES_URL, e);
    }
  }

  private static String traced(String url) {
    return TracingDriver.URL_PREFIX + url.substring("jdbc:".length());
  }

  private static String uniqueTable() {
    return "ds_books_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private interface ConnectionSource {
    Connection get() throws SQLException;
  }
}
