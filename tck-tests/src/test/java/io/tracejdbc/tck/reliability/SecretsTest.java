package io.tracejdbc.tck.reliability;

import static io.tracejdbc.tck.reliability.Recorded.errorLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.TracingDriver;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No password reaches a span tag, a span log, a tracejdbc log line or an exception message that
 * tracejdbc writes, whether it is a {@code password=} parameter, {@code user:password@host} (and
 * Oracle's {@code user/password@}) or a connect property, for every database URL form tracejdbc
 * reads. By default no SQL literal reaches a tag, and an error log holds the driver's message
 * sanitized (pgjdbc writes bound values into it) and no exception object.
 */
class SecretsTest {
  private static final String SECRET = "S3cr3tPw";
  private static final String LITERAL = "S3cr3tLiteral";
  private static final String NUMBER = "4242424";

  private final MockTracer tracer = new MockTracer();
  private final Logger logger = Logger.getLogger("io.tracejdbc");
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level level;

  @BeforeEach
  void installTracerAndCaptureLogs() {
    TracingDriver.init(tracer);
    level = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(capture);
  }

  @AfterEach
  void restore() {
    logger.removeHandler(capture);
    logger.setLevel(level);
    TracingDriver.init(GlobalTracer.get());
  }

  /**
   * Every URL form with a password in it; the ones of absent drivers go to {@link StandInDriver}.
   */
  static Stream<String> urlsWithPasswords() {
    return Stream.of(
        "jdbc:tracing:h2:mem:secrets;USER=sa;PASSWORD=" + SECRET,
        "jdbc:tracing:mysql://app:" + SECRET + "@db.example:3306/shop",
        "jdbc:tracing:mysql://db.example/shop?user=app&password=" + SECRET,
        "jdbc:tracing:mysql://address=(host=db.example)(port=3306)(user=app)(password="
            + SECRET
            + ")/shop",
        "jdbc:tracing:sqlserver://db.example:1433;databaseName=shop;user=app;password=" + SECRET,
        "jdbc:tracing:jtds:sqlserver://db.example:1433/shop;user=app;password=" + SECRET,
        "jdbc:tracing:oracle:thin:app/" + SECRET + "@db.example:1521:orcl",
        "jdbc:tracing:oracle:thin:app/" + SECRET + "@//db.example:1521/svc",
        "jdbc:tracing:db2://db.example:50000/shop:user=app;password=" + SECRET + ";",
        "jdbc:tracing:derby://db.example:1527/shop;user=app;password=" + SECRET,
        "jdbc:tracing:hsqldb:hsql://db.example/shop;user=app;password=" + SECRET);
  }

  /** The same URL forms without credentials, for a password given as a connect property. */
  static Stream<String> urlsWithoutPasswords() {
    return Stream.of(
        "jdbc:tracing:h2:mem:secrets-properties",
        "jdbc:tracing:sqlite::memory:",
        "jdbc:tracing:mysql://db.example:3306/shop",
        "jdbc:tracing:sqlserver://db.example:1433;databaseName=shop",
        "jdbc:tracing:jtds:sqlserver://db.example:1433/shop",
        "jdbc:tracing:oracle:thin:@//db.example:1521/svc",
        "jdbc:tracing:db2://db.example:50000/shop",
        "jdbc:tracing:derby://db.example:1527/shop",
        "jdbc:tracing:hsqldb:hsql://db.example/shop");
  }

  @ParameterizedTest
  @MethodSource("urlsWithPasswords")
  void aPasswordInTheUrlReachesNoTagLogOrMessage(String url) throws SQLException {
    assertTracedWithoutTheSecret(url, new Properties());
  }

  @ParameterizedTest
  @MethodSource("urlsWithoutPasswords")
  void aPasswordInThePropertiesReachesNoTagLogOrMessage(String url) throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "sa");
    info.setProperty("password", SECRET);
    assertTracedWithoutTheSecret(url, info);
  }

  @Test
  void aPasswordInAPostgresqlUrlReachesNoTagLogOrMessage() throws SQLException {
    Postgres.assumeReachable();
    assertTracedWithoutTheSecret(Postgres.TRACING_URL + "&password=" + SECRET, new Properties());
  }

  /** The URLs of {@link #urlsWithPasswords()} whose drivers are absent: all but H2's. */
  static Stream<String> urlsOfAbsentDrivers() {
    return urlsWithPasswords().filter(url -> !url.startsWith("jdbc:tracing:h2:"));
  }

  @ParameterizedTest
  @MethodSource("urlsOfAbsentDrivers")
  void aUrlNoDriverAcceptsIsNamedInTheErrorWithoutItsPassword(String url) {
    SQLException thrown =
        catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url));

    assertThat((Throwable) thrown)
        .hasMessageContaining("No registered JDBC driver accepts")
        .hasMessageNotContaining(SECRET);
    assertNoLogLineHoldsTheSecret();
  }

  @ParameterizedTest
  @MethodSource("urlsWithPasswords")
  void aBadOptionIsReportedWithoutThePassword(String url) {
    String separator = url.contains("?") ? "&" : url.contains(";") ? ";" : "?";
    SQLException thrown =
        catchThrowableOfType(
            SQLException.class,
            () -> DriverManager.getConnection(url + separator + "statementText=" + SECRET + "x"));

    assertThat((Throwable) thrown).hasMessageContaining("statementText");
    assertThat(thrown.getMessage().replace(SECRET + "x", "")).doesNotContain(SECRET);
  }

  @Test
  void byDefaultNoLiteralOfTheSqlReachesATag() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
      s.executeUpdate("INSERT INTO t VALUES (" + NUMBER + ", '" + LITERAL + "')");
      s.executeQuery("SELECT * FROM t WHERE name = '" + LITERAL + "' OR id IN (" + NUMBER + ", 1)")
          .close();
      s.executeUpdate("UPDATE t SET name = x'" + NUMBER + "2' WHERE id = -" + NUMBER);
      catchThrowableOfType(
          SQLException.class,
          () -> s.executeUpdate("INSERT INTO t VALUES (" + NUMBER + ", '" + LITERAL + "')"));
    }

    assertThat(tracer.finishedSpans())
        .hasSize(5)
        .allSatisfy(
            span ->
                assertThat(span.tags().values())
                    .allSatisfy(
                        value ->
                            assertThat(String.valueOf(value))
                                .doesNotContain(LITERAL)
                                .doesNotContain(NUMBER)));
  }

  @Test
  void byDefaultAnErrorLogHoldsThePgjdbcMessagesFirstLineRedactedAndNoExceptionObject()
      throws SQLException {
    Postgres.assumeReachable();
    SQLException thrown = duplicateKeyOnPostgresql("");

    assertThat(thrown.getMessage())
        .as("pgjdbc's message quotes the key")
        .contains("(" + NUMBER + ")");
    MockSpan span = tracer.finishedSpans().get(tracer.finishedSpans().size() - 1);
    Map<String, Object> log = errorLog(span);
    assertThat(log)
        .containsEntry("event", "error")
        .containsEntry("error.kind", thrown.getClass().getName())
        .doesNotContainKey("error.object");
    assertThat((String) log.get("message"))
        .startsWith("ERROR: duplicate key value violates unique constraint")
        .doesNotContain(NUMBER);
    assertThat(span.tags())
        .containsEntry("db.sql_state", "23505")
        .containsEntry("db.error_code", 0);
  }

  @Test
  void withRawStatementTextAnErrorLogHoldsTheRawMessageAndTheExceptionObject() throws SQLException {
    Postgres.assumeReachable();
    SQLException thrown = duplicateKeyOnPostgresql("&statementText=raw");

    Map<String, Object> log =
        errorLog(tracer.finishedSpans().get(tracer.finishedSpans().size() - 1));
    assertThat(log)
        .containsEntry("message", thrown.getMessage())
        .containsEntry("error.object", thrown);
  }

  private SQLException duplicateKeyOnPostgresql(String options) throws SQLException {
    String table = "secrets_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(Postgres.TRACING_URL + options);
        Statement s = c.createStatement()) {
      s.execute("CREATE TEMPORARY TABLE " + table + " (id INTEGER PRIMARY KEY)");
      s.executeUpdate("INSERT INTO " + table + " VALUES (" + NUMBER + ")");
      return catchThrowableOfType(
          SQLException.class,
          () -> s.executeUpdate("INSERT INTO " + table + " VALUES (" + NUMBER + ")"));
    }
  }

  /**
   * Connects, runs a statement that works and one that fails, and commits; nothing shows SECRET.
   */
  private void assertTracedWithoutTheSecret(String url, Properties info) throws SQLException {
    Driver standIn = new StandInDriver();
    DriverManager.registerDriver(standIn);
    try (Connection c = DriverManager.getConnection(url, info);
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      SQLException failed =
          catchThrowableOfType(SQLException.class, () -> s.execute("SELECT * FROM missing"));
      assertThat(failed.getMessage()).doesNotContain(SECRET);
      c.setAutoCommit(false);
      c.commit();
    } finally {
      DriverManager.deregisterDriver(standIn);
    }

    assertThat(tracer.finishedSpans())
        .hasSize(3)
        .allSatisfy(
            span -> {
              assertThat(span.tags().values())
                  .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(SECRET));
              assertThat(span.logEntries())
                  .allSatisfy(
                      entry ->
                          assertThat(entry.fields().values())
                              .allSatisfy(
                                  value ->
                                      assertThat(String.valueOf(value)).doesNotContain(SECRET)));
            });
    assertNoLogLineHoldsTheSecret();
  }

  private void assertNoLogLineHoldsTheSecret() {
    assertThat(logged)
        .allSatisfy(
            record -> {
              assertThat(String.valueOf(record.getMessage())).doesNotContain(SECRET);
              assertThat(String.valueOf(record.getThrown())).doesNotContain(SECRET);
            });
  }
}
