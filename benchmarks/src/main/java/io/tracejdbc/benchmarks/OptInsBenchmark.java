package io.tracejdbc.benchmarks;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.opentelemetry.OpenTelemetryTracing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The opt-in features off and on, through tracejdbc's native OpenTelemetry backend into the SDK, on
 * in-memory SQLite under a current request span (so that sqlCommenter has a context to write):
 * {@code off} must cost what {@code tracejdbc-otel-native} costs in {@link SqliteBenchmark}.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OptInsBenchmark {
  /** URL options per variant. */
  @Param({"off", "sqlCommenter=true", "captureParameters=true"})
  public String options;

  private Connection connection;
  private PreparedStatement select;
  private PreparedStatement insert;
  private Statement statement;
  private Span request;
  private Scope scope;
  private int id;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    OpenTelemetryTracing.init(Tracers.OTEL_SDK);
    request = Tracers.OTEL_SDK.getTracer("benchmark").spanBuilder("request").startSpan();
    scope = request.makeCurrent();
    String url = Database.SQLITE.urlWithPrefix(TracingDriver.URL_PREFIX);
    if (!options.equals("off")) {
      url += "?" + options;
    }
    connection = new TracingDriver().connect(url, Database.SQLITE.properties);
    SqliteBenchmark.createTables(connection);
    select = connection.prepareStatement(SqliteBenchmark.POINT_SELECT);
    insert =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO batch_items (id, name, price) VALUES (?, ?, ?)");
    statement = connection.createStatement();
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
    scope.close();
    request.end();
  }

  /** A PreparedStatement select by primary key, prepared once: one bound value. */
  @Benchmark
  public long pointSelect() throws SQLException {
    id = SqliteBenchmark.nextId(id);
    return SqliteBenchmark.pointSelect(select, id);
  }

  /** A plain Statement: the one sqlCommenter comments on every execution. */
  @Benchmark
  public long statementLiteral() throws SQLException {
    id = SqliteBenchmark.nextId(id);
    try (ResultSet row =
        statement.executeQuery("SELECT id, name, price FROM items WHERE id = " + id)) {
      row.next();
      return row.getLong(1) + row.getString(2).length();
    }
  }

  /** One executeBatch of {@value SqliteBenchmark#BATCH_ROWS} rows of three bound values. */
  @Benchmark
  public int[] batchInsert() throws SQLException {
    for (int i = 0; i < SqliteBenchmark.BATCH_ROWS; i++) {
      insert.setInt(1, i);
      insert.setString(2, "batch");
      insert.setDouble(3, i * 0.5);
      insert.addBatch();
    }
    return insert.executeBatch();
  }
}
