package io.tracejdbc.opentelemetry;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One of tracejdbc's operation names ({@code select}, {@code create-table}, {@code
 * release-savepoint}, {@code textclause}, {@code batch}, ...) as OpenTelemetry's stable database
 * conventions write it: the {@code db.operation.name} and the {@code db.query.summary} (which is
 * also the span name) of a statement, alone or in a batch.
 *
 * <pre>{@code
 * SqlOperation.of("create-table").name;                       // "CREATE TABLE"
 * SqlOperation.of("select").summary("users", "h2database");    // "SELECT users"
 * SqlOperation.of("commit").summary(null, "h2database");       // "COMMIT"
 * SqlOperation.of("textclause").summary(null, "h2database");   // "h2database"
 * SqlOperation.of("insert").batchSummary("orders");            // "BATCH INSERT orders"
 * SqlOperation.of("batch").batchSummary(null);                 // "BATCH"
 * }</pre>
 *
 * <p>The operation is the statement's kind as SQL spells it: upper case, words separated by one
 * space. tracejdbc's names come from the parser's fixed vocabulary, so there is one instance per
 * name for the life of the class loader, and a summary with a table is built once per table (up to
 * {@link #CACHED_TABLES} tables per operation; past that, one concatenation per call).
 *
 * <p>Batches of two or more statements follow the conventions' batch rule: statements of one kind
 * give {@code BATCH INSERT} and {@code BATCH INSERT orders} (the table only when every statement
 * has it); statements of mixed kinds (tracejdbc's {@code batch}) or that tracejdbc cannot read give
 * {@code BATCH} for both. The conventions model a batch of one as a single statement.
 */
final class SqlOperation {
  /** tracejdbc's name for text its parser cannot see into. */
  static final String UNREADABLE = "textclause";

  /** tracejdbc's name for a batch whose statements are of different kinds. */
  static final String MIXED_BATCH = "batch";

  /** The conventions' operation name and summary of a batch with no single kind. */
  static final String BATCH = "BATCH";

  /** The longest summary the conventions allow; a longer one drops its table. */
  static final int MAX_SUMMARY_LENGTH = 255;

  /** Bounds the summaries kept per operation, against applications minting table names. */
  static final int CACHED_TABLES = 256;

  private static final ConcurrentMap<String, SqlOperation> BY_NAME = new ConcurrentHashMap<>();

  /** {@code db.operation.name}; null when tracejdbc cannot read the statement. */
  final String name;

  /** {@code db.operation.name} of a batch of two or more such statements. */
  final String batchName;

  /** Whether summaries name the table: not for unreadable text nor for batches of mixed kinds. */
  private final boolean ofOneKind;

  private final ConcurrentMap<String, String> summaries = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> batchSummaries = new ConcurrentHashMap<>();

  SqlOperation(String tracejdbcName) {
    ofOneKind = !tracejdbcName.equals(UNREADABLE) && !tracejdbcName.equals(MIXED_BATCH);
    if (ofOneKind) {
      name = tracejdbcName.replace('-', ' ').toUpperCase(Locale.ROOT);
      batchName = BATCH + ' ' + name;
    } else {
      name = tracejdbcName.equals(MIXED_BATCH) ? BATCH : null;
      batchName = BATCH;
    }
  }

  /** The operation named {@code tracejdbcName}, as the driver and its parser name it. */
  static SqlOperation of(String tracejdbcName) {
    SqlOperation operation = BY_NAME.get(tracejdbcName);
    if (operation == null) {
      SqlOperation created = new SqlOperation(tracejdbcName);
      operation = BY_NAME.putIfAbsent(tracejdbcName, created);
      if (operation == null) {
        operation = created;
      }
    }
    return operation;
  }

  /**
   * {@code db.query.summary} of one statement: the operation and its first table ({@code SELECT
   * users}), the operation alone when there is no table, {@code systemName} (the connection's
   * {@code db.system.name}) when the statement is unreadable.
   */
  String summary(String table, String systemName) {
    if (name == null) {
      return systemName;
    }
    return table == null || !ofOneKind ? name : withTable(summaries, name, table);
  }

  /**
   * {@code db.query.summary} of a batch of two or more statements of this operation; {@code table}
   * is the table every statement has, else null.
   */
  String batchSummary(String table) {
    return table == null || !ofOneKind ? batchName : withTable(batchSummaries, batchName, table);
  }

  private static String withTable(
      ConcurrentMap<String, String> cache, String prefix, String table) {
    String summary = cache.get(table);
    if (summary != null) {
      return summary;
    }
    boolean fits = prefix.length() + 1 + table.length() <= MAX_SUMMARY_LENGTH;
    summary = fits ? prefix + ' ' + table : prefix;
    if (cache.size() < CACHED_TABLES) {
      cache.putIfAbsent(table, summary);
    }
    return summary;
  }
}
