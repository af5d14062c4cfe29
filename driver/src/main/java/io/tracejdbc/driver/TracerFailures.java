package io.tracejdbc.driver;

import java.lang.System.Logger.Level;

/**
 * Reports a tracer that throws: once loudly per installed tracer, then quietly, so a broken tracer
 * cannot flood the log.
 */
final class TracerFailures {
  private static final System.Logger LOG = System.getLogger("io.tracejdbc.driver");
  private static volatile boolean reported;

  private TracerFailures() {}

  /** A new tracer was installed: its first failure gets its own warning. */
  static void newTracer() {
    reported = false;
  }

  static void report(Throwable failure) {
    if (!reported) {
      reported = true;
      LOG.log(Level.WARNING,
          "The tracer threw; tracejdbc runs the statement untraced and will not repeat this warning",
          failure);
    } else {
      LOG.log(Level.DEBUG, "The tracer threw again", failure);
    }
  }
}
