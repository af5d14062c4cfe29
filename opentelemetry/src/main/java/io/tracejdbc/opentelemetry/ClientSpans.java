package io.tracejdbc.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.tracejdbc.driver.internal.ErrorMessages;
import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The driver's calls as OpenTelemetry {@code CLIENT} spans with the attributes of the stable
 * database conventions, and the conventions' {@code db.client.operation.duration}, through the
 * OpenTelemetry API alone.
 *
 * <p>A statement's span is named by its {@code db.query.summary}; one that tracejdbc cannot read
 * has no summary and is named by the conventions' fallback, its {@code {target}} (the namespace,
 * else the server's address), else {@code db.system.name}. {@code db.operation.name} and {@code
 * db.collection.name} are never parsed out of the text, as the SQL conventions ask: only a JDBC
 * call (commit, rollback, savepoints) has an operation name, which is the call, and its summary.
 *
 * <p>The conventions have no attribute for rows written: {@code tracejdbc.rows_affected} holds
 * them, in tracejdbc's own namespace as the conventions ask of attributes they do not define
 * ({@code db.response.returned_rows} counts rows a query returns, which is another figure); so does
 * {@code tracejdbc.slow}, java-jdbc's {@code slow}.
 *
 * <p>Every traced call records one duration, with the span's attributes that the metric conventions
 * allow (never the query text). An OpenTelemetry whose meter provider is a no-op (such as one
 * without an SDK, or one built without it on purpose, when another library records the metric)
 * records none and pays nothing for it.
 */
final class ClientSpans implements Telemetry<ClientSpans.Call> {
  /** The instrumentation scope of the spans and the metric. */
  static final String SCOPE_NAME = "io.tracejdbc";

  static final String DURATION_METRIC = "db.client.operation.duration";

  /** The conventions' advisory bucket boundaries of the duration, in seconds. */
  static final List<Double> DURATION_BUCKETS =
      List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

  static final AttributeKey<String> DB_QUERY_TEXT = stringKey("db.query.text");
  static final AttributeKey<Long> DB_OPERATION_BATCH_SIZE = longKey("db.operation.batch.size");
  static final AttributeKey<String> DB_RESPONSE_STATUS_CODE = stringKey("db.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
  static final AttributeKey<Long> ROWS_AFFECTED = longKey("tracejdbc.rows_affected");
  static final AttributeKey<Boolean> SLOW = booleanKey("tracejdbc.slow");
  static final String DB_QUERY_PARAMETER = "db.query.parameter.";

  private static final TextMapSetter<Map<String, String>> INTO_MAP = Map::put;

  /** Bounds the distinct connection facts kept, against connections to ever new databases. */
  static final int CACHED_DATABASES = 256;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Tracer tracer;
  private final NPlusOnes nPlusOnes;

  /** Null when the meter provider is a no-op: nothing is measured then. */
  private final DoubleHistogram duration;

  private final boolean recordsNothing;

  /** The database of the last call, which the next call most likely has too. */
  private volatile Database lastDatabase;

  private final ConcurrentMap<String, Database> databases = new ConcurrentHashMap<>();

  /**
   * Spans of {@code openTelemetry}'s tracer and durations of its meter, for tracejdbc's scope, at
   * this jar's version.
   */
  ClientSpans(OpenTelemetry openTelemetry) {
    this(openTelemetry, true);
  }

  /**
   * Spans of {@code openTelemetry}, and with {@code measureDurations} false no duration metric: for
   * a backend that records it elsewhere (a Micrometer {@code MeterRegistry}), so that each call is
   * measured once.
   */
  ClientSpans(OpenTelemetry openTelemetry, boolean measureDurations) {
    String version = ClientSpans.class.getPackage().getImplementationVersion();
    TracerProvider tracers = openTelemetry.getTracerProvider();
    tracer =
        version == null
            ? tracers.get(SCOPE_NAME)
            : tracers.tracerBuilder(SCOPE_NAME).setInstrumentationVersion(version).build();
    MeterProvider meters = openTelemetry.getMeterProvider();
    Meter meter =
        version == null
            ? meters.get(SCOPE_NAME)
            : meters.meterBuilder(SCOPE_NAME).setInstrumentationVersion(version).build();
    boolean noMeter = !measureDurations || meter == MeterProvider.noop().get(SCOPE_NAME);
    duration =
        noMeter
            ? null
            : meter
                .histogramBuilder(DURATION_METRIC)
                .setUnit("s")
                .setDescription("Duration of database client operations.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
    nPlusOnes = new NPlusOnes(noMeter ? null : meter); // metrics left to another recorder too
    recordsNothing = noMeter && tracer == TracerProvider.noop().get(SCOPE_NAME);
  }

  /** True for an OpenTelemetry without an SDK: its tracer and meter are both no-ops. */
  @Override
  public boolean recordsNothing() {
    return recordsNothing;
  }

  @Override
  public boolean hasCurrentSpan() {
    return Span.current().getSpanContext().isValid();
  }

  /**
   * A span named by the statement's {@code db.query.summary} (of a batch, {@code BATCH} and the
   * summary its statements share), else by the fallback, under {@code parent} when it is an
   * OpenTelemetry span (a mark of {@link OpenTelemetryTracing#setParentSpan}), else under {@link
   * Context#current()}. A batch of one is a single statement, as the conventions model it; an empty
   * batch is a batch of size 0.
   */
  @Override
  public Call start(
      Object parent,
      DbInfo db,
      String operation,
      String table,
      String summary,
      String storedProcedure,
      String statement,
      int batchSize) {
    long startNanos = duration == null ? 0 : System.nanoTime();
    Database database = database(db);
    boolean batch = isBatch(batchSize);
    String shownSummary = summary(summary, batchSize);
    SpanBuilder span =
        builder(parent, shownSummary != null ? shownSummary : database.fallbackName, database);
    if (shownSummary != null) span.setAttribute(Database.DB_QUERY_SUMMARY, shownSummary);
    if (storedProcedure != null) {
      span.setAttribute(Database.DB_STORED_PROCEDURE_NAME, storedProcedure);
    }
    if (statement != null) span.setAttribute(DB_QUERY_TEXT, statement);
    if (batch) span.setAttribute(DB_OPERATION_BATCH_SIZE, (long) batchSize);
    return new Call(
        span.startSpan(),
        database,
        duration == null ? null : database.statementAttributes(shownSummary, storedProcedure),
        startNanos);
  }

  /**
   * A span named, and summarized, by the call's operation name ({@code COMMIT}, {@code ROLLBACK},
   * {@code SAVEPOINT}, {@code RELEASE SAVEPOINT}), which it has as {@code db.operation.name}.
   */
  @Override
  public Call startCall(Object parent, DbInfo db, String operation) {
    long startNanos = duration == null ? 0 : System.nanoTime();
    Database database = database(db);
    String name = SqlOperation.callName(operation);
    Span span =
        builder(parent, name, database)
            .setAttribute(Database.DB_OPERATION_NAME, name)
            .setAttribute(Database.DB_QUERY_SUMMARY, name)
            .startSpan();
    return new Call(
        span, database, duration == null ? null : database.callAttributes(name), startNanos);
  }

  /**
   * Whether the conventions count a call of {@code batchSize} (as {@link Telemetry#start} takes it)
   * as a batch: none or two and more statements or parameter sets; one is a single statement.
   */
  static boolean isBatch(int batchSize) {
    return batchSize != NOT_A_BATCH && batchSize != 1;
  }

  /**
   * The {@code db.query.summary} of a statement of {@code summary} (the parser's, or null) in a
   * call of {@code batchSize}: a batch's by the batch rule, null when there is none.
   */
  static String summary(String summary, int batchSize) {
    return isBatch(batchSize) ? SqlOperation.batchSummary(summary) : summary;
  }

  private SpanBuilder builder(Object parent, String name, Database database) {
    SpanBuilder span = tracer.spanBuilder(name).setSpanKind(SpanKind.CLIENT);
    if (parent instanceof Span) {
      span.setParent(Context.current().with((Span) parent));
    }
    return span.setAllAttributes(database.attributes);
  }

  /** The database {@code db} describes: the last call's, a known one, or a new one. */
  private Database database(DbInfo db) {
    Database last = lastDatabase;
    if (last != null && last.describes(db)) {
      return last;
    }
    String key = db.system + '\n' + db.namespace + '\n' + db.host + '\n' + db.port;
    Database known = databases.get(key);
    if (known == null) {
      known = new Database(db);
      if (databases.size() < CACHED_DATABASES) {
        databases.putIfAbsent(key, known);
      }
    }
    lastDatabase = known;
    return known;
  }

  /** The marked OpenTelemetry span, else {@link Span#current()}; none when not valid. */
  @Override
  public Object parentOf(Object marked) {
    return NPlusOnes.parentOf(marked);
  }

  @Override
  public void nPlusOneExecution(Call call, int count) {
    NPlusOnes.flag(call.span, count);
  }

  /**
   * Counts the N+1 in {@code tracejdbc.n_plus_one} and adds an event {@code tracejdbc.n_plus_one}
   * with {@code db.query.summary} (the flagged spans' name) and {@code
   * tracejdbc.n_plus_one.threshold} to {@code parent} while it records.
   */
  @Override
  public String nPlusOne(
      Object parent,
      DbInfo db,
      String operation,
      String summary,
      String sanitizedSql,
      int threshold) {
    return nPlusOnes.found(
        parent, summary != null ? summary : database(db).fallbackName, threshold);
  }

  @Override
  public void rowsAffected(Call call, long rows) {
    call.span.setAttribute(ROWS_AFFECTED, rows);
  }

  /**
   * Status {@code ERROR} described by the message, {@code error.type} and {@code
   * db.response.status_code} (see {@link Failures#statusCode}), on the span and the measurement,
   * and an {@code exception} event. Unless statements are shown raw, the description and the
   * event's {@code exception.message} are the redacted message and the event's stack trace has no
   * messages.
   */
  @Override
  public void failed(Call call, Throwable error, boolean raw) {
    Span span = call.span;
    String message = error.getMessage();
    String shown = message == null || raw ? message : ErrorMessages.redact(message);
    if (shown == null) {
      span.setStatus(StatusCode.ERROR);
    } else {
      span.setStatus(StatusCode.ERROR, shown);
    }
    String statusCode =
        call.database == null ? null : Failures.statusCode(error, call.database.systemName);
    String errorType = Failures.errorType(error, statusCode);
    if (statusCode != null) {
      span.setAttribute(DB_RESPONSE_STATUS_CODE, statusCode);
    }
    span.setAttribute(ERROR_TYPE, errorType);
    if (call.measured != null) {
      call.measured =
          statusCode == null
              ? call.measured.toBuilder().put(ERROR_TYPE, errorType).build()
              : call.measured.toBuilder()
                  .put(ERROR_TYPE, errorType)
                  .put(DB_RESPONSE_STATUS_CODE, statusCode)
                  .build();
    }
    if (raw) {
      span.recordException(error);
    } else if (span.isRecording()) {
      span.addEvent(Failures.EXCEPTION_EVENT, Failures.withoutData(error, shown));
    }
  }

  /**
   * Ends the call's span and records its duration, measured from just before the span started to
   * just before it ended.
   */
  @Override
  public void finish(Call call, boolean slow) {
    if (slow) {
      call.span.setAttribute(SLOW, true);
    }
    long endNanos = call.measured == null ? 0 : System.nanoTime();
    call.span.end();
    if (call.measured != null) {
      duration.record((double) (endNanos - call.startNanos) / NANOS_PER_SECOND, call.measured);
    }
  }

  /**
   * The W3C trace context of the call's span ({@code traceparent}, and {@code tracestate} when it
   * has one), whatever propagators the application configured: the sqlcommenter format names these.
   */
  @Override
  public Map<String, String> propagation(Call call) {
    return inject(Context.root().with(call.span));
  }

  @Override
  public Map<String, String> currentPropagation(Object parent) {
    Context current = Context.current();
    return inject(parent instanceof Span ? current.with((Span) parent) : current);
  }

  private static Map<String, String> inject(Context context) {
    Map<String, String> carrier = new LinkedHashMap<>(4);
    W3CTraceContextPropagator.getInstance().inject(context, carrier, INTO_MAP);
    return carrier;
  }

  /** The attribute {@code db.query.parameter.<key>} of the conventions (Opt-In). */
  @Override
  public void parameter(Call call, String key, String value) {
    call.span.setAttribute(DB_QUERY_PARAMETER + key, value);
  }

  /**
   * An {@code INTERNAL} span named {@code name}, under {@link Context#current()}: not a database
   * call, so it has no database and records no duration.
   */
  @Override
  public Call startAcquisition(String name) {
    Span span = tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL).startSpan();
    return new Call(span, null, null, 0);
  }

  @Override
  public String toString() {
    return "OpenTelemetry " + tracer;
  }

  /** One traced call: its span, and what its measurement needs. */
  static final class Call {
    final Span span;
    final Database database;
    final long startNanos;

    /**
     * The duration's attributes, with the error's once it failed; null when nothing is measured.
     */
    Attributes measured;

    Call(Span span, Database database, Attributes measured, long startNanos) {
      this.span = span;
      this.database = database;
      this.measured = measured;
      this.startNanos = startNanos;
    }
  }
}
