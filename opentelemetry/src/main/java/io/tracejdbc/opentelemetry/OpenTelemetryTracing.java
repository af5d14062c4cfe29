package io.tracejdbc.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.tracejdbc.driver.TracingDataSource;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.driver.TracingOptions;
import io.tracejdbc.driver.internal.DriverAccess;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * tracejdbc's spans as OpenTelemetry spans: every statement of a {@code jdbc:tracing:} connection
 * (or of a data source from {@link #dataSource}) becomes a {@code CLIENT} span under
 * OpenTelemetry's stable database conventions, named by its {@code db.query.summary}.
 *
 * <pre>{@code
 * OpenTelemetryTracing.init(openTelemetry);     // an OpenTelemetrySdk, GlobalOpenTelemetry.get()
 * try (Connection c = DriverManager.getConnection("jdbc:tracing:postgresql://db/shop")) {
 *   Statement s = c.createStatement();
 *   s.executeQuery("SELECT * FROM users");      // "SELECT users", a child of Span.current()
 *
 *   c.setAutoCommit(false);
 *   OpenTelemetryTracing.setParentSpan(c, request);              // until commit or rollback
 *   s.executeUpdate("INSERT INTO users VALUES (1, 'John')");     // "INSERT users", under request
 *   c.commit();                                                  // "COMMIT", under request
 * }
 *
 * DataSource traced = OpenTelemetryTracing.dataSource(postgres, openTelemetry); // for pools
 * }</pre>
 *
 * <p>A span has {@code db.system.name}, {@code db.namespace}, {@code db.query.summary}, {@code
 * db.query.text} (by default a prepared statement's text as written and other text with its
 * literals replaced, as the {@code statementText} option says), {@code server.address} and {@code
 * server.port}; a call of a stored procedure {@code db.stored_procedure.name}; a batch of none or
 * of two or more statements or parameter sets {@code db.operation.batch.size}; a statement that
 * writes rows {@code tracejdbc.rows_affected}; one above the {@code slowQueryThresholdMs} {@code
 * tracejdbc.slow}. {@code db.operation.name} and {@code db.collection.name} are not parsed out of
 * the text, as the conventions ask. A failed call has status {@code ERROR}, {@code error.type},
 * {@code db.response.status_code} and an {@code exception} event, whose message is redacted unless
 * statements are shown raw. Commits, rollbacks and savepoints are spans too, with their {@code
 * db.operation.name}.
 *
 * <p>Each traced call also records {@code db.client.operation.duration} (a histogram in seconds)
 * through the same OpenTelemetry's meter provider, with the span's low-cardinality attributes; an
 * OpenTelemetry whose meter provider is a no-op records nothing.
 *
 * <p>The opt-in options of {@link TracingOptions} work natively too: {@code sqlCommenter} writes
 * the span's W3C {@code traceparent} into the SQL the database sees, {@code captureParameters}
 * records {@code db.query.parameter.<index>}, and {@code traceConnectionAcquisition} makes a data
 * source's {@code getConnection} an {@code INTERNAL} span.
 *
 * <p>Everything else is {@link TracingDriver}'s: {@code setTraced}, {@code clearTraced}, {@code
 * register}, {@code unregister}, the options and the lifetimes of marks work as they do with
 * OpenTracing. {@link TracingDriver#init(io.opentracing.Tracer)} sends spans back to an OpenTracing
 * tracer; the latest {@code init} of either wins.
 */
public final class OpenTelemetryTracing {
  private OpenTelemetryTracing() {}

  /**
   * Traces every statement of every connection with {@code openTelemetry}, as {@link
   * TracingDriver#init(io.opentracing.Tracer)} does with an OpenTracing tracer; connections already
   * open follow too, except those of a data source given its own.
   *
   * @throws NullPointerException if {@code openTelemetry} is null
   */
  public static void init(OpenTelemetry openTelemetry) {
    init(openTelemetry, TracingOptions.defaults());
  }

  /**
   * Traces with {@code openTelemetry} and the global {@code options}, as {@link
   * TracingDriver#init(io.opentracing.Tracer, TracingOptions)} does.
   *
   * @throws NullPointerException if an argument is null
   */
  public static void init(OpenTelemetry openTelemetry, TracingOptions options) {
    ClientSpans spans = new ClientSpans(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    DriverAccess.get().init(spans, Objects.requireNonNull(options, "options"));
  }

  /**
   * Traces {@code target} under {@code parent}, as {@link TracingDriver#setParentSpan} does: a
   * statement for its next execution, a connection until its transaction ends. Connections whose
   * spans go to an OpenTracing tracer trace it under their current span instead.
   *
   * @param target a statement or connection of tracejdbc, or a proxy that unwraps to one
   * @throws NullPointerException if {@code target} or {@code parent} is null
   * @throws IllegalArgumentException if {@code target} is not of tracejdbc
   */
  public static void setParentSpan(Object target, Span parent) {
    Objects.requireNonNull(parent, "parent");
    DriverAccess.get().setParentSpan(target, parent);
  }

  /**
   * A data source whose connections are those of {@code real}, traced with {@code openTelemetry}
   * whatever {@code init} installs, and with the global options, like a {@link TracingDataSource}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static DataSource dataSource(DataSource real, OpenTelemetry openTelemetry) {
    return dataSource(real, openTelemetry, TracingOptions.defaults());
  }

  /**
   * A data source like {@link #dataSource(DataSource, OpenTelemetry)}, whose {@code options}
   * override the global ones they set, as a URL's options do.
   *
   * @throws NullPointerException if an argument is null
   */
  public static DataSource dataSource(
      DataSource real, OpenTelemetry openTelemetry, TracingOptions options) {
    Objects.requireNonNull(real, "real");
    ClientSpans spans = new ClientSpans(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    return DriverAccess.get().dataSource(real, spans, Objects.requireNonNull(options, "options"));
  }
}
