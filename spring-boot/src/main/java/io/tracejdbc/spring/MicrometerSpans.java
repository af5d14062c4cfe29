package io.tracejdbc.spring;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.tracejdbc.driver.internal.ErrorMessages;
import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import io.tracejdbc.opentelemetry.ConventionsAccess;

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
final class MicrometerSpans implements Telemetry<Span> {
  static final String ERROR = "error";

  private final Tracer tracer;

  MicrometerSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public boolean hasCurrentSpan() {
    return tracer.currentSpan() != null;
  }

  /** Under {@code parent} when it is a Micrometer span, else under the current span, if any. */
  @Override
  public Span start(
      Object parent, DbInfo db, String operation, String table, String statement, int batchSize) {
    String system = ConventionsAccess.systemName(db.system);
    String operationName = ConventionsAccess.operationName(operation, batchSize);
    String summary = ConventionsAccess.summary(operation, table, system, batchSize);

    Span.Builder span = tracer.spanBuilder().name(summary).kind(Span.Kind.CLIENT);
    TraceContext parentContext =
        parent instanceof Span marked ? marked.context() : tracer.currentTraceContext().context();
    if (parentContext != null) {
      span.setParent(parentContext);
    }
    span.remoteServiceName(system);
    span.tag(Conventions.DB_SYSTEM_NAME, system);
    if (db.instance != null) span.tag(Conventions.DB_NAMESPACE, db.instance);
    if (operationName != null) span.tag(Conventions.DB_OPERATION_NAME, operationName);
    if (table != null) span.tag(Conventions.DB_COLLECTION_NAME, table);
    span.tag(Conventions.DB_QUERY_SUMMARY, summary);
    if (statement != null) span.tag(Conventions.DB_QUERY_TEXT, statement);
    if (db.host != null) span.tag(Conventions.SERVER_ADDRESS, db.host);
    if (db.port != null) span.tag(Conventions.SERVER_PORT, db.port.toString());
    if (batchSize > 1) span.tag(Conventions.DB_OPERATION_BATCH_SIZE, Integer.toString(batchSize));
    return span.start();
  }

  @Override
  public void rowsAffected(Span span, long rows) {
    span.tag(Conventions.ROWS_AFFECTED, Long.toString(rows));
  }

  @Override
  public void failed(Span span, Throwable error, boolean raw) {
    String statusCode = ConventionsAccess.statusCode(error);
    if (statusCode != null) {
      span.tag(Conventions.DB_RESPONSE_STATUS_CODE, statusCode);
    }
    span.tag(Conventions.ERROR_TYPE, statusCode != null ? statusCode : error.getClass().getName());
    if (raw) {
      span.error(error);
    } else {
      String message = error.getMessage();
      span.tag(ERROR, message != null ? ErrorMessages.redact(message) : error.getClass().getName());
    }
  }

  @Override
  public void finish(Span span, boolean slow) {
    if (slow) {
      span.tag(Conventions.SLOW, "true");
    }
    span.end();
  }

  @Override
  public String toString() {
    return "Micrometer Tracing " + tracer;
  }
}
