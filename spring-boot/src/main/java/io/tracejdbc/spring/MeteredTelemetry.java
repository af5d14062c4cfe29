package io.tracejdbc.spring;

import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import io.tracejdbc.opentelemetry.ConventionsAccess;
import java.util.Map;

/**
 * Spans of another backend, each call's duration in {@link OperationDurations} and each N+1 in
 * {@link NPlusOneCounts}: one measurement per call and one count per N+1, whatever the backend
 * (whose own metrics, if it has any, are off).
 *
 * @param <S> the span type of the backend
 */
final class MeteredTelemetry<S> implements Telemetry<MeteredTelemetry.Call<S>> {
  private final Telemetry<S> spans;
  private final OperationDurations durations;
  private final NPlusOneCounts nPlusOnes;

  MeteredTelemetry(Telemetry<S> spans, OperationDurations durations, NPlusOneCounts nPlusOnes) {
    this.spans = spans;
    this.durations = durations;
    this.nPlusOnes = nPlusOnes;
  }

  /**
   * One call: its span, and what its duration is recorded under (no database: a connection's
   * acquisition, which is not measured).
   */
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
  public Object parentOf(Object marked) {
    return spans.parentOf(marked);
  }

  @Override
  public void nPlusOneExecution(Call<S> call, int count) {
    spans.nPlusOneExecution(call.span, count);
  }

  /** Counts the N+1, then lets the backend add its event to the parent. */
  @Override
  public String nPlusOne(
      Object parent,
      DbInfo db,
      String operation,
      String summary,
      String sanitizedSql,
      int threshold) {
    nPlusOnes.count(summary != null ? summary : ConventionsAccess.fallbackName(db));
    return spans.nPlusOne(parent, db, operation, summary, sanitizedSql, threshold);
  }

  @Override
  public Map<String, String> propagation(Call<S> call) {
    return spans.propagation(call.span);
  }

  @Override
  public Map<String, String> currentPropagation(Object parent) {
    return spans.currentPropagation(parent);
  }

  @Override
  public void parameter(Call<S> call, String key, String value) {
    spans.parameter(call.span, key, value);
  }

  @Override
  public Call<S> startAcquisition(String name) {
    S span = spans.startAcquisition(name);
    return span == null ? null : new Call<>(span, null, null, null, null);
  }

  @Override
  public void rowsAffected(Call<S> call, long rows) {
    spans.rowsAffected(call.span, rows);
  }

  @Override
  public void failed(Call<S> call, Throwable error, boolean raw) {
    if (call.database != null) {
      call.statusCode = ConventionsAccess.statusCode(error, call.database.systemName);
      call.errorType = ConventionsAccess.errorType(error, call.statusCode);
    }
    spans.failed(call.span, error, raw);
  }

  /** Ends the span, and records the duration even when the backend fails to end it. */
  @Override
  public void finish(Call<S> call, boolean slow) {
    long nanos = System.nanoTime() - call.startedNanos;
    try {
      spans.finish(call.span, slow);
    } finally {
      if (call.database != null) record(call, nanos);
    }
  }

  private void record(Call<S> call, long nanos) {
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

  @Override
  public String toString() {
    return spans + ", " + durations + ", " + nPlusOnes;
  }
}
