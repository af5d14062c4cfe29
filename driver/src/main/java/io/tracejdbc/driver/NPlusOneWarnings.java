package io.tracejdbc.driver;

import io.tracejdbc.parser.SqlInfo;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The log's side of N+1 detection: one WARNING per statement shape for the life of the JVM, so a
 * hot N+1 (one per request) cannot flood the log; past {@link #MAX_SHAPES} shapes, no more.
 */
final class NPlusOneWarnings {
  private static final System.Logger LOG = System.getLogger("io.tracejdbc.driver");

  /** The statement shapes warned about, bounded; not on the hot path (once per N+1 found). */
  static final int MAX_SHAPES = 1024;

  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private NPlusOneWarnings() {}

  /**
   * Warns that {@code shape} ran {@code threshold} times under one parent ({@code parentName}, or
   * null when the tracing API does not name it), unless it was warned about before; with {@code
   * shown} false, without the statement's text.
   */
  static void warn(SqlInfo shape, boolean shown, String parentName, int threshold) {
    String text = shape.sanitizedSql();
    if (WARNED.contains(text) || WARNED.size() >= MAX_SHAPES || !WARNED.add(text)) {
      return;
    }
    LOG.log(
        Level.WARNING,
        "N+1 query: "
            + summaryOf(shape)
            + (shown ? " (" + text + ")" : "")
            + " ran "
            + threshold
            + " times under one parent span"
            + (parentName != null ? " (" + parentName + ")" : "")
            + "; its executions from number "
            + threshold
            + " on are tagged tracejdbc.n_plus_one. Logged once per statement;"
            + " nPlusOneThreshold=0 turns N+1 detection off");
  }

  /** The statement's {@code db.query.summary}, else its operation name. */
  static String summaryOf(SqlInfo shape) {
    String summary = shape.querySummary();
    return summary != null ? summary : shape.operation();
  }
}
