package io.tracejdbc.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import java.util.List;

/** Reading what a {@link MockTracer} recorded. */
final class Traces {
  private Traces() {}

  /** The operation names of the finished spans, in the order they finished. */
  static List<String> operations(MockTracer tracer) {
    return tracer.finishedSpans().stream().map(MockSpan::operationName).toList();
  }

  /** The one finished span; fails when there is not exactly one. */
  static MockSpan onlySpan(MockTracer tracer) {
    List<MockSpan> spans = tracer.finishedSpans();
    assertThat(spans).as("finished spans %s", operations(tracer)).hasSize(1);
    return spans.get(0);
  }

  /** The finished spans named {@code operation}. */
  static List<MockSpan> named(MockTracer tracer, String operation) {
    return tracer.finishedSpans().stream()
        .filter(s -> s.operationName().equals(operation))
        .toList();
  }

  static boolean isChildOf(MockSpan span, MockSpan parent) {
    return span.parentId() == parent.context().spanId()
        && span.context().traceId() == parent.context().traceId();
  }

  static boolean isRoot(MockSpan span) {
    return span.parentId() == 0;
  }
}
