package io.tracejdbc.driver;

/**
 * A registry mark on a statement or a connection: trace it, under {@link #parent} when there is
 * one, else under the current span.
 */
final class Mark {
  static final Mark UNPARENTED = new Mark(null);

  /** A span of the tracing API that set the mark (OpenTracing's or OpenTelemetry's), or null. */
  final Object parent;

  Mark(Object parent) {
    this.parent = parent;
  }
}
