package io.tracejdbc.spring;

import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import io.tracejdbc.opentelemetry.ConventionsAccess;

/**
 * Spans of another backend, and each call's duration in {@link OperationDurations}: one measurement
 * per call, whatever the backend (whose own metric, if it has one, is off).
 *
 * @param <S> the span type of the backend
 */
final class MeteredTelemetry<S> implements Telemetry<MeteredTelemetry.Call<S>> {
  private final Telemetry<S> spans;
  private final OperationDurations durations;

  MeteredTelemetry(Telemetry<S> spans, OperationDurations durations) {
    this.spans = spans;
    this.durations = durations;
  }

  /** One call: its span, and what its duration is recorded under. */
  static final class Call<S> {
    final S span;
    final long startedNanos = System.nanoTime();
    final DatabaseTags database;
    final String summary;
    final String storedProcedure;
    final String operationName;
    String errorType;
    String statusCode;

    Call(
        S span,
        DatabaseTags database,
        String summary,
        String storedProcedure,
        String operationName) {
      this.span = span;
      this.database = database;
      this.summary = summary;
      this.storedProcedure = storedProcedure;
      this.operationName = operationName;
    }
  }

  /** False: every call is measured, even when its backend records no span. */
  @Override
  public boolean recordsNothing() {
    return false;
  }

  @Override
  public boolean hasCurrentSpan() {
    return spans.hasCurrentSpan();
  }

  @Override
  public Call<S> start(
      Object parent,
      DbInfo db,
      String operation,
      String table,
      String summary,
      String storedProcedure,
      String statement,
      int batchSize) {
    S span =
        spans.start(parent, db, operation, table, summary, storedProcedure, statement, batchSize);
    if (span == null) {
      return null;
    }
    boolean batch = batchSize != NOT_A_BATCH && batchSize != 1;
    return new Call<>(
        span,
        DatabaseTags.of(db),
        batch ? ConventionsAccess.batchSummary(summary) : summary,
        storedProcedure,
        null);
  }

  @Override
  public Call<S> startCall(Object parent, DbInfo db, String operation) {
    S span = spans.startCall(parent, db, operation);
    if (span == null) {
      return null;
    }
    String name = ConventionsAccess.callName(operation);
    return new Call<>(span, DatabaseTags.of(db), name, null, name);
  }

  @Override
  public void rowsAffected(Call<S> call, long rows) {
    spans.rowsAffected(call.span, rows);
  }

  @Override
  public void failed(Call<S> call, Throwable error, boolean raw) {
    call.statusCode = ConventionsAccess.statusCode(error, call.database.systemName);
    call.errorType = ConventionsAccess.errorType(error, call.statusCode);
    spans.failed(call.span, error, raw);
  }

  /** Ends the span, and records the duration even when the backend fails to end it. */
  @Override
  public void finish(Call<S> call, boolean slow) {
    long nanos = System.nanoTime() - call.startedNanos;
    try {
      spans.finish(call.span, slow);
    } finally {
      durations.record(
          new OperationDurations.Shape(
              call.database,
              call.summary,
              call.storedProcedure,
              call.operationName,
              call.errorType,
              call.statusCode),
          nanos);
    }
  }

  @Override
  public String toString() {
    return spans + ", " + durations;
  }
}
