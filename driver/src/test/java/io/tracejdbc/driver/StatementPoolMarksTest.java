package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.Span;
import io.opentracing.mock.MockSpan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A statement mark ends when its statement is closed, even when commons-dbcp2 pools prepared
 * statements and hands the same one to the next borrower: the mark never reaches that borrower,
 * whether tracejdbc sits below the pool (a {@code jdbc:tracing:} URL) or above it (a
 * TracingDataSource over the pool).
 */
class StatementPoolMarksTest extends MockTracing {
  private static final String SQL = "SELECT 1";

  private BasicDataSource pool;

  @AfterEach
  void closePool() throws SQLException {
    pool.close();
  }

  @Test
  void belowThePoolAMarkOfAClosedStatementDoesNotReachItsNextBorrower() throws SQLException {
    TracingDriver.init(tracer, true, false);
    DataSource dataSource = statementPool("jdbc:tracing:h2:mem:below");
    assertTheNextBorrowerRunsUnderItsOwnParent(dataSource);
  }

  @Test
  void aboveThePoolAMarkOfAClosedStatementDoesNotReachItsNextBorrower() throws SQLException {
    TracingDriver.init(tracer, true, false);
    DataSource dataSource = new TracingDataSource(statementPool("jdbc:h2:mem:above"));
    assertTheNextBorrowerRunsUnderItsOwnParent(dataSource);
  }

  @Test
  void belowThePoolAnUnmarkedBorrowerOfAMarkedStatementIsNotTraced() throws SQLException {
    TracingDriver.init(tracer, true, false);
    DataSource dataSource = statementPool("jdbc:tracing:h2:mem:unmarked");
    Span spanA = tracer.buildSpan("A").start();
    try (Connection c = dataSource.getConnection()) {
      PreparedStatement ps = c.prepareStatement(SQL);
      TracingDriver.setParentSpan(ps, spanA);
      TracingStatement pooled = ps.unwrap(TracingStatement.class);
      ps.close();
      try (PreparedStatement again = c.prepareStatement(SQL)) {
        assertThat(again.unwrap(TracingStatement.class)).isSameAs(pooled);
        again.executeQuery().close();
      }
    }
    assertThat(spans()).isEmpty();
  }

  private void assertTheNextBorrowerRunsUnderItsOwnParent(DataSource dataSource)
      throws SQLException {
    Span spanA = tracer.buildSpan("A").start();
    Span spanB = tracer.buildSpan("B").start();
    try (Connection a = dataSource.getConnection()) {
      PreparedStatement ps = a.prepareStatement(SQL);
      TracingDriver.setParentSpan(ps, spanA);
      ps.close();
    }
    try (Connection b = dataSource.getConnection()) {
      TracingDriver.setParentSpan(b, spanB);
      try (PreparedStatement ps = b.prepareStatement(SQL)) {
        ps.executeQuery().close();
      }
    }
    assertThat(spans()).singleElement().extracting(MockSpan::parentId).isEqualTo(idOf(spanB));
  }

  private BasicDataSource statementPool(String url) {
    pool = new BasicDataSource();
    pool.setUrl(url);
    pool.setPoolPreparedStatements(true);
    pool.setMaxTotal(1);
    return pool;
  }
}
