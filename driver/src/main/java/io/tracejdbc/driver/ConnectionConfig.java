package io.tracejdbc.driver;

import io.opentracing.Tracer;
import io.tracejdbc.parser.SqlClassifier;
import java.util.Set;

/**
 * What a connection traces with, fixed when it opens: the tracer, the options (global ones with
 * the URL's on top) and the database facts. The two trace-all toggles follow the latest
 * {@link TracingDriver#init} unless the URL set them.
 */
final class ConnectionConfig {
  final Tracer tracer;
  final DbInfo db;
  /** How the database reads quotes, backslashes and comments: which text is data. */
  final SqlClassifier.Dialect dialect;
  final boolean traceWithActiveSpanOnly;
  final boolean traceTransactions;
  final TracingOptions.StatementText statementText;
  final long slowQueryThresholdNanos;
  private final Set<String> ignoreForTracing;
  private final Boolean traceAllConnections;
  private final Boolean traceAllQueries;

  /**
   * @param traceAllConnections the URL's value, or null to follow the global toggle
   * @param traceAllQueries the URL's value, or null to follow the global toggle
   */
  ConnectionConfig(Tracer tracer, TracingOptions options, DbInfo db,
      Boolean traceAllConnections, Boolean traceAllQueries) {
    this.tracer = tracer;
    this.db = db;
    this.dialect = dialect(db.system);
    this.traceWithActiveSpanOnly = options.traceWithActiveSpanOnly();
    this.traceTransactions = options.traceTransactions();
    this.statementText = options.statementText();
    this.slowQueryThresholdNanos = options.slowQueryThresholdMs() * 1_000_000L;
    this.ignoreForTracing = options.ignoreForTracing();
    this.traceAllConnections = traceAllConnections;
    this.traceAllQueries = traceAllQueries;
  }

  private static SqlClassifier.Dialect dialect(String system) {
    switch (system) {
      case "mysql":
      case "mariadb":
        return SqlClassifier.Dialect.MYSQL;
      case "postgresql":
        return SqlClassifier.Dialect.POSTGRESQL;
      case "sqlite":
        return SqlClassifier.Dialect.SQLITE;
      case "mssql":
      case "sybase":
        return SqlClassifier.Dialect.SQLSERVER;
      default:
        return SqlClassifier.Dialect.STANDARD;
    }
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
