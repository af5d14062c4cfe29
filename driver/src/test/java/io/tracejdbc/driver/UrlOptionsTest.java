package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentracing.Span;
import io.tracejdbc.driver.internal.url.ConnectionUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Options in the URL and in connect's Properties: what they do, and what reaches the real driver.
 */
class UrlOptionsTest extends MockTracing {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:tracing:sqlite:app.db                                         | jdbc:sqlite:app.db",
        "jdbc:tracing:sqlite:app.db?traceAllQueries=false                   | jdbc:sqlite:app.db",
        "jdbc:tracing:postgresql://h/db?traceAllQueries=false&ssl=true      | jdbc:postgresql://h/db?ssl=true",
        "jdbc:tracing:postgresql://h/db?ssl=true&traceAllQueries=false      | jdbc:postgresql://h/db?ssl=true",
        "jdbc:tracing:postgresql://h/db?a=1&statementText=raw&b=2           | jdbc:postgresql://h/db?a=1&b=2",
        "jdbc:tracing:h2:mem:t;traceAllQueries=false;DB_CLOSE_DELAY=-1      | jdbc:h2:mem:t;DB_CLOSE_DELAY=-1",
        "jdbc:tracing:sqlserver://h;databaseName=d;traceTransactions=false  | jdbc:sqlserver://h;databaseName=d",
        "jdbc:tracing:mysql://h/d?ignoreForTracing=\"SELECT 1; -- a&b\"&useSSL=false | jdbc:mysql://h/d?useSSL=false",
        "jdbc:tracing:mysql://h/d?traceWithActiveSpanOnly=true&ignoreForTracing=\"A\"&ignoreForTracing=\"B\" | jdbc:mysql://h/d",
        "jdbc:tracing:sqlite:x.db?mytraceAllQueries=false                   | jdbc:sqlite:x.db?mytraceAllQueries=false",
        "jdbc:tracing:db2://h:50000/db:statementText=raw;user=u;           | jdbc:db2://h:50000/db:user=u;",
        "jdbc:tracing:db2://h:50000/db:user=u;statementText=raw;           | jdbc:db2://h:50000/db:user=u;",
        "jdbc:tracing:db2://h:50000/db:statementText=raw;                  | jdbc:db2://h:50000/db",
        "jdbc:tracing:derby:memory:d;create=true;statementText=raw         | jdbc:derby:memory:d;create=true",
        "jdbc:tracing:p6spy:mysql://h/d?statementText=raw&useSSL=false     | jdbc:p6spy:mysql://h/d?useSSL=false",
        "jdbc:tracing:tc:postgresql:15:///d?TC_TMPFS=/x:rw&statementText=raw | jdbc:tc:postgresql:15:///d?TC_TMPFS=/x:rw",
        "jdbc:tracing:foo://h/d;statementText=raw;x=1                      | jdbc:foo://h/d;x=1",
      })
  void onlyTracejdbcOptionsAreTakenOutOfTheUrl(String url, String realUrl) throws SQLException {
    assertThat(ConnectionUrl.parse(url, TracingOptions.NAMES.keySet()).realUrl).isEqualTo(realUrl);
  }

  /** Each driver reads its URL's parameters its own way; a value may hold another's separators. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "jdbc:tracing:postgresql://h/db?ApplicationName=a;statementText=raw",
        "jdbc:tracing:postgresql://h/db?a=1?statementText=raw",
        "jdbc:tracing:postgresql://h/db;statementText=raw",
        "jdbc:tracing:aws-wrapper:postgresql://h/db?ApplicationName=a;statementText=raw",
        "jdbc:tracing:mariadb://h/db?connectionAttributes=a:b;statementText=raw",
        "jdbc:tracing:sqlite:app.db?x=a;statementText=raw",
        "jdbc:tracing:sqlserver://h;applicationName=a&statementText=raw",
        "jdbc:tracing:sqlserver://h;applicationName=a?statementText=raw",
        "jdbc:tracing:sqlserver://h;password={a;statementText=raw}",
        "jdbc:tracing:sqlserver://h;password={a}};statementText=raw}",
        "jdbc:tracing:h2:mem:t;INIT=SET @A 1\\;statementText=raw",
        "jdbc:tracing:jtds:sqlserver://h/db;appName=a&statementText=raw",
      })
  void aSeparatorOfAnotherSyntaxIsPartOfTheValue(String url) throws SQLException {
    ConnectionUrl parsed = ConnectionUrl.parse(url, TracingOptions.NAMES.keySet());

    assertThat(parsed.options).isEmpty();
    assertThat(parsed.realUrl).isEqualTo("jdbc:" + url.substring("jdbc:tracing:".length()));
  }

  /** pgjdbc reads {@code ;} as part of a value: the application name holds it, nothing is raw. */
  @Test
  void aSemicolonInAPostgresqlValueReachesTheServer() throws SQLException {
    String url =
        "jdbc:tracing:postgresql://127.0.0.1:5432/test?user=postgres"
            + "&ApplicationName=a;statementText=raw";
    try (Connection c = ServerRequired.connect(url);
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('application_name')")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("a;statementText=raw");
    }
    assertThat(spans().get(0).tags()).containsEntry("db.statement", "SELECT current_setting(?)");
  }

  @Test
  void ignoreForTracingTakesJavaJdbcsQuotedSyntaxWithEscapes() throws SQLException {
    ConnectionUrl url =
        ConnectionUrl.parse(
            "jdbc:tracing:sqlite:x.db?ignoreForTracing=\"SELECT \\\"a\\\"; 1\"&ignoreForTracing=\"SELECT 2\"",
            TracingOptions.NAMES.keySet());
    assertThat(url.options)
        .extracting(e -> e.getValue())
        .containsExactly("SELECT \"a\"; 1", "SELECT 2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ignoreForTracing=\"SELECT 1\"x;DB_CLOSE_DELAY=-1       | ignoreForTracing",
        "ignoreForTracing=\"SELECT 1\"\"SELECT 2\"              | ignoreForTracing",
        "ignoreForTracing=\"SELECT 1;DB_CLOSE_DELAY=-1           | ignoreForTracing",
        "ignoreForTracing=\"SELECT \\\"                          | ignoreForTracing",
        "statementText=\"raw\"x                                 | statementText",
      })
  void malformedOptionSyntaxFailsConnectNamingTheOption(String options, String name) {
    String url = "jdbc:tracing:h2:mem:malformed;" + options;
    assertThatThrownBy(() -> DriverManager.getConnection(url))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("tracejdbc option " + name)
        .hasMessageContaining("quote");
  }

  @Test
  void traceAllQueriesFalseInTheUrlTracesOnlyMarkedStatements() throws SQLException {
    try (Connection c = sqlite("traceAllQueries=false");
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      TracingDriver.setTraced(s);
      s.execute("SELECT 2");
    }
    assertThat(spans())
        .singleElement()
        .satisfies(span -> assertThat(span.tags()).containsEntry("db.statement", "SELECT ?"));
  }

  @Test
  void theUrlWinsOverTheGlobalOptions() throws SQLException {
    TracingDriver.init(tracer, false, false);
    try (Connection c = sqlite("traceAllConnections=true&traceAllQueries=true")) {
      c.createStatement().execute("SELECT 1");
    }
    assertThat(operationNames()).containsExactly("select");
  }

  @Test
  void theTraceAllTogglesOfALaterInitReachOpenConnections() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      TracingDriver.init(tracer, true, false);
      s.execute("SELECT 2");
      TracingDriver.init(tracer, true, true);
      s.execute("SELECT 3");
    }
    assertThat(spans()).hasSize(2);
  }

  @Test
  void traceWithActiveSpanOnlyTracesOnlyUnderAParent() throws SQLException {
    Span parent = tracer.buildSpan("request").start();
    try (Connection c = sqlite("traceWithActiveSpanOnly=true");
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      TracingDriver.setParentSpan(s, parent);
      s.execute("SELECT 2");
      try (var scope = tracer.activateSpan(parent)) {
        s.execute("SELECT 3");
      }
    }
    assertThat(spans())
        .hasSize(2)
        .allSatisfy(span -> assertThat(span.parentId()).isEqualTo(idOf(parent)));
  }

  @Test
  void ignoredStatementsAreNotTraced() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:tracing:sqlite::memory:?ignoreForTracing=\"SELECT 1\"&ignoreForTracing=\"SELECT  2\"");
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      s.execute("SELECT  2");
      s.execute("SELECT 2");
      c.prepareStatement("SELECT 1").executeQuery().close();
    }
    assertThat(spans())
        .singleElement()
        .satisfies(span -> assertThat(span.tags()).containsEntry("db.statement", "SELECT ?"));
  }

  @Test
  void statementTextRawKeepsLiteralsAndNoneDropsTheTag() throws SQLException {
    try (Connection raw = sqlite("statementText=raw");
        Connection none = sqlite("statementText=NONE")) {
      raw.createStatement().execute("SELECT  'secret',\n 42");
      none.createStatement().execute("SELECT 'secret'");
    }
    assertThat(spans().get(0).tags()).containsEntry("db.statement", "SELECT 'secret', 42");
    assertThat(spans().get(1).tags())
        .doesNotContainKey("db.statement")
        .containsEntry("db.operation", "select");
  }

  @Test
  void sanitizedStatementTextKeepsNoLiteral() throws SQLException {
    try (Connection c = sqlite()) {
      c.createStatement().execute("SELECT 'secret' AS s, 42 AS n WHERE 'x' IN ('a', 'b')");
    }
    assertThat((String) spans().get(0).tags().get("db.statement"))
        .doesNotContain("secret", "42", "'a'")
        .isEqualTo("SELECT ? AS s, ? AS n WHERE ? IN (?)");
  }

  @Test
  void byDefaultAPreparedStatementsParameterizedTextIsAsWrittenAndOtherTextSanitized()
      throws SQLException {
    try (Connection c = sqlite()) {
      c.createStatement().execute("CREATE TABLE stock (id INTEGER, qty INTEGER)");
      try (PreparedStatement parameterized =
              c.prepareStatement("SELECT * FROM stock\n WHERE id = ? AND qty > 0");
          PreparedStatement withoutParameters =
              c.prepareStatement("SELECT * FROM stock WHERE qty > 0")) {
        parameterized.setInt(1, 7);
        parameterized.executeQuery().close();
        withoutParameters.executeQuery().close();
      }
      c.createStatement().executeQuery("SELECT * FROM stock WHERE id = 7 AND qty > 0").close();
    }
    assertThat(spans())
        .extracting(span -> span.tags().get("db.statement"))
        .containsExactly(
            "CREATE TABLE stock (id INTEGER, qty INTEGER)",
            "SELECT * FROM stock WHERE id = ? AND qty > 0",
            "SELECT * FROM stock WHERE qty > ?",
            "SELECT * FROM stock WHERE id = ? AND qty > ?");
  }

  @Test
  void sanitizedStatementTextSanitizesPreparedTextToo() throws SQLException {
    try (Connection c = sqlite("statementText=sanitized")) {
      c.createStatement().execute("CREATE TABLE stock (id INTEGER, qty INTEGER)");
      try (PreparedStatement p =
          c.prepareStatement("SELECT * FROM stock WHERE id = ? AND qty > 0")) {
        p.setInt(1, 7);
        p.executeQuery().close();
      }
    }
    assertThat(spans().get(1).tags())
        .containsEntry("db.statement", "SELECT * FROM stock WHERE id = ? AND qty > ?");
  }

  @Test
  void traceTransactionsFalseLeavesOutCommitAndRollback() throws SQLException {
    try (Connection c = sqlite("traceTransactions=false")) {
      c.setAutoCommit(false);
      c.createStatement().execute("SELECT 1");
      c.commit();
      c.rollback();
    }
    assertThat(operationNames()).containsExactly("select");
  }

  @Test
  void aSlowQueryThresholdTagsSlowExecutionsOnly() throws SQLException {
    try (Connection slow = sqlite("slowQueryThresholdMs=1");
        Connection off = sqlite()) {
      String heavy =
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) "
              + "SELECT count(*) FROM n";
      slow.createStatement().executeQuery(heavy).close();
      off.createStatement().executeQuery(heavy).close();
    }
    assertThat(spans().get(0).tags()).containsEntry("slow", true);
    assertThat(spans().get(1).tags()).doesNotContainKey("slow");
  }

  @Test
  void optionsInConnectPropertiesWorkAndDoNotReachTheRealDriver() throws SQLException {
    Properties info = new Properties();
    info.setProperty("traceAllQueries", "false");
    info.setProperty("foreign_keys", "true");
    try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:", info)) {
      c.createStatement().execute("SELECT 1");
      try (var rs = c.createStatement().executeQuery("PRAGMA foreign_keys")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
    assertThat(spans()).isEmpty();
    assertThat(info.getProperty("traceAllQueries")).isEqualTo("false");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "traceAllQueries=yes           | traceAllQueries  | true or false",
        "traceAllConnections=          | traceAllConnections | true or false",
        "slowQueryThresholdMs=-5       | slowQueryThresholdMs | 0 or more",
        "slowQueryThresholdMs=fast     | slowQueryThresholdMs | 0 or more",
        "statementText=masked          | statementText    | parameterized, sanitized, raw or none",
        "traceTransactions=1           | traceTransactions | true or false",
        "traceWithActiveSpanOnly=on    | traceWithActiveSpanOnly | true or false",
      })
  void aBadValueFailsConnectNamingTheOptionAndWhatItTakes(
      String option, String name, String accepted) {
    assertThatThrownBy(() -> sqlite(option))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(accepted);
  }

  @Test
  void aBadValueInPropertiesFailsConnectToo() {
    Properties info = new Properties();
    info.setProperty("statementText", "everything");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:tracing:sqlite::memory:", info))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("statementText")
        .hasMessageContaining("parameterized, sanitized, raw or none");
  }

  @Test
  void globalOptionsComeFromTheBuilderOrFromProperties() {
    Properties properties = new Properties();
    properties.setProperty("traceWithActiveSpanOnly", "true");
    properties.setProperty("slowQueryThresholdMs", "250");
    properties.setProperty("unrelated", "x");
    TracingOptions options = TracingOptions.fromProperties(properties);
    assertThat(options.traceWithActiveSpanOnly()).isTrue();
    assertThat(options.slowQueryThresholdMs()).isEqualTo(250);
    assertThat(options.toBuilder().ignoreForTracing("SELECT 1").build().ignoreForTracing())
        .containsExactly("SELECT 1");
    assertThat(TracingOptions.defaults().statementText())
        .isEqualTo(TracingOptions.StatementText.PARAMETERIZED);
  }

  @Test
  void propertyInfoListsEveryOptionAndTheRealDriversProperties() throws SQLException {
    DriverPropertyInfo[] info =
        DriverManager.getDriver("jdbc:tracing:sqlite::memory:")
            .getPropertyInfo("jdbc:tracing:sqlite::memory:", new Properties());
    assertThat(Arrays.stream(info).map(p -> p.name).collect(Collectors.toList()))
        .containsAll(TracingOptions.NAMES.keySet())
        .contains("journal_mode");
  }
}
