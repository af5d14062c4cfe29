package io.tracejdbc.benchmarks;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.opentelemetry.OpenTelemetryTracing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What {@code sqlCommenter} does to pgjdbc's server-prepared statements, whose cache is keyed by
 * the statement's text: prepares, executes and closes one statement many times on one connection
 * (as an application that prepares per request does), with the option off, on under one request
 * span, and on under a new request span each time; then counts the connection's server-prepared
 * statements ({@code pg_prepared_statements}). Not a JMH benchmark: the count is the finding, the
 * times are indicative.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.tracejdbc.benchmarks.ServerPreparedStatementsCheck
 * </pre>
 */
public final class ServerPreparedStatementsCheck {
  private static final int TIMES = 20_000;
  private static final String SQL = "SELECT oid, relname FROM pg_class WHERE oid = ?";

  private ServerPreparedStatementsCheck() {}

  public static void main(String[] args) throws SQLException {
    OpenTelemetryTracing.init(Tracers.OTEL_SDK);
    Tracer tracer = Tracers.OTEL_SDK.getTracer("check");
    String url = Database.POSTGRESQL.urlWithPrefix(TracingDriver.URL_PREFIX);
    for (int round = 1; round <= 2; round++) {
      run("off", url, tracer, false);
      run("on, one request span", url + "?sqlCommenter=true", tracer, false);
      run("on, a request span each time", url + "?sqlCommenter=true", tracer, true);
    }
  }

  private static void run(String label, String url, Tracer tracer, boolean spanEachTime)
      throws SQLException {
    try (Connection connection = new TracingDriver().connect(url, Database.POSTGRESQL.properties)) {
      Span run = tracer.spanBuilder("run").startSpan();
      long started;
      try (Scope runScope = run.makeCurrent()) {
        started = System.nanoTime();
        for (int i = 0; i < TIMES; i++) {
          Span request = spanEachTime ? tracer.spanBuilder("request").startSpan() : run;
          try (Scope scope = request.makeCurrent();
              PreparedStatement select = connection.prepareStatement(SQL)) {
            select.setLong(1, 1259);
            try (ResultSet row = select.executeQuery()) {
              row.next();
            }
          } finally {
            if (spanEachTime) {
              request.end();
            }
          }
        }
      } finally {
        run.end();
      }
      long perCall = (System.nanoTime() - started) / TIMES;
      try (Statement count = connection.createStatement();
          ResultSet rows = count.executeQuery("SELECT count(*) FROM pg_prepared_statements")) {
        rows.next();
        System.out.printf(
            "%-30s %,9d ns per prepare, execute, close; server-prepared statements: %d%n",
            label, perCall, rows.getInt(1));
      }
    }
  }
}
