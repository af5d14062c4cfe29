package io.tracejdbc.driver;

import io.tracejdbc.driver.JdbcDelegation.DelegatingPreparedStatement;
import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.parser.SqlClassifier;
import io.tracejdbc.parser.SqlInfo;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLType;

/**
 * A prepared statement of the real driver, traced. Its SQL is classified once, on its first traced
 * execution; a batch counts its rows without keeping them. With {@code captureParameters}, it is a
 * {@link JdbcDelegation.CapturingPreparedStatement}, whose setters keep what they bind in {@link
 * #parameters}; the setters of this class only delegate.
 */
class TracingPreparedStatement extends DelegatingPreparedStatement {
  /**
   * The SQL as the application wrote it (the real statement's may carry a sqlcommenter comment).
   */
  private final String sql;

  /** The values bound, recorded on each traced execution but batches; null when not captured. */
  final BoundParameters parameters;

  /** Set by the first traced execution; immutable, so a racing second one is harmless. */
  private SqlInfo info;

  private String statementText;
  private int batchRows;

  TracingPreparedStatement(PreparedStatement prepared, TracingConnection connection, String sql) {
    this(prepared, connection, sql, null);
  }

  TracingPreparedStatement(
      PreparedStatement prepared,
      TracingConnection connection,
      String sql,
      BoundParameters parameters) {
    super(prepared, connection);
    this.sql = sql;
    this.parameters = parameters;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return wrap(beginExecution().run(prepared::executeQuery));
  }

  @Override
  public int executeUpdate() throws SQLException {
    return beginExecution().run(prepared::executeUpdate, Execution.COUNT, null);
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return beginExecution().run(prepared::executeLargeUpdate, Execution.LARGE_COUNT, null);
  }

  @Override
  public boolean execute() throws SQLException {
    return beginExecution().run(prepared::execute, Execution.CURRENT_COUNT, prepared);
  }

  /**
   * A statement pool clears the parameters of a statement that comes back (commons-dbcp2 does, and
   * nothing else of its return reaches a wrapper that sits below the pool), so this ends the
   * statement's mark: a mark never reaches the pooled statement's next borrower. Mark a statement
   * after clearing its parameters, not before.
   */
  @Override
  public void clearParameters() throws SQLException {
    setMark(null);
    prepared.clearParameters();
    if (parameters != null) {
      parameters.clear();
    }
  }

  /** An array read through tracejdbc goes back to the real driver as its own. */
  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    prepared.setArray(parameterIndex, TracingArray.real(x));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    prepared.setObject(parameterIndex, TracingArray.real(x), targetSqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    prepared.setObject(parameterIndex, TracingArray.real(x));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    prepared.setObject(parameterIndex, TracingArray.real(x), targetSqlType, scaleOrLength);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    prepared.setObject(parameterIndex, TracingArray.real(x), targetSqlType, scaleOrLength);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    prepared.setObject(parameterIndex, TracingArray.real(x), targetSqlType);
  }

  @Override
  public void addBatch() throws SQLException {
    prepared.addBatch();
    batchRows++;
  }

  /** The execution of the parameters bound, which it records when they are captured. */
  private Execution beginExecution() {
    Execution execution = begin(Telemetry.NOT_A_BATCH);
    if (parameters != null) {
      execution.parameters(parameters);
    }
    return execution;
  }

  /**
   * The execution of this statement's parameter sets as one batch (0 of them: an empty one); it
   * records none of their values (the conventions: not on batch operations).
   */
  @Override
  Execution beginBatch() {
    return begin(batchRows);
  }

  @Override
  void batchExecuted() {
    super.batchExecuted();
    batchRows = 0;
  }

  /**
   * The execution of this statement's SQL, by {@link #begin(String)}'s rules; {@code batchSize} as
   * {@link Telemetry#start} takes it. The SQL is classified on the first traced execution.
   */
  private Execution begin(int batchSize) {
    Mark mark = connection.markForExecution(takeMark());
    Telemetry<Object> telemetry = telemetry(mark, sql);
    if (telemetry == null) {
      return Execution.UNTRACED;
    }
    SqlInfo known = info;
    if (known == null) {
      known = SqlClassifier.classify(sql, connection.config.dialect);
      statementText = statementText(known, sql, true);
      info = known;
    }
    return start(telemetry, mark, known, statementText, batchSize);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + sql + "] wrapping " + prepared;
  }
}
