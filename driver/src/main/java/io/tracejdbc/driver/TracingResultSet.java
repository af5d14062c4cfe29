package io.tracejdbc.driver;

import io.tracejdbc.driver.JdbcDelegation.DelegatingResultSet;
import java.sql.ResultSet;
import java.sql.Statement;

/** A result set of the real driver whose {@link #getStatement()} is the tracing statement. */
final class TracingResultSet extends DelegatingResultSet {
  private final TracingStatement statement;

  TracingResultSet(ResultSet delegate, TracingStatement statement) {
    super(delegate);
    this.statement = statement;
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public String toString() {
    return "TracingResultSet wrapping " + delegate;
  }
}
