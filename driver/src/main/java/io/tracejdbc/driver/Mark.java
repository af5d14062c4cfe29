package io.tracejdbc.driver;

import io.opentracing.Span;

/**
 * A registry mark on a statement or a connection: trace it, under {@link #parent} when there is
 * one, else under the active span.
 */
final class Mark {
  static final Mark UNPARENTED = new Mark(null);

  final Span parent;

  Mark(Span parent) {
    this.parent = parent;
  }
}
