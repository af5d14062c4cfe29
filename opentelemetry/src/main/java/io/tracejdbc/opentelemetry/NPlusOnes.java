package io.tracejdbc.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * N+1 queries on the OpenTelemetry side: the attributes of a flagged execution, the event on its
 * parent, and the counter {@code tracejdbc.n_plus_one} (by {@code db.query.summary}) in the
 * OpenTelemetry instance's meter provider.
 */
final class NPlusOnes {
  static final String N_PLUS_ONE = "tracejdbc.n_plus_one";
  static final AttributeKey<Boolean> FLAG = booleanKey(N_PLUS_ONE);
  static final AttributeKey<Long> COUNT = longKey("tracejdbc.n_plus_one.count");
  static final AttributeKey<Long> THRESHOLD = longKey("tracejdbc.n_plus_one.threshold");

  /** Null when the N+1s are counted elsewhere (or nowhere: a no-op meter provider). */
  private final LongCounter found;

  /** N+1s counted in {@code meter}'s counter {@code tracejdbc.n_plus_one}; none when null. */
  NPlusOnes(Meter meter) {
    found =
        meter == null
            ? null
            : meter
                .counterBuilder(N_PLUS_ONE)
                .setDescription(
                    "N+1 queries found: runs of one statement under one parent span that reached"
                        + " tracejdbc's nPlusOneThreshold")
                .setUnit("{n_plus_one}")
                .build();
  }

  /** The marked span, else the current one; none when neither is valid. */
  static Object parentOf(Object marked) {
    Span parent = marked instanceof Span ? (Span) marked : Span.current();
    return parent.getSpanContext().isValid() ? parent : null;
  }

  static void flag(Span span, int count) {
    span.setAttribute(FLAG, true);
    span.setAttribute(COUNT, (long) count);
  }

  /**
   * Counts an N+1 of the statement summarized as {@code summary} and adds its event to {@code
   * parent} if it still records (not ended, sampled, of this process).
   *
   * @return how a log line names the parent: by its ids, as the API exposes no name
   */
  String found(Object parent, String summary, int threshold) {
    if (found != null) {
      found.add(1, Attributes.of(Database.DB_QUERY_SUMMARY, summary));
    }
    if (!(parent instanceof Span)) {
      return null;
    }
    Span span = (Span) parent;
    if (span.isRecording()) {
      span.addEvent(
          N_PLUS_ONE,
          Attributes.of(Database.DB_QUERY_SUMMARY, summary, THRESHOLD, (long) threshold));
    }
    SpanContext context = span.getSpanContext();
    return "span " + context.getSpanId() + " of trace " + context.getTraceId();
  }
}
