package io.tracejdbc.tck;

import static io.tracejdbc.tck.Traces.isChildOf;
import static io.tracejdbc.tck.Traces.named;
import static io.tracejdbc.tck.Traces.operations;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDriver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HikariCP over {@code jdbc:tracing:} URLs: marks go through the pool's proxies, and a pool of one
 * connection shows that a mark never outlives the checkout it was set in.
 */
abstract class HikariPoolContract {
  /**
   * HikariCP calls {@code beginRequest()}/{@code endRequest()} around a checkout only when this is
   * true.
   */
  static final String REQUEST_BOUNDARIES = "com.zaxxer.hikari.enableRequestBoundaries";

  final MockTracer tracer = new MockTracer();
  Database db;
  HikariDataSource pool;
  String table;

  abstract Database database();

  @BeforeEach
  void openPool() throws SQLException {
    db = database();
    db.assumeAvailable();
    TracingDriver.init(tracer, true, false);
    pool = pool(db, 1);
    table = "tck_" + Database.uniqueSuffix();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name VARCHAR(50))");
    }
  }

  @AfterEach
  void closePool() throws SQLException {
    if (pool == null) {
      return;
    }
    try (HikariDataSource p = pool;
        Connection c = p.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE " + table);
    }
  }

  /** A pool of {@code size} connections to {@code db} through tracejdbc. */
  static HikariDataSource pool(Database db, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.tracingUrl);
    config.setUsername(db.user);
    config.setPassword(db.password);
    config.setMaximumPoolSize(size);
    config.setPoolName("tck-" + db.system);
    return new HikariDataSource(config);
  }

  @Test
  void aParentSetThroughThePoolsConnectionCoversItsTransactionUntilCommit() throws SQLException {
    MockSpan parent = tracer.buildSpan("request").start();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, parent);
      update(c, "INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
      count(c);
      c.commit();
      count(c);
    }
    parent.finish();

    assertThat(operations(tracer)).containsExactly("insert", "select", "commit", "request");
    assertThat(tracer.finishedSpans().subList(0, 3)).allMatch(span -> isChildOf(span, parent));
  }

  @Test
  void aParentSetThroughThePoolsStatementCoversItsNextExecution() throws SQLException {
    MockSpan parent = tracer.buildSpan("request").start();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      TracingDriver.setParentSpan(s, parent);
      s.executeQuery("SELECT COUNT(*) FROM " + table).close();
      s.executeQuery("SELECT COUNT(*) FROM " + table).close();
    }
    parent.finish();

    assertThat(operations(tracer)).containsExactly("select", "request");
    assertThat(isChildOf(named(tracer, "select").get(0), parent)).isTrue();
  }

  @Test
  void aConnectionReturnedInATransactionCarriesNoMarkIntoItsNextBorrower() throws SQLException {
    MockSpan parent = tracer.buildSpan("request").start();
    Object physical;
    try (Connection first = pool.getConnection()) {
      physical = first.unwrap(db.realConnectionType);
      first.setAutoCommit(false);
      TracingDriver.setParentSpan(first, parent);
      update(first, "INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    }
    try (Connection next = pool.getConnection()) {
      assertThat(next.unwrap(db.realConnectionType)).isSameAs(physical);
      assertThat(count(next)).as("the pool rolled the first borrower's insert back").isZero();
    }
    parent.finish();

    assertThat(operations(tracer)).containsExactly("insert", "rollback", "request");
  }

  @Test
  void anUnusedMarkEndsWithTheCheckoutWhenThePoolSignalsRequestBoundaries() throws SQLException {
    System.setProperty(REQUEST_BOUNDARIES, "true");
    try (HikariDataSource bounded = pool(db, 1)) {
      assertUnusedMarkDoesNotReachTheNextBorrower(bounded);
    } finally {
      System.clearProperty(REQUEST_BOUNDARIES);
    }
  }

  @Test
  void anUnusedMarkEndsWithTheCheckoutInADefaultPool() throws SQLException {
    assertUnusedMarkDoesNotReachTheNextBorrower(pool);
  }

  private void assertUnusedMarkDoesNotReachTheNextBorrower(HikariDataSource from)
      throws SQLException {
    MockSpan parent = tracer.buildSpan("request").start();
    Object physical;
    try (Connection first = from.getConnection()) {
      physical = first.unwrap(db.realConnectionType);
      TracingDriver.setParentSpan(first, parent);
    }
    try (Connection next = from.getConnection()) {
      assertThat(next.unwrap(db.realConnectionType)).isSameAs(physical);
      count(next);
    }
    parent.finish();

    assertThat(operations(tracer)).containsExactly("request");
  }

  private static void update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private int count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
