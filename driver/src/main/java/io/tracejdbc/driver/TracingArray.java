package io.tracejdbc.driver;

import io.tracejdbc.driver.JdbcDelegation.DelegatingArray;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * An SQL array read from a result set or a callable statement, whose {@link #getResultSet()} is a
 * tracing result set: its statement is a tracing statement on the tracing connection. Bound again
 * ({@code setArray}, {@code setObject}), the real driver gets its own array back.
 */
final class TracingArray extends DelegatingArray {
  private final TracingConnection connection;

  /** The statement the array was read through, for the result sets' statement. */
  private final TracingStatement origin;

  private TracingArray(Array delegate, TracingConnection connection, TracingStatement origin) {
    super(delegate);
    this.connection = connection;
    this.origin = origin;
  }

  static Array of(Array real, TracingConnection connection, TracingStatement origin) {
    return real == null ? null : new TracingArray(real, connection, origin);
  }

  /** {@code value}, or the real driver's array when it is a tracing one, for binding. */
  static Object real(Object value) {
    return value instanceof TracingArray ? ((TracingArray) value).delegate : value;
  }

  static Array real(Array value) {
    return value instanceof TracingArray ? ((TracingArray) value).delegate : value;
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    return TracingResultSet.of(delegate.getResultSet(), connection, origin);
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    return TracingResultSet.of(delegate.getResultSet(map), connection, origin);
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    return TracingResultSet.of(delegate.getResultSet(index, count), connection, origin);
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map)
      throws SQLException {
    return TracingResultSet.of(delegate.getResultSet(index, count, map), connection, origin);
  }

  /** The real array's text: pgjdbc binds an array of another driver by its literal. */
  @Override
  public String toString() {
    return delegate.toString();
  }
}
