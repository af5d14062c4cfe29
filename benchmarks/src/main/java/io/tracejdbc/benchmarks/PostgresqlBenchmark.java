package io.tracejdbc.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A point select on the local PostgreSQL server (127.0.0.1:5432, database test, user postgres),
 * against a temporary table of the contender's own connection: a network round trip per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PostgresqlBenchmark {
  @Param({
    Contenders.RAW,
    Contenders.TRACEJDBC_OFF,
    Contenders.TRACEJDBC_NOOP,
    Contenders.TRACEJDBC_OTEL,
    Contenders.TRACEJDBC_OTEL_NATIVE,
    Contenders.JAVA_JDBC_NOOP,
    Contenders.JAVA_JDBC_OTEL,
    Contenders.OTEL_JDBC,
    Contenders.P6SPY
  })
  public String contender;

  private Connection connection;
  private PreparedStatement select;
  private int id;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    connection = Contenders.open(contender, Database.POSTGRESQL);
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(
          "CREATE TEMPORARY TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
              + " price DOUBLE PRECISION NOT NULL)");
      ddl.execute(
          "INSERT INTO items SELECT g, 'item-' || g, g * 1.5 FROM generate_series(0, "
              + (SqliteBenchmark.ROWS - 1)
              + ") g");
    }
    select = connection.prepareStatement(SqliteBenchmark.POINT_SELECT);
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
  }

  @Benchmark
  public long pointSelect() throws SQLException {
    id = SqliteBenchmark.nextId(id);
    return SqliteBenchmark.pointSelect(select, id);
  }
}
