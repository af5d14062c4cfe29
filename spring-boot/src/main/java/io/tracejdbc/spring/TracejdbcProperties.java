package io.tracejdbc.spring;

import io.tracejdbc.driver.TracingOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code tracejdbc.*} properties: the driver's options (see {@link TracingOptions}) for every
 * data source of the application, and the starter's own switches. An option left unset keeps the
 * driver's default.
 */
@ConfigurationProperties("tracejdbc")
public class TracejdbcProperties {
  /** Whether tracejdbc traces the application's data sources. */
  private boolean enabled = true;

  /**
   * What a span shows of the statement: sanitized (literals become ?), raw or none. Default: the
   * driver's.
   */
  private TracingOptions.StatementText statementText;

  /** Whether commits, rollbacks and savepoints are spans. Default: true. */
  private Boolean traceTransactions;

  /**
   * Whether every statement is traced, rather than only those marked with setTraced or
   * setParentSpan. Default: true.
   */
  private Boolean traceAllQueries;

  /** Whether only statements with a parent span (a current one, or a mark) are traced. */
  private Boolean traceWithActiveSpanOnly;

  /** Statements never to trace, each matched exactly against the SQL text. */
  private List<String> ignoreForTracing = new ArrayList<>();

  /** Calls slower than this are marked slow; 0 (the default) turns it off. */
  private Duration slowQueryThreshold;

  /**
   * From how many executions of one statement shape under one parent span on they are flagged as an
   * N+1 query (tracejdbc.n_plus_one); 0 turns the detection off. Default: 5.
   */
  private Integer nPlusOneThreshold;

  /**
   * Whether each statement's SQL carries a sqlcommenter comment with the trace context of its span
   * (traceparent), for the database's own logs. Default: false.
   */
  private Boolean sqlCommenter;

  /**
   * Whether the values bound to prepared and callable statements are recorded on their spans
   * (db.query.parameter.*): this puts data into spans on purpose. Default: false.
   */
  private Boolean captureParameters;

  /** Whether each getConnection of a data source is a span of its own. Default: false. */
  private Boolean traceConnectionAcquisition;

  /** Names of DataSource beans not to trace. */
  private List<String> excludedDataSources = new ArrayList<>();

  private final Metrics metrics = new Metrics();

  /** The driver's options these properties set; those left unset keep the driver's defaults. */
  TracingOptions toOptions() {
    TracingOptions.Builder options = TracingOptions.builder();
    if (statementText != null) options.statementText(statementText);
    if (traceTransactions != null) options.traceTransactions(traceTransactions);
    if (traceAllQueries != null) options.traceAllQueries(traceAllQueries);
    if (traceWithActiveSpanOnly != null) options.traceWithActiveSpanOnly(traceWithActiveSpanOnly);
    if (!ignoreForTracing.isEmpty())
      options.ignoreForTracing(ignoreForTracing.toArray(String[]::new));
    if (slowQueryThreshold != null) options.slowQueryThresholdMs(slowQueryThreshold.toMillis());
    if (nPlusOneThreshold != null) options.nPlusOneThreshold(nPlusOneThreshold);
    if (sqlCommenter != null) options.sqlCommenter(sqlCommenter);
    if (captureParameters != null) options.captureParameters(captureParameters);
    if (traceConnectionAcquisition != null)
      options.traceConnectionAcquisition(traceConnectionAcquisition);
    return options.build();
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public TracingOptions.StatementText getStatementText() {
    return statementText;
  }

  public void setStatementText(TracingOptions.StatementText statementText) {
    this.statementText = statementText;
  }

  public Boolean getTraceTransactions() {
    return traceTransactions;
  }

  public void setTraceTransactions(Boolean traceTransactions) {
    this.traceTransactions = traceTransactions;
  }

  public Boolean getTraceAllQueries() {
    return traceAllQueries;
  }

  public void setTraceAllQueries(Boolean traceAllQueries) {
    this.traceAllQueries = traceAllQueries;
  }

  public Boolean getTraceWithActiveSpanOnly() {
    return traceWithActiveSpanOnly;
  }

  public void setTraceWithActiveSpanOnly(Boolean traceWithActiveSpanOnly) {
    this.traceWithActiveSpanOnly = traceWithActiveSpanOnly;
  }

  public List<String> getIgnoreForTracing() {
    return ignoreForTracing;
  }

  public void setIgnoreForTracing(List<String> ignoreForTracing) {
    this.ignoreForTracing = ignoreForTracing;
  }

  public Duration getSlowQueryThreshold() {
    return slowQueryThreshold;
  }

  /**
   * @throws IllegalArgumentException for a negative duration (the binder names the property)
   */
  public void setSlowQueryThreshold(Duration slowQueryThreshold) {
    if (slowQueryThreshold != null && slowQueryThreshold.isNegative()) {
      throw new IllegalArgumentException(
          "Bad value "
              + slowQueryThreshold.toMillis()
              + "ms: it takes a duration of 0 or more, such as 200ms");
    }
    this.slowQueryThreshold = slowQueryThreshold;
  }

  public Integer getNPlusOneThreshold() {
    return nPlusOneThreshold;
  }

  /**
   * @throws IllegalArgumentException for a negative count (the binder names the property)
   */
  public void setNPlusOneThreshold(Integer nPlusOneThreshold) {
    if (nPlusOneThreshold != null && nPlusOneThreshold < 0) {
      throw new IllegalArgumentException(
          "Bad value " + nPlusOneThreshold + ": it takes 0 (off) or more executions");
    }
    this.nPlusOneThreshold = nPlusOneThreshold;
  }

  public Boolean getSqlCommenter() {
    return sqlCommenter;
  }

  public void setSqlCommenter(Boolean sqlCommenter) {
    this.sqlCommenter = sqlCommenter;
  }

  public Boolean getCaptureParameters() {
    return captureParameters;
  }

  public void setCaptureParameters(Boolean captureParameters) {
    this.captureParameters = captureParameters;
  }

  public Boolean getTraceConnectionAcquisition() {
    return traceConnectionAcquisition;
  }

  public void setTraceConnectionAcquisition(Boolean traceConnectionAcquisition) {
    this.traceConnectionAcquisition = traceConnectionAcquisition;
  }

  public List<String> getExcludedDataSources() {
    return excludedDataSources;
  }

  public void setExcludedDataSources(List<String> excludedDataSources) {
    this.excludedDataSources = excludedDataSources;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  /** {@code tracejdbc.metrics.*}. */
  public static class Metrics {
    /**
     * Whether the duration of each call is recorded as db.client.operation.duration, and each N+1
     * query counted as tracejdbc.n_plus_one, in the application's MeterRegistry.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
