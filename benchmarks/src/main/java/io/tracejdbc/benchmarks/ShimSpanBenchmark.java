package io.tracejdbc.benchmarks;

import io.opentracing.Span;
import io.opentracing.Tracer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The span floor: one span with the eight tags of a SQLite point select, through the OpenTracing
 * shim into the OpenTelemetry SDK. No tracer that uses the shim can trace for less. {@link #span}
 * measures it alone, in a loop that keeps it hot in the caches; {@link #spanAroundPointSelect}
 * measures it where it is paid, around the raw driver's point select, by hand and with nothing
 * else.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ShimSpanBenchmark {
  private final Tracer tracer = Tracers.otelShim();
  private Connection connection;
  private PreparedStatement select;
  private int id;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    connection = Contenders.open(Contenders.RAW, Database.SQLITE);
    SqliteBenchmark.createTables(connection);
    select = connection.prepareStatement(SqliteBenchmark.POINT_SELECT);
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
  }

  @Benchmark
  public void span() {
    startSpan().finish();
  }

  @Benchmark
  public long spanAroundPointSelect() throws SQLException {
    Span span = startSpan();
    try {
      id = SqliteBenchmark.nextId(id);
      return SqliteBenchmark.pointSelect(select, id);
    } finally {
      span.finish();
    }
  }

  private Span startSpan() {
    return tracer
        .buildSpan("select")
        .withTag("span.kind", "client")
        .withTag("component", "tracejdbc")
        .withTag("db.type", "sql")
        .withTag("db.system", "sqlite")
        .withTag("db.instance", ":memory:")
        .withTag("db.statement", SqliteBenchmark.POINT_SELECT)
        .withTag("db.operation", "select")
        .withTag("db.sql.table", "items")
        .start();
  }
}
