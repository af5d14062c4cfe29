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
 * A multi-row insert whose row count changes every call, as batching ORMs and bulk loaders send it:
 * {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?), ...} with 1 to {@value #MOST_ROWS} rows,
 * prepared, bound, executed and closed, on an in-memory SQLite database. The row counts follow a
 * fixed permutation of 1 to {@value #MOST_ROWS}, so every call differs from the one before and
 * every run makes the same calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class MultiRowInsertBenchmark {
  static final int MOST_ROWS = 64;

  /** Row counts in call order: 37 is odd, so i * 37 mod 64 visits every count once per round. */
  private static final int[] ROW_COUNTS = new int[MOST_ROWS];

  static {
    for (int i = 0; i < MOST_ROWS; i++) {
      ROW_COUNTS[i] = 1 + i * 37 % MOST_ROWS;
    }
  }

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

  /** The statement of each row count, index = rows - 1. */
  private final String[] texts = new String[MOST_ROWS];

  private int call;
  private int key;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    connection = Contenders.open(contender, Database.SQLITE);
    try (Statement ddl = connection.createStatement()) {
      // a key inserted again replaces its row: the table never outgrows the 1,024 keys of nextId,
      // so every call costs the same
      ddl.execute("CREATE TABLE t (a INTEGER PRIMARY KEY ON CONFLICT REPLACE, b TEXT NOT NULL)");
    }
    StringBuilder text = new StringBuilder("INSERT INTO t (a, b) VALUES (?, ?)");
    for (int rows = 1; rows <= MOST_ROWS; rows++) {
      texts[rows - 1] = text.toString();
      text.append(", (?, ?)");
    }
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
  }

  @Benchmark
  public int insert() throws SQLException {
    int rows = ROW_COUNTS[call];
    call = (call + 1) % MOST_ROWS;
    try (PreparedStatement insert = connection.prepareStatement(texts[rows - 1])) {
      for (int row = 0; row < rows; row++) {
        key = SqliteBenchmark.nextId(key);
        insert.setInt(2 * row + 1, key);
        insert.setString(2 * row + 2, "row");
      }
      return insert.executeUpdate();
    }
  }
}
