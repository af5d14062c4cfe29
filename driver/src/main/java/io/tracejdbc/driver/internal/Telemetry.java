package io.tracejdbc.driver.internal;

import io.tracejdbc.driver.internal.url.DbInfo;
import java.util.Map;

/**
 * Where the driver's spans go: the seam between the driver, which decides what is traced and under
 * which parent, and one tracing API. The driver has an OpenTracing side; {@code
 * tracejdbc-opentelemetry} adds an OpenTelemetry one.
 *
 * <p>The driver calls each method at most once per span, in order: {@link #start} or {@link
 * #startCall}, then {@link #nPlusOneExecution} when the execution is an N+1's, then {@link
 * #rowsAffected} or {@link #failed} (or neither), then {@link #finish}, and after it {@link
 * #nPlusOne} when this execution found one. Any method may throw: the driver reports the failure
 * once, gives up the span and runs the statement on, untraced.
 *
 * <p>What {@link #start} gets costs the driver nothing per call: the classifier's cached strings (a
 * prepared statement's, computed on its first traced execution), but for the joined text of a batch
 * of plain statements. A backend that derives more from them caches it by them rather than deriving
 * it per call.
 *
 * <p>The opt-in features ({@code sqlCommenter}, {@code captureParameters}, {@code
 * traceConnectionAcquisition}) call their methods below only when they are on: after {@link #start}
 * and before the call, {@link #propagation} once and {@link #parameter} once per value. Every
 * method is abstract, so that a backend, and above all a backend that wraps another, states what it
 * does with each feature instead of dropping one silently.
 *
 * <p>Internal, not API: public only for tracejdbc's own modules, and free to change.
 *
 * @param <S> the span type of the tracing API
 */
public interface Telemetry<S> {
  /** The {@code batchSize} of a call that is not a batch. */
  int NOT_A_BATCH = -1;

  /**
   * Whether nothing this telemetry would start is recorded or measured (OpenTracing's no-op tracer,
   * OpenTelemetry without an SDK): the driver then neither classifies the statement nor starts a
   * span. Called once per execution before anything else: a field read, or close to it.
   */
  boolean recordsNothing();

  /**
   * Whether a span is current on this thread; with {@code traceWithActiveSpanOnly}, a statement
   * with no marked parent is traced only then.
   */
  boolean hasCurrentSpan();

  /**
   * Starts the client span of the execution of SQL text: a statement, a prepared or callable
   * statement, or a batch of them.
   *
   * @param parent the parent a registry mark gave, or null for the current span (or none); a parent
   *     of another tracing API counts as null
   * @param db the connection's database facts
   * @param operation tracejdbc's operation name, parsed from the text: {@code select}, {@code
   *     create-table}, {@code textclause} when unreadable, ...; of a batch, the one its statements
   *     share, else {@code batch} (also for an empty batch of plain statements)
   * @param table the first table the statement touches, or null; of a batch, the first table of
   *     every statement in it when that is one table, else null
   * @param summary the statement's {@code db.query.summary} by the OpenTelemetry conventions
   *     (operations and targets in order, as written), or null when the text is unreadable; of a
   *     batch, the summary every statement in it has, else null: the batch rule ({@code BATCH ...})
   *     is the backend's
   * @param storedProcedure the procedure a {@code CALL} or {@code {call ...}} invokes, as written,
   *     or null; of a batch, the one every statement in it invokes, else null
   * @param statement the statement text, as the options want it shown, or null for none
   * @param batchSize {@link #NOT_A_BATCH}, or the number of statements or parameter sets of a
   *     batch: 0 for an empty batch, 1 for a batch of one
   */
  S start(
      Object parent,
      DbInfo db,
      String operation,
      String table,
      String summary,
      String storedProcedure,
      String statement,
      int batchSize);

  /**
   * Starts the client span of a JDBC call that has no SQL text, whose operation is the call itself:
   * {@code commit}, {@code rollback}, {@code savepoint} or {@code release-savepoint}.
   *
   * @param parent as for {@link #start}
   * @param db the connection's database facts
   * @param operation tracejdbc's name of the call
   */
  S startCall(Object parent, DbInfo db, String operation);

  /**
   * The span that a span started now under {@code marked} (as in {@link #start}) would have as its
   * parent, as an object to compare with the answer for a later execution: the same span gives the
   * same object ({@code ==}, else {@code equals}) while it is a parent. Null when there would be
   * none (a root span), or when the API's "current span" is a placeholder for none (a no-op
   * tracer's). N+1 detection counts executions under one parent with it, on every traced execution
   * while it is on: it must be cheap. A backend that answers null detects no N+1.
   */
  Object parentOf(Object marked);

  /**
   * Flags {@code span} as an execution of an N+1 query: the {@code count}th (the threshold or more)
   * execution of one statement shape under one parent; {@code tracejdbc.n_plus_one = true} and
   * {@code tracejdbc.n_plus_one.count = count}.
   */
  void nPlusOneExecution(S span, int count);

  /**
   * An N+1 query was found: executions of one statement under {@code parent} (an answer of {@link
   * #parentOf}) reached {@code threshold}. Adds one {@code tracejdbc.n_plus_one} event to {@code
   * parent} when it is a span of this API that still records (nothing to a span that has ended, is
   * remote or is not sampled) and counts the N+1 in the backend's metrics, if it has any. Called
   * once per parent and statement shape.
   *
   * @param db the connection's database facts
   * @param operation the statement's operation name, such as {@code select}
   * @param summary the statement's {@code db.query.summary}, as for {@link #start}, or null when
   *     the text is unreadable
   * @param sanitizedSql the statement's shape: its text with literals replaced, or null when the
   *     options show no statement text
   * @return how a log line names {@code parent} (its name where the API exposes it, else its ids),
   *     or null
   */
  String nPlusOne(
      Object parent,
      DbInfo db,
      String operation,
      String summary,
      String sanitizedSql,
      int threshold);

  /** The rows a statement that writes rows reports it wrote (0 or more). */
  void rowsAffected(S span, long rows);

  /**
   * The call threw {@code error}; with {@code raw} false, nothing of its message that may hold data
   * (values, later lines) may reach the span: see {@link ErrorMessages#redact}.
   */
  void failed(S span, Throwable error, boolean raw);

  /** Ends the span; {@code slow} when the call took longer than the slow-query threshold. */
  void finish(S span, boolean slow);

  /**
   * The trace context of {@code span} as the tracer injects it into a text map (W3C {@code
   * traceparent} and {@code tracestate} with OpenTelemetry, the tracer's own keys with
   * OpenTracing), for the {@code sqlCommenter} comment; empty when there is none.
   */
  Map<String, String> propagation(S span);

  /**
   * Like {@link #propagation}, for SQL whose text is fixed before its span starts ({@code
   * prepareStatement}, {@code addBatch}): the context of {@code parent}, a registry mark, or when
   * it is null (or of another tracing API) of the current span; empty when there is none.
   */
  Map<String, String> currentPropagation(Object parent);

  /**
   * A value bound to the statement of {@code span}, as {@code db.query.parameter.<key>}: {@code
   * key} is the 0-based index of a positional parameter or the name of a named one, {@code value}
   * its text as {@code captureParameters} shows it.
   */
  void parameter(S span, String key, String value);

  /**
   * Starts the span of a data source's {@code getConnection}, named {@code name}, under the current
   * span (not a client span: no database call is traced by it); the driver then calls {@link
   * #failed} or neither, then {@link #finish}. Null: no span.
   */
  S startAcquisition(String name);
}
