package io.tracejdbc.benchmarks;

import io.opentracing.Tracer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The span floor: one span with the eight tags of a point select, through the OpenTracing shim
 * into the OpenTelemetry SDK, and nothing else. No tracer that uses the shim can trace for less.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ShimSpanBenchmark {
  private final Tracer tracer = Tracers.otelShim();

  @Benchmark
  public void span() {
    tracer.buildSpan("select")
        .withTag("span.kind", "client")
        .withTag("component", "tracejdbc")
        .withTag("db.type", "sql")
        .withTag("db.system", "sqlite")
        .withTag("db.instance", ":memory:")
        .withTag("db.statement", SqliteBenchmark.POINT_SELECT)
        .withTag("db.operation", "select")
        .withTag("db.sql.table", "items")
        .start()
        .finish();
  }
}
