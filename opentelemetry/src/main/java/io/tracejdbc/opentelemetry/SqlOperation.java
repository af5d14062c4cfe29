package io.tracejdbc.opentelemetry;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Names the conventions give to what the driver reports: a JDBC call's {@code db.operation.name}
 * ({@code release-savepoint} is {@code RELEASE SAVEPOINT}) and the {@code db.query.summary} of a
 * batch.
 *
 * <pre>{@code
 * SqlOperation.callName("commit");                  // "COMMIT"
 * SqlOperation.batchSummary("INSERT orders");       // "BATCH INSERT orders"
 * SqlOperation.batchSummary(null);                  // "BATCH": statements that differ
 * }</pre>
 *
 * <p>Each name is built once: there are a handful of calls, and batch summaries are kept for up to
 * {@link #CACHED_SUMMARIES} distinct summaries (past that, one concatenation per batch).
 */
final class SqlOperation {
  /**
   * The summary of a batch whose statements do not share one summary, or that tracejdbc cannot
   * read.
   */
  static final String BATCH = "BATCH";

  /** The longest summary the conventions allow; longer ones lose their last parts. */
  static final int MAX_SUMMARY_LENGTH = 255;

  /** Bounds the batch summaries kept, against applications minting table names. */
  static final int CACHED_SUMMARIES = 1024;

  private static final ConcurrentMap<String, String> CALL_NAMES = new ConcurrentHashMap<>();
  private static final ConcurrentMap<String, String> BATCH_SUMMARIES = new ConcurrentHashMap<>();

  private SqlOperation() {}

  /** The conventions' operation name of the JDBC call tracejdbc names {@code tracejdbcName}. */
  static String callName(String tracejdbcName) {
    String name = CALL_NAMES.get(tracejdbcName);
    if (name == null) {
      name = tracejdbcName.replace('-', ' ').toUpperCase(Locale.ROOT);
      CALL_NAMES.putIfAbsent(tracejdbcName, name);
    }
    return name;
  }

  /**
   * The {@code db.query.summary} of a batch (of none, or of two or more statements or parameter
   * sets) whose statements all have {@code summary}, or null when they do not share one: {@code
   * BATCH} and the summary, cut between two of its parts to fit 255 characters.
   */
  static String batchSummary(String summary) {
    if (summary == null) {
      return BATCH;
    }
    String batch = BATCH_SUMMARIES.get(summary);
    if (batch == null) {
      batch = fit(BATCH + ' ' + summary);
      if (BATCH_SUMMARIES.size() < CACHED_SUMMARIES) {
        BATCH_SUMMARIES.putIfAbsent(summary, batch);
      }
    }
    return batch;
  }

  /** {@code summary} without the parts past 255 characters. */
  static String fit(String summary) {
    if (summary.length() <= MAX_SUMMARY_LENGTH) {
      return summary;
    }
    int cut = summary.lastIndexOf(' ', MAX_SUMMARY_LENGTH);
    return cut > 0 ? summary.substring(0, cut) : BATCH;
  }
}
