package io.tracejdbc.driver;

import io.tracejdbc.driver.JdbcDelegation.DelegatingCallableStatement;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.SQLException;
import java.sql.SQLType;
import java.util.Map;

/**
 * A callable statement of the real driver, traced like a prepared one. A cursor parameter (a
 * PostgreSQL refcursor) is a result set: a tracing one, whose statement is this one; an array
 * parameter is a tracing array. With {@code captureParameters}, it is a {@link
 * JdbcDelegation.CapturingCallableStatement}.
 */
class TracingCallableStatement extends DelegatingCallableStatement {
  TracingCallableStatement(CallableStatement callable, TracingConnection connection, String sql) {
    this(callable, connection, sql, null);
  }

  /** {@code parameters}: where the setters keep what they bind, or null when not captured. */
  TracingCallableStatement(
      CallableStatement callable,
      TracingConnection connection,
      String sql,
      BoundParameters parameters) {
    super(callable, connection, sql, parameters);
  }

  @Override
  public Object getObject(int parameterIndex) throws SQLException {
    return cursor(callable.getObject(parameterIndex));
  }

  @Override
  public Object getObject(int parameterIndex, Map<String, Class<?>> map) throws SQLException {
    return cursor(callable.getObject(parameterIndex, map));
  }

  @Override
  public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
    return cursor(callable.getObject(parameterIndex, type), type);
  }

  @Override
  public Object getObject(String parameterName) throws SQLException {
    return cursor(callable.getObject(parameterName));
  }

  @Override
  public Object getObject(String parameterName, Map<String, Class<?>> map) throws SQLException {
    return cursor(callable.getObject(parameterName, map));
  }

  @Override
  public <T> T getObject(String parameterName, Class<T> type) throws SQLException {
    return cursor(callable.getObject(parameterName, type), type);
  }

  @Override
  public Array getArray(int parameterIndex) throws SQLException {
    return TracingArray.of(callable.getArray(parameterIndex), connection, this);
  }

  @Override
  public Array getArray(String parameterName) throws SQLException {
    return TracingArray.of(callable.getArray(parameterName), connection, this);
  }

  @Override
  public void setObject(String parameterName, Object x, int targetSqlType, int scale)
      throws SQLException {
    callable.setObject(parameterName, TracingArray.real(x), targetSqlType, scale);
  }

  @Override
  public void setObject(String parameterName, Object x, int targetSqlType) throws SQLException {
    callable.setObject(parameterName, TracingArray.real(x), targetSqlType);
  }

  @Override
  public void setObject(String parameterName, Object x) throws SQLException {
    callable.setObject(parameterName, TracingArray.real(x));
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    callable.setObject(parameterName, TracingArray.real(x), targetSqlType, scaleOrLength);
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType targetSqlType) throws SQLException {
    callable.setObject(parameterName, TracingArray.real(x), targetSqlType);
  }

  private Object cursor(Object value) {
    return TracingResultSet.wrapValue(value, connection, this);
  }

  private <T> T cursor(T value, Class<T> type) {
    return TracingResultSet.wrapValue(value, type, connection, this);
  }
}
