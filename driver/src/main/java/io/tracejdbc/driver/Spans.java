package io.tracejdbc.driver;

import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.log.Fields;
import io.opentracing.tag.Tags;
import io.tracejdbc.driver.url.DbInfo;
import io.tracejdbc.parser.SqlClassifier;
import io.tracejdbc.parser.SqlInfo;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Starts, tags and finishes the spans of executions. Every call is safe with a null span (an
 * untraced execution) and with a tracer that throws: the failure is reported and the span is
 * given up, but the statement goes on.
 */
final class Spans {
  static final String COMPONENT = "tracejdbc";
  static final String DB_SYSTEM = "db.system";
  static final String DB_OPERATION = "db.operation";
  static final String DB_SQL_TABLE = "db.sql.table";
  static final String DB_BATCH_SIZE = "db.batch.size";
  static final String DB_ROWS_AFFECTED = "db.rows_affected";
  static final String DB_SQL_STATE = "db.sql_state";
  static final String DB_ERROR_CODE = "db.error_code";
  static final String PEER_ADDRESS = "peer.address";
  static final String SLOW = "slow";
  private static final Set<String> WRITES_ROWS =
      Set.of("insert", "update", "delete", "merge", "upsert", "replace", "batch");

  private Spans() {}

  /** The span of one execution, or null when the tracer fails. */
  static Span start(ConnectionConfig config, Span parent, String operation, String table,
      String statement, int batchSize) {
    try {
      Tracer.SpanBuilder span = config.tracer().buildSpan(operation);
      if (parent != null) {
        span.asChildOf(parent);
      }
      DbInfo db = config.db;
      span.withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_CLIENT)
          .withTag(Tags.COMPONENT.getKey(), COMPONENT)
          .withTag(Tags.DB_TYPE.getKey(), "sql")
          .withTag(DB_SYSTEM, db.system)
          .withTag(DB_OPERATION, operation);
      if (db.instance != null) span.withTag(Tags.DB_INSTANCE.getKey(), db.instance);
      if (db.user != null) span.withTag(Tags.DB_USER.getKey(), db.user);
      if (statement != null) span.withTag(Tags.DB_STATEMENT.getKey(), statement);
      if (table != null) span.withTag(DB_SQL_TABLE, table);
      if (db.host != null) span.withTag(Tags.PEER_HOSTNAME.getKey(), db.host);
      if (db.port != null) span.withTag(Tags.PEER_PORT.getKey(), db.port);
      if (db.peerAddress != null) span.withTag(PEER_ADDRESS, db.peerAddress);
      if (batchSize > 0) span.withTag(DB_BATCH_SIZE, batchSize);
      return span.start();
    } catch (Throwable t) {
      TracerFailures.report(t);
      return null;
    }
  }

  /**
   * What {@code db.statement} holds for {@code sql}, per the connection's options; null (no tag)
   * for null SQL, which the real driver is left to reject.
   */
  static String statementText(ConnectionConfig config, SqlInfo info, String sql) {
    if (sql == null) {
      return null;
    }
    switch (config.statementText) {
      case RAW:
        return collapseWhitespace(sql);
      case NONE:
        return null;
      default:
        return info.sanitizedSql();
    }
  }

  /**
   * Whether statements named {@code operation} write rows: JDBC's update count is their row count;
   * for DDL and the rest it is a 0 that says nothing. A mixed batch may hold writes.
   */
  static boolean writesRows(String operation) {
    return WRITES_ROWS.contains(operation);
  }

  static void rowsAffected(Span span, long rows) {
    if (span == null || rows < 0) return;
    try {
      span.setTag(DB_ROWS_AFFECTED, rows);
    } catch (Throwable t) {
      TracerFailures.report(t);
    }
  }

  /**
   * Tags {@code span} with {@code error} and logs it. Drivers put bound values into their messages
   * ("Key (id)=(42) already exists"), so unless the connection shows statements raw, the logged
   * {@code message} is sanitized like a statement and {@code error.object} (whose {@code
   * toString()} is the raw message) is left out.
   */
  static void failed(ConnectionConfig config, Span span, Throwable error) {
    if (span == null) return;
    try {
      Tags.ERROR.set(span, Boolean.TRUE);
      if (error instanceof SQLException) {
        SQLException sqlError = (SQLException) error;
        if (sqlError.getSQLState() != null) span.setTag(DB_SQL_STATE, sqlError.getSQLState());
        span.setTag(DB_ERROR_CODE, sqlError.getErrorCode());
      }
      boolean raw = config.statementText == TracingOptions.StatementText.RAW;
      Map<String, Object> log = new HashMap<>(8);
      log.put(Fields.EVENT, Tags.ERROR.getKey());
      log.put(Fields.ERROR_KIND, error.getClass().getName());
      if (raw) log.put(Fields.ERROR_OBJECT, error);
      String message = error.getMessage();
      if (message != null) log.put(Fields.MESSAGE, raw ? message : ErrorMessages.redact(message));
      span.log(log);
    } catch (Throwable t) {
      TracerFailures.report(t);
    }
  }

  /**
   * Finishes {@code span}; with a slow-query threshold, tags {@code slow=true} when the execution
   * that started at {@code startedNanos} took longer.
   */
  static void finish(ConnectionConfig config, Span span, long startedNanos) {
    if (span == null) return;
    try {
      if (config.slowQueryThresholdNanos > 0
          && System.nanoTime() - startedNanos > config.slowQueryThresholdNanos) {
        span.setTag(SLOW, true);
      }
    } catch (Throwable t) {
      TracerFailures.report(t);
    }
    try {
      span.finish();
    } catch (Throwable t) {
      TracerFailures.report(t);
    }
  }

  /** {@code sql} trimmed, each run of whitespace made one space; {@code sql} itself if already so. */
  static String collapseWhitespace(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    boolean pendingSpace = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return sql.contentEquals(out) ? sql : out.toString();
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
        LOG.log(Level.WARNING,
            "The tracer threw; tracejdbc runs the statement untraced"
                + " and will not repeat this warning",
            failure);
      } else {
        LOG.log(Level.DEBUG, "The tracer threw again", failure);
      }
    }
  }

  /**
   * What an error log may say of a driver's exception message when statement text is not raw.
   * Drivers put data in their messages: pgjdbc adds a {@code Detail: Key (email)=(bob@x.org)}
   * line, MariaDB quotes the duplicate value, and either may double-quote a value it could not
   * convert.
   */
  static final class ErrorMessages {
    private ErrorMessages() {}

    /**
     * The message's first line with every value masked: quoted text (single or double quotes) and
     * numbers become {@code ?}. Later lines, where drivers put details and hints, are dropped.
     */
    static String redact(String message) {
      int end = 0;
      while (end < message.length()
          && message.charAt(end) != '\n'
          && message.charAt(end) != '\r') {
        end++;
      }
      String sanitized = SqlClassifier.sanitize(message.substring(0, end));
      StringBuilder out = new StringBuilder(sanitized.length());
      for (int i = 0; i < sanitized.length(); i++) {
        char c = sanitized.charAt(i);
        if (c == '"') {
          int close = sanitized.indexOf('"', i + 1);
          i = close < 0 ? sanitized.length() : close;
          out.append('?');
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }
}
