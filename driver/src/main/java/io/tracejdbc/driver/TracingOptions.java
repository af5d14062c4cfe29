package io.tracejdbc.driver;

import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What tracejdbc traces and how. Immutable; build one with {@link #builder()} and pass it to {@link
 * TracingDriver#init(io.opentracing.Tracer, TracingOptions)}, or set the same options as parameters
 * of a {@code jdbc:tracing:} URL or give them to a {@link TracingDataSource}, where those they set
 * win over the global ones (the others stay global):
 *
 * <pre>{@code
 * TracingDriver.init(tracer, TracingOptions.builder()
 *     .traceWithActiveSpanOnly(true)
 *     .ignoreForTracing("SELECT 1")
 *     .slowQueryThresholdMs(200)
 *     .build());
 *
 * // the same, for one connection:
 * // jdbc:tracing:postgresql://db/app?traceWithActiveSpanOnly=true&ignoreForTracing="SELECT 1"&slowQueryThresholdMs=200
 * }</pre>
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>traceAllConnections</td><td>true</td><td>trace every connection, not only the
 *       {@linkplain TracingDriver#register registered} ones</td></tr>
 *   <tr><td>traceAllQueries</td><td>true</td><td>trace every statement, not only the marked
 *       ones</td></tr>
 *   <tr><td>traceWithActiveSpanOnly</td><td>false</td><td>trace only statements that have a
 *       parent span</td></tr>
 *   <tr><td>ignoreForTracing</td><td>none</td><td>an exact statement never to trace;
 *       repeatable; in a URL {@code ignoreForTracing="..."} with {@code \"} for a quote</td></tr>
 *   <tr><td>slowQueryThresholdMs</td><td>0 (off)</td><td>tag {@code slow=true} on executions
 *       that take longer</td></tr>
 *   <tr><td>statementText</td><td>parameterized</td><td>{@code db.statement}: {@code
 *       parameterized} (a prepared or callable statement's text as written, the literals of other
 *       text become {@code ?}), {@code sanitized} (literals become {@code ?} everywhere), {@code
 *       raw} or {@code none}</td></tr>
 *   <tr><td>traceTransactions</td><td>true</td><td>{@code commit}, {@code rollback} and
 *       savepoint spans</td></tr>
 *   <tr><td>sqlCommenter</td><td>false</td><td>the trace context of each statement's span as a
 *       sqlcommenter comment appended to the SQL the database sees (never to the span's
 *       statement)</td></tr>
 *   <tr><td>captureParameters</td><td>false</td><td>the values bound to prepared and callable
 *       statements as {@code db.query.parameter.<index>}: data in spans, on purpose</td></tr>
 *   <tr><td>traceConnectionAcquisition</td><td>false</td><td>a span around a data source's
 *       {@code getConnection}</td></tr>
 *   <tr><td>nPlusOneThreshold</td><td>5</td><td>from this many executions of one statement
 *       shape under one parent span on, each is flagged as an N+1 query; 0 turns it off</td></tr>
 * </table>
 */
public final class TracingOptions {

  /** What the {@code db.statement} tag holds. */
  public enum StatementText {
    /**
     * OpenTelemetry's rule: the parameterized text of a prepared or callable statement (one with a
     * {@code ?} parameter) as written, whitespace collapsed, since its values are parameters, which
     * are never shown; any other text with every literal replaced by {@code ?}.
     */
    PARAMETERIZED,
    /** The statement with every literal replaced by {@code ?}: no data leaves the process. */
    SANITIZED,
    /** The statement as the application wrote it, whitespace collapsed. */
    RAW,
    /** No {@code db.statement} tag. */
    NONE
  }

  static final String TRACE_ALL_CONNECTIONS = "traceAllConnections";
  static final String TRACE_ALL_QUERIES = "traceAllQueries";
  static final String TRACE_WITH_ACTIVE_SPAN_ONLY = "traceWithActiveSpanOnly";
  static final String IGNORE_FOR_TRACING = "ignoreForTracing";
  static final String SLOW_QUERY_THRESHOLD_MS = "slowQueryThresholdMs";
  static final String STATEMENT_TEXT = "statementText";
  static final String TRACE_TRANSACTIONS = "traceTransactions";
  static final String SQL_COMMENTER = "sqlCommenter";
  static final String CAPTURE_PARAMETERS = "captureParameters";
  static final String TRACE_CONNECTION_ACQUISITION = "traceConnectionAcquisition";
  static final String N_PLUS_ONE_THRESHOLD = "nPlusOneThreshold";

  /** The default {@link #nPlusOneThreshold()}. */
  static final int DEFAULT_N_PLUS_ONE_THRESHOLD = 5;

  /**
   * Every option by name, in the order of the table above: how its text form (in a URL or
   * Properties) is read, and how {@link java.sql.Driver#getPropertyInfo} describes it.
   */
  static final Map<String, Option> NAMES =
      byName(
          flag(
              TRACE_ALL_CONNECTIONS,
              "trace every connection, not only registered ones",
              TracingOptions::traceAllConnections,
              Builder::traceAllConnections),
          flag(
              TRACE_ALL_QUERIES,
              "trace every statement, not only marked ones",
              TracingOptions::traceAllQueries,
              Builder::traceAllQueries),
          flag(
              TRACE_WITH_ACTIVE_SPAN_ONLY,
              "trace only statements with a parent span",
              TracingOptions::traceWithActiveSpanOnly,
              Builder::traceWithActiveSpanOnly),
          new Option(
              IGNORE_FOR_TRACING,
              "an exact statement never to trace; repeatable; \"...\" with \\\" escapes",
              TracingOptions::ignoreForTracing,
              Builder::addIgnoredText),
          new Option(
              SLOW_QUERY_THRESHOLD_MS,
              "tag slow=true above this many milliseconds; 0 is off",
              TracingOptions::slowQueryThresholdMs,
              (builder, text) -> builder.slowQueryThresholdMs(parseThreshold(text))),
          new Option(
              STATEMENT_TEXT,
              "what db.statement holds",
              options -> options.statementText.name().toLowerCase(Locale.ROOT),
              (builder, text) -> builder.statementText(parseStatementText(text)),
              "parameterized",
              "sanitized",
              "raw",
              "none"),
          flag(
              TRACE_TRANSACTIONS,
              "trace commit, rollback and savepoints",
              TracingOptions::traceTransactions,
              Builder::traceTransactions),
          flag(
              SQL_COMMENTER,
              "append the span's trace context to the SQL the database sees, as a sqlcommenter"
                  + " comment",
              TracingOptions::sqlCommenter,
              Builder::sqlCommenter),
          flag(
              CAPTURE_PARAMETERS,
              "record the values bound to prepared statements as span attributes (data in spans)",
              TracingOptions::captureParameters,
              Builder::captureParameters),
          flag(
              TRACE_CONNECTION_ACQUISITION,
              "trace a data source's getConnection as a span",
              TracingOptions::traceConnectionAcquisition,
              Builder::traceConnectionAcquisition),
          new Option(
              N_PLUS_ONE_THRESHOLD,
              "flag the executions of one statement under one parent span from this many on as an"
                  + " N+1 query; 0 is off",
              TracingOptions::nPlusOneThreshold,
              (builder, text) -> builder.nPlusOneThreshold(parseNPlusOneThreshold(text))));

  private static final TracingOptions DEFAULTS = new Builder().build();

  private final boolean traceAllConnections;
  private final boolean traceAllQueries;
  private final boolean traceWithActiveSpanOnly;
  private final Set<String> ignoreForTracing;
  private final long slowQueryThresholdMs;
  private final StatementText statementText;
  private final boolean traceTransactions;
  private final boolean sqlCommenter;
  private final boolean captureParameters;
  private final boolean traceConnectionAcquisition;
  private final int nPlusOneThreshold;

  /** The names of the options that were set, rather than left at their defaults. */
  private final Set<String> named;

  private TracingOptions(Builder b) {
    traceAllConnections = b.traceAllConnections;
    traceAllQueries = b.traceAllQueries;
    traceWithActiveSpanOnly = b.traceWithActiveSpanOnly;
    ignoreForTracing = Collections.unmodifiableSet(new LinkedHashSet<>(b.ignoreForTracing));
    slowQueryThresholdMs = b.slowQueryThresholdMs;
    statementText = b.statementText;
    traceTransactions = b.traceTransactions;
    sqlCommenter = b.sqlCommenter;
    captureParameters = b.captureParameters;
    traceConnectionAcquisition = b.traceConnectionAcquisition;
    nPlusOneThreshold = b.nPlusOneThreshold;
    named = Set.copyOf(b.named);
  }

  /**
   * The defaults: trace every statement of every connection, text shown by OpenTelemetry's rule.
   */
  public static TracingOptions defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads options from properties named as in the table above; other keys are ignored.
   *
   * @throws IllegalArgumentException naming the option and the values it takes, for a bad value
   */
  public static TracingOptions fromProperties(Properties properties) {
    Builder builder = builder();
    for (String name : properties.stringPropertyNames()) {
      Option option = NAMES.get(name);
      if (option != null) {
        option.read(builder, properties.getProperty(name));
      }
    }
    return builder.build();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Options in text form ({@code name=value}, in the order given, a name may repeat) as a URL or
   * connect's Properties hold them.
   *
   * @throws IllegalArgumentException naming the option and the values it takes, for a bad value
   */
  static TracingOptions parse(List<Map.Entry<String, String>> options) {
    Builder builder = builder();
    for (Map.Entry<String, String> option : options) {
      NAMES.get(option.getKey()).read(builder, option.getValue());
    }
    return builder.build();
  }

  /** Whether option {@code name} was set, rather than left at its default. */
  boolean sets(String name) {
    return named.contains(name);
  }

  /**
   * These options over {@code base}: what was set here replaces base's value (a set {@code
   * ignoreForTracing} replaces base's statements), the rest is base's.
   */
  TracingOptions over(TracingOptions base) {
    if (named.isEmpty()) {
      return base;
    }
    Builder merged = base.toBuilder();
    if (sets(TRACE_ALL_CONNECTIONS)) merged.traceAllConnections(traceAllConnections);
    if (sets(TRACE_ALL_QUERIES)) merged.traceAllQueries(traceAllQueries);
    if (sets(TRACE_WITH_ACTIVE_SPAN_ONLY)) merged.traceWithActiveSpanOnly(traceWithActiveSpanOnly);
    if (sets(IGNORE_FOR_TRACING)) merged.ignoreForTracing(ignoreForTracing.toArray(new String[0]));
    if (sets(SLOW_QUERY_THRESHOLD_MS)) merged.slowQueryThresholdMs(slowQueryThresholdMs);
    if (sets(STATEMENT_TEXT)) merged.statementText(statementText);
    if (sets(TRACE_TRANSACTIONS)) merged.traceTransactions(traceTransactions);
    if (sets(SQL_COMMENTER)) merged.sqlCommenter(sqlCommenter);
    if (sets(CAPTURE_PARAMETERS)) merged.captureParameters(captureParameters);
    if (sets(TRACE_CONNECTION_ACQUISITION)) {
      merged.traceConnectionAcquisition(traceConnectionAcquisition);
    }
    if (sets(N_PLUS_ONE_THRESHOLD)) merged.nPlusOneThreshold(nPlusOneThreshold);
    return merged.build();
  }

  /** Whether every connection is traced, not only the registered ones. */
  public boolean traceAllConnections() {
    return traceAllConnections;
  }

  /** Whether every statement is traced, not only the marked ones. */
  public boolean traceAllQueries() {
    return traceAllQueries;
  }

  /** Whether only statements with a parent span (a mark or an active span) are traced. */
  public boolean traceWithActiveSpanOnly() {
    return traceWithActiveSpanOnly;
  }

  /** The exact statements that are never traced. */
  public Set<String> ignoreForTracing() {
    return ignoreForTracing;
  }

  /** Executions slower than this get the tag {@code slow=true}; 0 means never. */
  public long slowQueryThresholdMs() {
    return slowQueryThresholdMs;
  }

  /** What the {@code db.statement} tag holds. */
  public StatementText statementText() {
    return statementText;
  }

  /** Whether {@code commit}, {@code rollback} and savepoints are traced. */
  public boolean traceTransactions() {
    return traceTransactions;
  }

  /**
   * Whether each traced statement's SQL carries its span's trace context to the database, as a
   * sqlcommenter comment (holding {@code traceparent='00-...-01'} with OpenTelemetry).
   */
  public boolean sqlCommenter() {
    return sqlCommenter;
  }

  /**
   * Whether the values bound to prepared and callable statements are recorded on their spans, as
   * {@code db.query.parameter.<index>}.
   */
  public boolean captureParameters() {
    return captureParameters;
  }

  /** Whether a data source's {@code getConnection} is a span of its own. */
  public boolean traceConnectionAcquisition() {
    return traceConnectionAcquisition;
  }

  /**
   * From this many executions of one statement shape (the same statement with other values) under
   * one parent span on, each execution is flagged as an N+1 query ({@code tracejdbc.n_plus_one} and
   * {@code tracejdbc.n_plus_one.count} on its span, one {@code tracejdbc.n_plus_one} event on the
   * parent, a warning in the log once per statement); 0 means never.
   */
  public int nPlusOneThreshold() {
    return nPlusOneThreshold;
  }

  @Override
  public String toString() {
    StringJoiner options = new StringJoiner(", ", "TracingOptions{", "}");
    for (Option option : NAMES.values()) {
      options.add(option.name + "=" + option.value.apply(this));
    }
    return options.toString();
  }

  private static Map<String, Option> byName(Option... options) {
    Map<String, Option> byName = new LinkedHashMap<>();
    for (Option option : options) {
      byName.put(option.name, option);
    }
    return Collections.unmodifiableMap(byName);
  }

  private static Option flag(
      String name,
      String description,
      Predicate<TracingOptions> value,
      BiConsumer<Builder, Boolean> setter) {
    return new Option(
        name,
        description,
        value::test,
        (builder, text) -> setter.accept(builder, parseBoolean(name, text)),
        "true",
        "false");
  }

  private static boolean parseBoolean(String option, String value) {
    if ("true".equalsIgnoreCase(value)) return true;
    if ("false".equalsIgnoreCase(value)) return false;
    throw badValue(option, value, "true or false");
  }

  private static long parseThreshold(String value) {
    try {
      long ms = Long.parseLong(value.trim());
      if (ms >= 0) return ms;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw badValue(SLOW_QUERY_THRESHOLD_MS, value, "a whole number of milliseconds, 0 or more");
  }

  private static int parseNPlusOneThreshold(String value) {
    try {
      int executions = Integer.parseInt(value.trim());
      if (executions >= 0) return executions;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw badValue(N_PLUS_ONE_THRESHOLD, value, "a whole number of executions, 0 (off) or more");
  }

  private static StatementText parseStatementText(String value) {
    for (StatementText text : StatementText.values()) {
      if (text.name().equalsIgnoreCase(value)) return text;
    }
    throw badValue(STATEMENT_TEXT, value, "parameterized, sanitized, raw or none");
  }

  private static IllegalArgumentException badValue(String option, String value, String accepted) {
    return new IllegalArgumentException(
        "Bad value '" + value + "' for tracejdbc option " + option + ": it takes " + accepted);
  }

  /** Builds {@link TracingOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean traceAllConnections = true;
    private boolean traceAllQueries = true;
    private boolean traceWithActiveSpanOnly;
    private final Set<String> ignoreForTracing = new LinkedHashSet<>();
    private long slowQueryThresholdMs;
    private StatementText statementText = StatementText.PARAMETERIZED;
    private boolean traceTransactions = true;
    private boolean sqlCommenter;
    private boolean captureParameters;
    private boolean traceConnectionAcquisition;
    private int nPlusOneThreshold = DEFAULT_N_PLUS_ONE_THRESHOLD;
    private final Set<String> named = new HashSet<>();

    private Builder() {}

    private Builder(TracingOptions o) {
      traceAllConnections = o.traceAllConnections;
      traceAllQueries = o.traceAllQueries;
      traceWithActiveSpanOnly = o.traceWithActiveSpanOnly;
      ignoreForTracing.addAll(o.ignoreForTracing);
      slowQueryThresholdMs = o.slowQueryThresholdMs;
      statementText = o.statementText;
      traceTransactions = o.traceTransactions;
      sqlCommenter = o.sqlCommenter;
      captureParameters = o.captureParameters;
      traceConnectionAcquisition = o.traceConnectionAcquisition;
      nPlusOneThreshold = o.nPlusOneThreshold;
      named.addAll(o.named);
    }

    /**
     * Trace every connection (default), or only {@linkplain TracingDriver#register registered}
     * ones.
     */
    public Builder traceAllConnections(boolean value) {
      traceAllConnections = value;
      named.add(TRACE_ALL_CONNECTIONS);
      return this;
    }

    /**
     * Trace every statement (default), or only those marked with {@code setTraced}/{@code
     * setParentSpan}.
     */
    public Builder traceAllQueries(boolean value) {
      traceAllQueries = value;
      named.add(TRACE_ALL_QUERIES);
      return this;
    }

    /** Trace only statements that have a parent span; default false. */
    public Builder traceWithActiveSpanOnly(boolean value) {
      traceWithActiveSpanOnly = value;
      named.add(TRACE_WITH_ACTIVE_SPAN_ONLY);
      return this;
    }

    /** Replaces the statements never to trace; each is matched exactly against the SQL text. */
    public Builder ignoreForTracing(String... statements) {
      ignoreForTracing.clear();
      for (String statement : Arrays.asList(statements)) {
        ignoreForTracing.add(Objects.requireNonNull(statement, "statement"));
      }
      named.add(IGNORE_FOR_TRACING);
      return this;
    }

    /** Tag {@code slow=true} on executions slower than this; 0 (default) turns it off. */
    public Builder slowQueryThresholdMs(long value) {
      if (value < 0) throw badValue(SLOW_QUERY_THRESHOLD_MS, Long.toString(value), "0 or more");
      slowQueryThresholdMs = value;
      named.add(SLOW_QUERY_THRESHOLD_MS);
      return this;
    }

    /** What {@code db.statement} holds; default {@link StatementText#PARAMETERIZED}. */
    public Builder statementText(StatementText value) {
      statementText = Objects.requireNonNull(value, "statementText");
      named.add(STATEMENT_TEXT);
      return this;
    }

    /** Trace commits, rollbacks and savepoints (default true). */
    public Builder traceTransactions(boolean value) {
      traceTransactions = value;
      named.add(TRACE_TRANSACTIONS);
      return this;
    }

    /**
     * Append each traced statement's trace context to the SQL the database sees, as a sqlcommenter
     * comment; default false. Spans show the statement as written, without it.
     */
    public Builder sqlCommenter(boolean value) {
      sqlCommenter = value;
      named.add(SQL_COMMENTER);
      return this;
    }

    /**
     * Record the values bound to prepared and callable statements on their spans; default false.
     * This puts data into spans on purpose.
     */
    public Builder captureParameters(boolean value) {
      captureParameters = value;
      named.add(CAPTURE_PARAMETERS);
      return this;
    }

    /** Trace a data source's {@code getConnection} as a span of its own; default false. */
    public Builder traceConnectionAcquisition(boolean value) {
      traceConnectionAcquisition = value;
      named.add(TRACE_CONNECTION_ACQUISITION);
      return this;
    }

    /**
     * Flag executions of one statement shape under one parent span as an N+1 query from this many
     * on (default 5); 0 turns the detection off.
     */
    public Builder nPlusOneThreshold(int value) {
      if (value < 0) {
        throw badValue(N_PLUS_ONE_THRESHOLD, Integer.toString(value), "0 (off) or more");
      }
      nPlusOneThreshold = value;
      named.add(N_PLUS_ONE_THRESHOLD);
      return this;
    }

    /** The options. */
    public TracingOptions build() {
      return new TracingOptions(this);
    }

    private void addIgnoredText(String statement) {
      ignoreForTracing.add(statement);
      named.add(IGNORE_FOR_TRACING);
    }
  }

  /** One option as a URL or Properties names it. */
  static final class Option {
    final String name;
    private final String description;
    private final Function<TracingOptions, Object> value;
    private final BiConsumer<Builder, String> reader;
    private final String[] choices;

    private Option(
        String name,
        String description,
        Function<TracingOptions, Object> value,
        BiConsumer<Builder, String> reader,
        String... choices) {
      this.name = name;
      this.description = description;
      this.value = value;
      this.reader = reader;
      this.choices = choices;
    }

    /**
     * Sets this option in {@code builder} from its text form.
     *
     * @throws IllegalArgumentException naming the option and the values it takes, for a bad value
     */
    void read(Builder builder, String text) {
      reader.accept(builder, text);
    }

    /** This option as {@code getPropertyInfo} lists it, with its value in {@code options}. */
    DriverPropertyInfo propertyInfo(TracingOptions options) {
      Object current = value.apply(options);
      boolean none = current instanceof Collection && ((Collection<?>) current).isEmpty();
      DriverPropertyInfo property =
          new DriverPropertyInfo(name, none ? "" : String.valueOf(current));
      property.description = description;
      property.required = false;
      property.choices = choices.length == 0 ? null : choices.clone();
      return property;
    }
  }
}
