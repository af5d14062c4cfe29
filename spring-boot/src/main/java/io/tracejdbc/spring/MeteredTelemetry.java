package io.tracejdbc.spring;

import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import io.tracejdbc.opentelemetry.ConventionsAccess;

/**
 * Spans of another backend, and each call's duration in {@link OperationDurations}: one measurement
 * per call, whatever the backend.
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

  /** One call: its span and what its duration is recorded under. */
  static final class Call<S> {
    final S span;
    final long startedNanos;
    final DbInfo db;
    final String operation;
    final String table;
    final int batchSize;
    String errorType;

    Call(S span, DbInfo db, String operation, String table, int batchSize) {
      this.span = span;
      this.db = db;
      this.operation = operation;
      this.table = table;
      this.batchSize = batchSize;
      this.startedNanos = System.nanoTime();
    }
  }

  @Override
  public boolean hasCurrentSpan() {
    return spans.hasCurrentSpan();
  }

  @Override
  public Call<S> start(
      Object parent, DbInfo db, String operation, String table, String statement, int batchSize) {
    S span = spans.start(parent, db, operation, table, statement, batchSize);
    return span == null ? null : new Call<>(span, db, operation, table, batchSize);
  }

  @Override
  public void rowsAffected(Call<S> call, long rows) {
    spans.rowsAffected(call.span, rows);
  }

  @Override
  public void failed(Call<S> call, Throwable error, boolean raw) {
    String statusCode = ConventionsAccess.statusCode(error);
    call.errorType = statusCode != null ? statusCode : error.getClass().getName();
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
              call.db, call.operation, call.table, call.batchSize, call.errorType),
          nanos);
    }
  }

  @Override
  public String toString() {
    return spans + ", " + durations;
  }
}
