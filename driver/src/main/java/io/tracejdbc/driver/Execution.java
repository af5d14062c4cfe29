package io.tracejdbc.driver;

import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.parser.SqlInfo;
import java.lang.System.Logger.Level;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * One call of the real driver (an execution, a commit, a savepoint), traced or not: every call goes
 * through {@link #run}, which calls the real driver, records the rows written or the failure, and
 * finishes the span. Untraced calls share {@link #UNTRACED}, which only makes the call. A tracer
 * that throws costs the span its tag, or the whole span, never the call: its result or exception
 * reaches the caller unchanged.
 */
final class Execution {
  /** Does nothing but the call. */
  static final Execution UNTRACED = new Execution(null, null, null, false);

  /** Operations whose JDBC update count is a row count; for DDL and the rest it is a bare 0. */
  private static final Set<String> WRITES_ROWS =
      Set.of("insert", "update", "delete", "merge", "upsert", "replace", "batch");

  /** A call of the real driver. */
  interface Call<T> {
    T call() throws SQLException;
  }

  /** A call of the real driver that returns nothing. */
  interface VoidCall {
    void call() throws SQLException;
  }

  /** How many rows a call's result says were written; negative when it says nothing. */
  interface Rows<T> {
    long of(T result, Statement real) throws SQLException;
  }

  static final Rows<Object> NO_ROWS = (result, real) -> -1;
  static final Rows<Integer> COUNT = (count, real) -> count;
  static final Rows<Long> LARGE_COUNT = (count, real) -> count;

  /** {@code execute()}: without a result set, the update count JDBC keeps as current result. */
  static final Rows<Boolean> CURRENT_COUNT =
      (hasResultSet, real) -> hasResultSet ? -1 : real.getUpdateCount();

  static final Rows<int[]> BATCH_COUNTS = (counts, real) -> totalRows(counts);
  static final Rows<long[]> LARGE_BATCH_COUNTS = (counts, real) -> totalRows(counts);

  private final Telemetry<Object> telemetry;
  private final Object span;
  private final ConnectionConfig config;
  private final boolean countsRows;
  private final long startedNanos;

  /**
   * The parent under which this execution reached the N+1 threshold, else null: its event and the
   * warning come once this execution's span has finished, so that their one-time costs (the log's
   * first write) do not show as database time.
   */
  private Object nPlusOneParent;

  private SqlInfo nPlusOneShape;

  private Execution(
      Telemetry<Object> telemetry, Object span, ConnectionConfig config, boolean countsRows) {
    this.telemetry = telemetry;
    this.span = span;
    this.config = config;
    this.countsRows = countsRows;
    this.startedNanos =
        config != null && config.slowQueryThresholdNanos > 0 ? System.nanoTime() : 0;
  }

  /**
   * The traced execution of SQL text that the driver decided to trace with {@code telemetry} under
   * {@code parent} (null: none marked), unless a parent is required and there is none; {@link
   * #UNTRACED} then, or when the tracer fails. The arguments are those of {@link Telemetry#start}.
   */
  static Execution start(
      Telemetry<Object> telemetry,
      ConnectionConfig config,
      Object parent,
      String operation,
      String table,
      String summary,
      String storedProcedure,
      String statement,
      int batchSize) {
    try {
      if (parentMissing(telemetry, config, parent)) {
        return UNTRACED;
      }
      Object span =
          telemetry.start(
              parent, config.db, operation, table, summary, storedProcedure, statement, batchSize);
      return traced(telemetry, span, config, WRITES_ROWS.contains(operation));
    } catch (Throwable t) {
      TracerFailures.report(t);
      return UNTRACED;
    }
  }

  /**
   * Counts this execution of {@code shape} under its parent (from {@code marked}, the mark's span
   * or null, as {@link #start} had it) for N+1 detection: from the connection's {@code
   * nPlusOneThreshold} on, the span is flagged; at the threshold, once the span has finished, the
   * parent gets its event and the log its warning. Executions without a parent are not counted; a
   * threshold of 0 costs nothing.
   *
   * @return this execution
   */
  Execution counted(Object marked, SqlInfo shape) {
    if (this == UNTRACED || config.nPlusOneThreshold == 0) {
      return this;
    }
    int threshold = config.nPlusOneThreshold;
    try {
      Object parent = telemetry.parentOf(marked);
      if (parent == null) {
        return this;
      }
      int count = StatementRuns.count(parent, shape);
      if (count >= threshold) {
        telemetry.nPlusOneExecution(span, count);
        if (count == threshold) {
          nPlusOneParent = parent;
          nPlusOneShape = shape;
        }
      }
    } catch (Throwable t) {
      TracerFailures.report(t);
    }
    return this;
  }

  /**
   * The traced execution of a JDBC call without SQL text ({@code commit}, ...), as {@link #start}
   * does it for text.
   */
  static Execution startCall(
      Telemetry<Object> telemetry, ConnectionConfig config, Object parent, String operation) {
    try {
      if (parentMissing(telemetry, config, parent)) {
        return UNTRACED;
      }
      return traced(telemetry, telemetry.startCall(parent, config.db, operation), config, false);
    } catch (Throwable t) {
      TracerFailures.report(t);
      return UNTRACED;
    }
  }

  private static boolean parentMissing(
      Telemetry<Object> telemetry, ConnectionConfig config, Object parent) {
    return parent == null && config.traceWithActiveSpanOnly && !telemetry.hasCurrentSpan();
  }

  private static Execution traced(
      Telemetry<Object> telemetry, Object span, ConnectionConfig config, boolean countsRows) {
    return span == null ? UNTRACED : new Execution(telemetry, span, config, countsRows);
  }

  /**
   * The text to send the database for {@code sql}: with {@code sqlCommenter}, commented with the
   * trace context of this execution's span when the text takes a comment; else {@code sql} itself.
   * A tracer that fails to give the context costs the comment only.
   */
  String sql(String sql) {
    if (this == UNTRACED || !config.sqlCommenter) {
      return sql;
    }
    try {
      return SqlCommenter.append(
          sql, SqlCommenter.comment(telemetry.propagation(span)), config.dialect);
    } catch (Throwable t) {
      TracerFailures.report(t);
      return sql;
    }
  }

  /** Records the values bound to the statement ({@code captureParameters}) on the span. */
  void parameters(BoundParameters parameters) {
    if (this == UNTRACED) {
      return;
    }
    try {
      parameters.record(telemetry, span);
    } catch (Throwable t) {
      TracerFailures.report(t);
    }
  }

  /**
   * Makes {@code call} of the real driver within this execution's span: records the rows that
   * {@code rows} reads from its result ({@code real} is the statement that ran it, if any), or its
   * failure, then finishes the span.
   */
  <T> T run(Call<T> call, Rows<? super T> rows, Statement real) throws SQLException {
    if (this == UNTRACED) {
      return call.call();
    }
    try {
      T result = call.call();
      if (countsRows) {
        rowsAffected(rows, result, real);
      }
      return result;
    } catch (Throwable t) {
      failed(t);
      throw t;
    } finally {
      finish();
    }
  }

  <T> T run(Call<T> call) throws SQLException {
    return run(call, NO_ROWS, null);
  }

  void perform(VoidCall call) throws SQLException {
    run(
        () -> {
          call.call();
          return null;
        });
  }

  private <T> void rowsAffected(Rows<? super T> rows, T result, Statement real) {
    long count;
    try {
      count = rows.of(result, real);
    } catch (SQLException | RuntimeException e) {
      return; // the count is only a tag: a driver that cannot give it leaves the span without one
    }
    rowsAffected(count);
  }

  private void rowsAffected(long count) {
    if (count < 0) {
      return;
    }
    try {
      telemetry.rowsAffected(span, count);
    } catch (Throwable t) {
      TracerFailures.report(t);
    }
  }

  private void failed(Throwable error) {
    if (countsRows && error instanceof BatchUpdateException) {
      long[] counts = ((BatchUpdateException) error).getLargeUpdateCounts();
      if (counts != null) {
        rowsAffected(totalRows(counts)); // a batch that failed part way still wrote these
      }
    }
    try {
      telemetry.failed(span, error, config.statementText == TracingOptions.StatementText.RAW);
    } catch (Throwable t) {
      TracerFailures.report(t);
    }
  }

  private void finish() {
    long threshold = config.slowQueryThresholdNanos;
    try {
      telemetry.finish(span, threshold > 0 && System.nanoTime() - startedNanos > threshold);
    } catch (Throwable t) {
      TracerFailures.report(t);
    }
    if (nPlusOneParent != null) {
      nPlusOneFound();
    }
  }

  /** Tells the parent, the backend's metrics and the log about the N+1 this execution found. */
  private void nPlusOneFound() {
    int threshold = config.nPlusOneThreshold;
    boolean shown = config.statementText != TracingOptions.StatementText.NONE;
    SqlInfo shape = nPlusOneShape;
    try {
      String parentName =
          telemetry.nPlusOne(
              nPlusOneParent,
              config.db,
              shape.operation(),
              shape.querySummary(),
              shown ? shape.sanitizedSql() : null,
              threshold);
      NPlusOneWarnings.warn(shape, shown, parentName, threshold);
    } catch (Throwable t) {
      TracerFailures.report(t);
    }
  }

  static long totalRows(int[] counts) {
    long total = -1;
    for (int count : counts) {
      if (count >= 0) total = Math.max(total, 0) + count;
    }
    return total;
  }

  static long totalRows(long[] counts) {
    long total = -1;
    for (long count : counts) {
      if (count >= 0) total = Math.max(total, 0) + count;
    }
    return total;
  }

  /**
   * Reports a tracer that throws: once loudly per installed tracer, then quietly, so a broken
   * tracer cannot flood the log.
   */
  static final class TracerFailures {
    private static final System.Logger LOG = System.getLogger("io.tracejdbc.driver");
    private static volatile boolean reported;

    private TracerFailures() {}

    /** A new tracer was installed: its first failure gets its own warning. */
    static void newTracer() {
      reported = false;
    }

    static void report(Throwable failure) {
      if (!reported) {
        reported = true;
        LOG.log(
            Level.WARNING,
            "The tracer threw; tracejdbc runs the statement untraced"
                + " and will not repeat this warning",
            failure);
      } else {
        LOG.log(Level.DEBUG, "The tracer threw again", failure);
      }
    }
  }
}
