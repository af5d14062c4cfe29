package io.tracejdbc.driver;

import io.tracejdbc.driver.JdbcDelegation.DelegatingResultSet;
import java.sql.ResultSet;
import java.sql.SQLException;
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
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, delegate, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return Wrappers.isWrapperFor(this, delegate, iface);
  }

  @Override
  public String toString() {
    return "TracingResultSet wrapping " + delegate;
  }
}
