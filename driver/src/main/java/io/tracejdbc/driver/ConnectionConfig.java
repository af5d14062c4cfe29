package io.tracejdbc.driver;

import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import io.tracejdbc.parser.SqlClassifier;
import java.util.Set;

/**
 * What a connection traces with, fixed when it opens: the options (global ones with the URL's or
 * the data source's on top) and the database facts, which only {@code setCatalog} and {@code
 * setSchema} replace. Where spans go (the tracer) and the two trace-all toggles follow the latest
 * {@link TracingDriver#init} unless the data source gave its own tracer or the URL or data source
 * set the toggles. One per connection.
 */
final class ConnectionConfig {
  /** The connection's database facts; replaced, never changed, when its namespace changes. */
  volatile DbInfo db;

  /** How the database reads quotes, backslashes and comments: which text is data. */
  final SqlClassifier.Dialect dialect;

  final boolean traceWithActiveSpanOnly;
  final boolean traceTransactions;
  final TracingOptions.StatementText statementText;
  final long slowQueryThresholdNanos;
  final boolean sqlCommenter;
  final boolean captureParameters;

  /** From this many executions of one statement under one parent on, an N+1; 0: never. */
  final int nPlusOneThreshold;

  private final Telemetry<Object> telemetry;
  private final Set<String> ignoreForTracing;
  private final Boolean traceAllConnections;
  private final Boolean traceAllQueries;

  /**
   * @param telemetry where the connection's spans go, or null to follow the global telemetry
   * @param global the global options when the connection opens
   * @param own the URL's or data source's options, which override those they set
   */
  @SuppressWarnings("unchecked")
  ConnectionConfig(Telemetry<?> telemetry, TracingOptions global, TracingOptions own, DbInfo db) {
    TracingOptions options = own.over(global);
    this.telemetry = (Telemetry<Object>) telemetry;
    this.db = db;
    this.dialect = db.dialect;
    this.traceWithActiveSpanOnly = options.traceWithActiveSpanOnly();
    this.traceTransactions = options.traceTransactions();
    this.statementText = options.statementText();
    this.slowQueryThresholdNanos = options.slowQueryThresholdMs() * 1_000_000L;
    this.sqlCommenter = options.sqlCommenter();
    this.captureParameters = options.captureParameters();
    this.nPlusOneThreshold = options.nPlusOneThreshold();
    this.ignoreForTracing = options.ignoreForTracing();
    this.traceAllConnections =
        own.sets(TracingOptions.TRACE_ALL_CONNECTIONS) ? options.traceAllConnections() : null;
    this.traceAllQueries =
        own.sets(TracingOptions.TRACE_ALL_QUERIES) ? options.traceAllQueries() : null;
  }

  /** Where this connection's spans go: its own telemetry, else that of the latest init. */
  @SuppressWarnings("unchecked")
  Telemetry<Object> telemetry() {
    Telemetry<Object> own = telemetry;
    return own != null ? own : (Telemetry<Object>) TracingDriver.telemetry();
  }

  boolean traceAllConnections() {
    Boolean own = traceAllConnections;
    return own != null ? own : TracingDriver.settings().options.traceAllConnections();
  }

  boolean traceAllQueries() {
    Boolean own = traceAllQueries;
    return own != null ? own : TracingDriver.settings().options.traceAllQueries();
  }

  boolean ignores(String sql) {
    return !ignoreForTracing.isEmpty() && ignoreForTracing.contains(sql);
  }
}
