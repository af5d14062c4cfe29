package io.tracejdbc.driver;

import io.tracejdbc.driver.JdbcDelegation.DelegatingResultSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A result set of the real driver whose {@link #getStatement()} is a tracing statement. */
final class TracingResultSet extends DelegatingResultSet {
  private final TracingConnection connection;

  /** The statement this result set came from, when a tracing statement made it. */
  private final TracingStatement origin;

  private Statement statement;
  private boolean statementKnown;

  /** A result set of an execution of {@code statement}. */
  TracingResultSet(ResultSet delegate, TracingStatement statement) {
    super(delegate);
    this.connection = statement == null ? null : statement.connection;
    this.origin = statement;
    this.statement = statement;
    this.statementKnown = true;
  }

  private TracingResultSet(
      ResultSet delegate, TracingConnection connection, TracingStatement origin) {
    super(delegate);
    this.connection = connection;
    this.origin = origin;
  }

  /**
   * A result set that no execution of a tracing statement returned (from {@code DatabaseMetaData},
   * or a cursor of {@code origin}, which may be null). Its statement is looked up when asked for,
   * as the real driver's may cost a call: {@code origin} when the real one is its, else a tracing
   * statement around the real one on {@code connection}, or null.
   */
  static ResultSet of(ResultSet real, TracingConnection connection, TracingStatement origin) {
    return real == null ? null : new TracingResultSet(real, connection, origin);
  }

  @Override
  public Statement getStatement() throws SQLException {
    if (!statementKnown) {
      Statement real = delegate.getStatement();
      if (real == null) {
        statement = null;
      } else if (origin != null && real == origin.delegate) {
        statement = origin;
      } else {
        statement = new TracingStatement(real, connection);
      }
      statementKnown = true;
    }
    return statement;
  }

  @Override
  public String toString() {
    return "TracingResultSet wrapping " + delegate;
  }
}
