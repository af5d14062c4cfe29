package io.tracejdbc.tck;

import static io.tracejdbc.tck.Traces.isChildOf;
import static io.tracejdbc.tck.Traces.operations;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's {@link JdbcTemplate} in a {@link TransactionTemplate} (what {@code @Transactional}
 * does): a parent set on the transaction's connection covers it until the template commits or rolls
 * back. A pool of one connection makes the later statements run on the same one.
 */
abstract class SpringJdbcContract {
  final MockTracer tracer = new MockTracer();
  Database db;
  HikariDataSource dataSource;
  JdbcTemplate jdbc;
  TransactionTemplate transaction;
  String table;

  abstract Database database();

  @BeforeEach
  void setUp() {
    db = database();
    db.assumeAvailable();
    TracingDriver.init(tracer, true, false);
    dataSource = HikariPoolContract.pool(db, 1);
    jdbc = new JdbcTemplate(dataSource);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    table = "tck_" + Database.uniqueSuffix();
    jdbc.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name VARCHAR(50))");
  }

  @AfterEach
  void tearDown() {
    if (dataSource == null) {
      return;
    }
    try (HikariDataSource d = dataSource) {
      jdbc.execute("DROP TABLE " + table);
    }
  }

  @Test
  void theTemplatesCommitEndsConnectionTracing() {
    MockSpan parent = tracer.buildSpan("request").start();

    transaction.executeWithoutResult(
        status -> {
          TracingDriver.setParentSpan(DataSourceUtils.getConnection(dataSource), parent);
          jdbc.update("INSERT INTO " + table + " (id, name) VALUES (?, ?)", 1, "a");
          jdbc.queryForList("SELECT name FROM " + table);
        });
    jdbc.queryForList("SELECT id FROM " + table);
    parent.finish();

    assertThat(operations(tracer)).containsExactly("insert", "select", "commit", "request");
    assertThat(tracer.finishedSpans().subList(0, 3)).allMatch(span -> isChildOf(span, parent));
  }

  @Test
  void theTemplatesRollbackEndsConnectionTracing() {
    MockSpan parent = tracer.buildSpan("request").start();

    transaction.executeWithoutResult(
        status -> {
          TracingDriver.setParentSpan(DataSourceUtils.getConnection(dataSource), parent);
          jdbc.update("INSERT INTO " + table + " (id, name) VALUES (?, ?)", 1, "a");
          status.setRollbackOnly();
        });
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    parent.finish();

    assertThat(rows).isZero();
    assertThat(operations(tracer)).containsExactly("insert", "rollback", "request");
    assertThat(tracer.finishedSpans().subList(0, 2)).allMatch(span -> isChildOf(span, parent));
  }
}
