package io.tracejdbc.spring;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.tracejdbc.driver.internal.ErrorMessages;
import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import io.tracejdbc.opentelemetry.ConventionsAccess;
import java.util.Map;

/**
 * The driver's spans through Micrometer Tracing's API (its Brave bridge, in practice: with its
 * OpenTelemetry bridge the application has an {@code OpenTelemetry} bean, which the native backend
 * uses): {@code CLIENT} spans with the names and attributes of the native OpenTelemetry backend.
 *
 * <p>A failed call's span has the conventions' {@code error.type} and {@code
 * db.response.status_code}, and an {@code error} tag (Brave's and Zipkin's mark of a failed span)
 * holding the redacted message; with {@code statementText=raw}, the exception itself, whose message
 * Brave puts there.
 */
final class MicrometerSpans implements Telemetry<MicrometerSpans.Call> {
  static final String ERROR = "error";
  static final String N_PLUS_ONE = "tracejdbc.n_plus_one";
  static final String N_PLUS_ONE_COUNT = "tracejdbc.n_plus_one.count";

  private final Tracer tracer;

  MicrometerSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  /** One call: its span, and the system its failure's status code is read for. */
  record Call(Span span, String systemName) {}

  /** False: the no-op tracer is never picked. */
  @Override
  public boolean recordsNothing() {
    return false;
  }

  @Override
  public boolean hasCurrentSpan() {
    return tracer.currentSpan() != null;
  }

  /**
   * Named by the statement's {@code db.query.summary} (of a batch, {@code BATCH} and the summary
   * its statements share), else by the conventions' fallback; under {@code parent} when it is a
   * Micrometer span, else under the current span, if any.
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
    DatabaseTags database = DatabaseTags.of(db);
    boolean batch = batchSize != NOT_A_BATCH && batchSize != 1;
    String shownSummary = batch ? ConventionsAccess.batchSummary(summary) : summary;
    Span.Builder span =
        builder(parent, shownSummary != null ? shownSummary : database.fallbackName, database);
    if (shownSummary != null) span.tag(Conventions.DB_QUERY_SUMMARY, shownSummary);
    if (storedProcedure != null) span.tag(Conventions.DB_STORED_PROCEDURE_NAME, storedProcedure);
    if (statement != null) span.tag(Conventions.DB_QUERY_TEXT, statement);
    if (batch) span.tag(Conventions.DB_OPERATION_BATCH_SIZE, Integer.toString(batchSize));
    return new Call(span.start(), database.systemName);
  }

  /** Named, and summarized, by the call's operation name: {@code COMMIT}, {@code ROLLBACK}, ... */
  @Override
  public Call startCall(Object parent, DbInfo db, String operation) {
    DatabaseTags database = DatabaseTags.of(db);
    String name = ConventionsAccess.callName(operation);
    Span span =
        builder(parent, name, database)
            .tag(Conventions.DB_OPERATION_NAME, name)
            .tag(Conventions.DB_QUERY_SUMMARY, name)
            .start();
    return new Call(span, database.systemName);
  }

  private Span.Builder builder(Object parent, String name, DatabaseTags database) {
    Span.Builder span = tracer.spanBuilder().name(name).kind(Span.Kind.CLIENT);
    TraceContext parentContext =
        parent instanceof Span marked ? marked.context() : tracer.currentTraceContext().context();
    if (parentContext != null) {
      span.setParent(parentContext);
    }
    span.remoteServiceName(database.systemName);
    span.tag(Conventions.DB_SYSTEM_NAME, database.systemName);
    if (database.namespace != null) span.tag(Conventions.DB_NAMESPACE, database.namespace);
    if (database.host != null) span.tag(Conventions.SERVER_ADDRESS, database.host);
    if (database.port != null) span.tag(Conventions.SERVER_PORT, database.port);
    return span;
  }

  /** The marked Micrometer span, else the current one; none when there is neither. */
  @Override
  public Object parentOf(Object marked) {
    return marked instanceof Span span ? span : tracer.currentSpan();
  }

  @Override
  public void nPlusOneExecution(Call call, int count) {
    call.span().tag(N_PLUS_ONE, "true").tag(N_PLUS_ONE_COUNT, Integer.toString(count));
  }

  /**
   * Adds the event {@code tracejdbc.n_plus_one} to {@code parent} (Micrometer's events have a name
   * only: the flagged spans carry the summary); the counter is {@link MeteredTelemetry}'s.
   */
  @Override
  public String nPlusOne(
      Object parent,
      DbInfo db,
      String operation,
      String summary,
      String sanitizedSql,
      int threshold) {
    if (!(parent instanceof Span span)) {
      return null;
    }
    if (!span.isNoop()) {
      span.event(N_PLUS_ONE);
    }
    TraceContext context = span.context();
    return "span " + context.spanId() + " of trace " + context.traceId();
  }

  /**
   * The W3C {@code traceparent} of the call's span, which the sqlcommenter format names, whatever
   * headers the tracer propagates (Brave's are B3); a 64-bit trace id is padded to 128 bits.
   */
  @Override
  public Map<String, String> propagation(Call call) {
    return traceparent(call.span().context());
  }

  @Override
  public Map<String, String> currentPropagation(Object parent) {
    return traceparent(
        parent instanceof Span marked ? marked.context() : tracer.currentTraceContext().context());
  }

  static Map<String, String> traceparent(TraceContext context) {
    if (context == null) {
      return Map.of();
    }
    String traceId = context.traceId();
    return Map.of(
        "traceparent",
        "00-"
            + "0".repeat(Math.max(0, 32 - traceId.length()))
            + traceId
            + "-"
            + context.spanId()
            + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00"));
  }

  /** The tag {@code db.query.parameter.<key>} of the conventions (Opt-In). */
  @Override
  public void parameter(Call call, String key, String value) {
    call.span().tag(Conventions.DB_QUERY_PARAMETER + key, value);
  }

  /** A local span named {@code name} under the current span: not a database call. */
  @Override
  public Call startAcquisition(String name) {
    return new Call(tracer.nextSpan().name(name).start(), null);
  }

  @Override
  public void rowsAffected(Call call, long rows) {
    call.span().tag(Conventions.ROWS_AFFECTED, Long.toString(rows));
  }

  @Override
  public void failed(Call call, Throwable error, boolean raw) {
    Span span = call.span();
    String statusCode =
        call.systemName() == null ? null : ConventionsAccess.statusCode(error, call.systemName());
    if (statusCode != null) {
      span.tag(Conventions.DB_RESPONSE_STATUS_CODE, statusCode);
    }
    span.tag(Conventions.ERROR_TYPE, ConventionsAccess.errorType(error, statusCode));
    if (raw) {
      span.error(error);
    } else {
      String message = error.getMessage();
      span.tag(ERROR, message != null ? ErrorMessages.redact(message) : error.getClass().getName());
    }
  }

  @Override
  public void finish(Call call, boolean slow) {
    if (slow) {
      call.span().tag(Conventions.SLOW, "true");
    }
    call.span().end();
  }

  @Override
  public String toString() {
    return "Micrometer Tracing " + tracer;
  }
}
