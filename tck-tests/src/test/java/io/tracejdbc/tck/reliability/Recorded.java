package io.tracejdbc.tck.reliability;

import io.opentracing.mock.MockSpan;
import java.util.HashMap;
import java.util.Map;

/** Reading the spans a MockTracer recorded. */
final class Recorded {
  private Recorded() {}

  /** The fields of the span's one error log. */
  static Map<String, Object> errorLog(MockSpan span) {
    return span.logEntries().stream()
        .map(entry -> new HashMap<String, Object>(entry.fields()))
        .filter(fields -> "error".equals(fields.get("event")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no error log on " + span.operationName()));
  }

  static boolean isChildOf(MockSpan span, MockSpan parent) {
    return span.parentId() == parent.context().spanId()
        && span.context().traceId() == parent.context().traceId();
  }

  /**
   * Whether {@code error} was made by the real driver: its first frame is in {@code driverPackage}.
   */
  static boolean madeBy(Throwable error, String driverPackage) {
    return error.getStackTrace().length > 0
        && error.getStackTrace()[0].getClassName().startsWith(driverPackage + ".");
  }
}
