package io.tracejdbc.driver.internal.opentracing;

import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.log.Fields;
import io.opentracing.noop.NoopSpan;
import io.opentracing.noop.NoopTracer;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import io.opentracing.tag.Tags;
import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.internal.ErrorMessages;
import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spans through an OpenTracing {@link Tracer}, with the tags of OpenTracing's conventions (and
 * java-jdbc's {@code slow}): the driver's own telemetry.
 *
 * <p>Internal, not API: public only for the driver's own package, and free to change.
 */
public final class OpenTracingTelemetry implements Telemetry<Span> {
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
  static final String DB_QUERY_PARAMETER = "db.query.parameter.";
  static final String N_PLUS_ONE = "tracejdbc.n_plus_one";
  static final String N_PLUS_ONE_COUNT = "tracejdbc.n_plus_one.count";
  static final String N_PLUS_ONE_THRESHOLD = "tracejdbc.n_plus_one.threshold";

  private final Tracer tracer;
  private final boolean globalTracer;
  private final boolean noopTracer;

  /** Spans of {@code tracer}. */
  public OpenTracingTelemetry(Tracer tracer) {
    this.tracer = tracer;
    this.globalTracer = tracer instanceof GlobalTracer;
    this.noopTracer = tracer instanceof NoopTracer;
  }

  /**
   * Spans of the tracer an application that never called {@code TracingDriver.init} has: {@code
   * GlobalTracer}'s, else one that TracerResolver finds, else the no-op tracer (said once in the
   * log).
   */
  public static OpenTracingTelemetry byDefault() {
    return new OpenTracingTelemetry(DefaultTracer.resolve());
  }

  /**
   * True for OpenTracing's no-op tracer, and for {@link GlobalTracer} while nothing is registered
   * there (it may be later, so this is asked each time).
   */
  @Override
  public boolean recordsNothing() {
    return globalTracer ? !GlobalTracer.isRegistered() : noopTracer;
  }

  @Override
  public boolean hasCurrentSpan() {
    return tracer.activeSpan() != null;
  }

  /**
   * A span named by tracejdbc's operation name, tagged with it, the table and the statement; a
   * batch, even of one or none, has {@code db.batch.size}. The summary and the stored procedure
   * have no OpenTracing tag.
   */
  @Override
  public Span start(
      Object parent,
      DbInfo db,
      String operation,
      String table,
      String summary,
      String storedProcedure,
      String statement,
      int batchSize) {
    Tracer.SpanBuilder span = builder(parent, db, operation);
    if (statement != null) span.withTag(Tags.DB_STATEMENT.getKey(), statement);
    if (table != null) span.withTag(DB_SQL_TABLE, table);
    if (batchSize != NOT_A_BATCH) span.withTag(DB_BATCH_SIZE, batchSize);
    return span.start();
  }

  @Override
  public Span startCall(Object parent, DbInfo db, String operation) {
    return builder(parent, db, operation).start();
  }

  private Tracer.SpanBuilder builder(Object parent, DbInfo db, String operation) {
    Tracer.SpanBuilder span = tracer.buildSpan(operation);
    if (parent instanceof Span) {
      span.asChildOf((Span) parent);
    }
    span.withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_CLIENT)
        .withTag(Tags.COMPONENT.getKey(), COMPONENT)
        .withTag(Tags.DB_TYPE.getKey(), "sql")
        .withTag(DB_SYSTEM, db.system)
        .withTag(DB_OPERATION, operation);
    if (db.instance != null) span.withTag(Tags.DB_INSTANCE.getKey(), db.instance);
    if (db.user != null) span.withTag(Tags.DB_USER.getKey(), db.user);
    if (db.host != null) span.withTag(Tags.PEER_HOSTNAME.getKey(), db.host);
    if (db.port != null) span.withTag(Tags.PEER_PORT.getKey(), db.port);
    if (db.peerAddress != null) span.withTag(PEER_ADDRESS, db.peerAddress);
    return span;
  }

  /**
   * The marked span, else the tracer's active span; none for a no-op tracer's placeholder (which
   * every statement would share).
   */
  @Override
  public Object parentOf(Object marked) {
    if (marked instanceof Span) {
      return marked;
    }
    Span active = tracer.activeSpan();
    return active instanceof NoopSpan ? null : active;
  }

  @Override
  public void nPlusOneExecution(Span span, int count) {
    span.setTag(N_PLUS_ONE, true);
    span.setTag(N_PLUS_ONE_COUNT, count);
  }

  /**
   * Logs {@code {event: tracejdbc.n_plus_one, db.operation, db.statement, threshold}} on the
   * parent. OpenTracing cannot tell whether a span has finished: the parent is one that a statement
   * ran under a moment ago (its mark or the active span), and a tracer that refuses a log on a span
   * that finished meanwhile (MockTracer throws) costs the event only.
   */
  @Override
  public String nPlusOne(
      Object parent,
      DbInfo db,
      String operation,
      String summary,
      String sanitizedSql,
      int threshold) {
    if (!(parent instanceof Span)) {
      return null;
    }
    Span span = (Span) parent;
    Map<String, Object> event = new HashMap<>(8);
    event.put(Fields.EVENT, N_PLUS_ONE);
    event.put(DB_OPERATION, operation);
    if (sanitizedSql != null) event.put(Tags.DB_STATEMENT.getKey(), sanitizedSql);
    event.put(N_PLUS_ONE_THRESHOLD, threshold);
    try {
      span.log(event);
    } catch (RuntimeException finished) {
      // the parent finished: it gets nothing
    }
    SpanContext context = span.context();
    return "span " + context.toSpanId() + " of trace " + context.toTraceId();
  }

  @Override
  public void rowsAffected(Span span, long rows) {
    span.setTag(DB_ROWS_AFFECTED, rows);
  }

  /**
   * Tags {@code error} and logs it. Unless statements are shown raw, the logged {@code message} is
   * redacted and {@code error.object} (whose {@code toString()} is the raw message) is left out.
   */
  @Override
  public void failed(Span span, Throwable error, boolean raw) {
    Tags.ERROR.set(span, Boolean.TRUE);
    if (error instanceof SQLException) {
      SQLException sqlError = (SQLException) error;
      if (sqlError.getSQLState() != null) span.setTag(DB_SQL_STATE, sqlError.getSQLState());
      span.setTag(DB_ERROR_CODE, sqlError.getErrorCode());
    }
    Map<String, Object> log = new HashMap<>(8);
    log.put(Fields.EVENT, Tags.ERROR.getKey());
    log.put(Fields.ERROR_KIND, error.getClass().getName());
    if (raw) log.put(Fields.ERROR_OBJECT, error);
    String message = error.getMessage();
    if (message != null) log.put(Fields.MESSAGE, raw ? message : ErrorMessages.redact(message));
    span.log(log);
  }

  @Override
  public void finish(Span span, boolean slow) {
    if (slow) {
      span.setTag(SLOW, true);
    }
    span.finish();
  }

  /** What the tracer's {@code inject} writes into a text map for the span's context. */
  @Override
  public Map<String, String> propagation(Span span) {
    return inject(span.context());
  }

  @Override
  public Map<String, String> currentPropagation(Object parent) {
    Span span = parent instanceof Span ? (Span) parent : tracer.activeSpan();
    return span == null ? Map.of() : inject(span.context());
  }

  private Map<String, String> inject(SpanContext context) {
    Map<String, String> carrier = new LinkedHashMap<>();
    tracer.inject(context, Format.Builtin.TEXT_MAP, new TextMapAdapter(carrier));
    return carrier;
  }

  /** The tag {@code db.query.parameter.<key>}, the name of OpenTelemetry's attribute. */
  @Override
  public void parameter(Span span, String key, String value) {
    span.setTag(DB_QUERY_PARAMETER + key, value);
  }

  /** A span named {@code name} under the active span, tagged with the component only. */
  @Override
  public Span startAcquisition(String name) {
    return tracer.buildSpan(name).withTag(Tags.COMPONENT.getKey(), COMPONENT).start();
  }

  @Override
  public String toString() {
    return "OpenTracing " + tracer;
  }
}
