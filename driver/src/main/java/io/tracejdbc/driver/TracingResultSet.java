package io.tracejdbc.driver;

import io.tracejdbc.driver.JdbcDelegation.DelegatingResultSet;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A result set of the real driver whose {@link #getStatement()} is a tracing statement. Its arrays
 * and cursors (a PostgreSQL refcursor read with {@code getObject}) are tracing ones too.
 */
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
  public Array getArray(int columnIndex) throws SQLException {
    return TracingArray.of(delegate.getArray(columnIndex), connection, origin);
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    return TracingArray.of(delegate.getArray(columnLabel), connection, origin);
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    return wrapped(delegate.getObject(columnIndex));
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    return wrapped(delegate.getObject(columnIndex, map));
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    return wrapped(delegate.getObject(columnIndex, type), type);
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    return wrapped(delegate.getObject(columnLabel));
  }

  @Override
  public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
    return wrapped(delegate.getObject(columnLabel, map));
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return wrapped(delegate.getObject(columnLabel, type), type);
  }

  @Override
  public String toString() {
    return "TracingResultSet wrapping " + delegate;
  }

  /**
   * A column or parameter value as the tracing driver hands it out: a cursor ({@link ResultSet}) or
   * an {@link Array} of the real driver becomes a tracing one leading back to {@code origin};
   * anything else is {@code value} itself.
   */
  static Object wrapValue(Object value, TracingConnection connection, TracingStatement origin) {
    if (value instanceof ResultSet) {
      return of((ResultSet) value, connection, origin);
    }
    return value instanceof Array ? TracingArray.of((Array) value, connection, origin) : value;
  }

  /**
   * A value asked for as {@code type}, as {@link #wrapValue(Object, TracingConnection,
   * TracingStatement)} gives it, unless {@code type} is the vendor's own class.
   */
  static <T> T wrapValue(
      T value, Class<T> type, TracingConnection connection, TracingStatement origin) {
    if ((value instanceof ResultSet && type.isAssignableFrom(TracingResultSet.class))
        || (value instanceof Array && type.isAssignableFrom(TracingArray.class))) {
      return type.cast(wrapValue(value, connection, origin));
    }
    return value;
  }

  private Object wrapped(Object value) {
    return wrapValue(value, connection, origin);
  }

  private <T> T wrapped(T value, Class<T> type) {
    return wrapValue(value, type, connection, origin);
  }
}
