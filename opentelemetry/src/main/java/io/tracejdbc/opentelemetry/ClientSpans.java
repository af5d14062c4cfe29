package io.tracejdbc.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.tracejdbc.driver.internal.ErrorMessages;
import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The driver's spans as OpenTelemetry {@code CLIENT} spans with the attributes of the stable
 * database conventions, through the OpenTelemetry API alone.
 *
 * <p>The conventions have no attribute for rows written: {@code tracejdbc.rows_affected} holds
 * them, in tracejdbc's own namespace as the conventions ask of attributes they do not define
 * ({@code db.response.returned_rows} counts rows a query returns, which is another figure); so does
 * {@code tracejdbc.slow}, java-jdbc's {@code slow}.
 */
final class ClientSpans implements Telemetry<Span> {
  /** The instrumentation scope of the spans. */
  static final String SCOPE_NAME = "io.tracejdbc";

  static final AttributeKey<String> DB_SYSTEM_NAME = stringKey("db.system.name");
  static final AttributeKey<String> DB_NAMESPACE = stringKey("db.namespace");
  static final AttributeKey<String> DB_OPERATION_NAME = stringKey("db.operation.name");
  static final AttributeKey<String> DB_COLLECTION_NAME = stringKey("db.collection.name");
  static final AttributeKey<String> DB_QUERY_SUMMARY = stringKey("db.query.summary");
  static final AttributeKey<String> DB_QUERY_TEXT = stringKey("db.query.text");
  static final AttributeKey<Long> DB_OPERATION_BATCH_SIZE = longKey("db.operation.batch.size");
  static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
  static final AttributeKey<String> DB_RESPONSE_STATUS_CODE = stringKey("db.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
  static final AttributeKey<Long> ROWS_AFFECTED = longKey("tracejdbc.rows_affected");
  static final AttributeKey<Boolean> SLOW = booleanKey("tracejdbc.slow");
  static final String DB_QUERY_PARAMETER = "db.query.parameter.";

  private static final TextMapSetter<Map<String, String>> INTO_MAP = Map::put;

  private final Tracer tracer;

  /** The last port boxed: a connection's spans share one, so there is no boxing per span. */
  private volatile Long lastPort;

  /** Spans of {@code openTelemetry}'s tracer for tracejdbc's scope, at this jar's version. */
  ClientSpans(OpenTelemetry openTelemetry) {
    TracerBuilder builder = openTelemetry.tracerBuilder(SCOPE_NAME);
    String version = ClientSpans.class.getPackage().getImplementationVersion();
    if (version != null) {
      builder.setInstrumentationVersion(version);
    }
    tracer = builder.build();
  }

  @Override
  public boolean hasCurrentSpan() {
    return Span.current().getSpanContext().isValid();
  }

  /**
   * A span named by its {@code db.query.summary}, under {@code parent} when it is an OpenTelemetry
   * span (a mark of {@link OpenTelemetryTracing#setParentSpan}), else under {@link
   * Context#current()}. A batch of one is a single statement, as the conventions model it.
   */
  @Override
  public Span start(
      Object parent, DbInfo db, String operation, String table, String statement, int batchSize) {
    SqlOperation sql = SqlOperation.of(operation);
    String system = DbSystemNames.of(db.system);
    boolean batch = batchSize > 1;
    String summary = batch ? sql.batchSummary(table) : sql.summary(table, system);
    String operationName = batch ? sql.batchName : sql.name;

    SpanBuilder span = tracer.spanBuilder(summary).setSpanKind(SpanKind.CLIENT);
    if (parent instanceof Span) {
      span.setParent(Context.current().with((Span) parent));
    }
    span.setAttribute(DB_SYSTEM_NAME, system);
    if (db.namespace != null) span.setAttribute(DB_NAMESPACE, db.namespace);
    if (operationName != null) span.setAttribute(DB_OPERATION_NAME, operationName);
    if (table != null) span.setAttribute(DB_COLLECTION_NAME, table);
    span.setAttribute(DB_QUERY_SUMMARY, summary);
    if (statement != null) span.setAttribute(DB_QUERY_TEXT, statement);
    if (db.host != null) span.setAttribute(SERVER_ADDRESS, db.host);
    if (db.port != null) span.setAttribute(SERVER_PORT, boxed(db.port));
    if (batch) span.setAttribute(DB_OPERATION_BATCH_SIZE, (long) batchSize);
    return span.startSpan();
  }

  @Override
  public void rowsAffected(Span span, long rows) {
    span.setAttribute(ROWS_AFFECTED, rows);
  }

  /**
   * Status {@code ERROR} described by the message, {@code error.type} and {@code
   * db.response.status_code} (see {@link Failures#statusCode}), and an {@code exception} event.
   * Unless statements are shown raw, the description and the event's {@code exception.message} are
   * the redacted message and the event's stack trace has no messages.
   */
  @Override
  public void failed(Span span, Throwable error, boolean raw) {
    String message = error.getMessage();
    String shown = message == null || raw ? message : ErrorMessages.redact(message);
    if (shown == null) {
      span.setStatus(StatusCode.ERROR);
    } else {
      span.setStatus(StatusCode.ERROR, shown);
    }
    String statusCode = Failures.statusCode(error);
    if (statusCode != null) {
      span.setAttribute(DB_RESPONSE_STATUS_CODE, statusCode);
    }
    span.setAttribute(ERROR_TYPE, statusCode != null ? statusCode : error.getClass().getName());
    if (raw) {
      span.recordException(error);
    } else if (span.isRecording()) {
      span.addEvent(Failures.EXCEPTION_EVENT, Failures.withoutData(error, shown));
    }
  }

  @Override
  public void finish(Span span, boolean slow) {
    if (slow) {
      span.setAttribute(SLOW, true);
    }
    span.end();
  }

  /**
   * The W3C trace context of {@code span} ({@code traceparent}, and {@code tracestate} when it has
   * one), whatever propagators the application configured: the sqlcommenter format names these.
   */
  @Override
  public Map<String, String> propagation(Span span) {
    return inject(Context.root().with(span));
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
  public void parameter(Span span, String key, String value) {
    span.setAttribute(DB_QUERY_PARAMETER + key, value);
  }

  /** An {@code INTERNAL} span named {@code name}, under {@link Context#current()}. */
  @Override
  public Span startAcquisition(String name) {
    return tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL).startSpan();
  }

  private Long boxed(int port) {
    Long last = lastPort;
    if (last == null || last != port) {
      last = (long) port;
      lastPort = last;
    }
    return last;
  }

  @Override
  public String toString() {
    return "OpenTelemetry " + tracer;
  }
}
