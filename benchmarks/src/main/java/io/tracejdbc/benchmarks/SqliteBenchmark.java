package io.tracejdbc.benchmarks;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The workloads on an in-memory SQLite database, one connection per contender and fork. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SqliteBenchmark {
  static final int ROWS = 1024;
  static final int BATCH_ROWS = 100;
  static final String POINT_SELECT = "SELECT id, name, price FROM items WHERE id = ?";

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
  private Statement statement;
  private PreparedStatement insert;
  private int id;
  private long unique;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    connection = Contenders.open(contender, Database.SQLITE);
    createTables(connection);
    select = connection.prepareStatement(POINT_SELECT);
    statement = connection.createStatement();
    // replaces the same rows each time, so the table stays small and every batch costs the same
    insert =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO batch_items (id, name, price) VALUES (?, ?, ?)");
  }

  /** The tables: {@value #ROWS} items to select, and an empty one for the batches. */
  static void createTables(Connection connection) throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(
          "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
              + " price REAL NOT NULL)");
      ddl.execute(
          "CREATE TABLE batch_items (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
              + " price REAL NOT NULL)");
      ddl.execute(
          "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < "
              + (ROWS - 1)
              + ") INSERT INTO items SELECT i, 'item-' || i, i * 1.5 FROM n");
    }
  }

  /** Runs {@link #POINT_SELECT} for {@code id} and reads its row. */
  static long pointSelect(PreparedStatement select, int id) throws SQLException {
    select.setInt(1, id);
    try (ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1) + row.getString(2).length();
    }
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
  }

  /** A PreparedStatement select by primary key, prepared once. */
  @Benchmark
  public long pointSelect() throws SQLException {
    return pointSelect(select, nextId());
  }

  /**
   * A plain Statement whose literal changes every call: sanitizing, then a classification cache
   * hit.
   */
  @Benchmark
  public long statementLiteral() throws SQLException {
    try (ResultSet row =
        statement.executeQuery("SELECT id, name, price FROM items WHERE id = " + nextId())) {
      row.next();
      return row.getLong(1) + row.getString(2).length();
    }
  }

  /** One executeBatch of {@value #BATCH_ROWS} rows; per row is this over {@value #BATCH_ROWS}. */
  @Benchmark
  public int[] batchInsert() throws SQLException {
    for (int i = 0; i < BATCH_ROWS; i++) {
      insert.setInt(1, i);
      insert.setString(2, "batch");
      insert.setDouble(3, i * 0.5);
      insert.addBatch();
    }
    return insert.executeBatch();
  }

  /**
   * A statement never seen before (a new column alias each call): a classification cache miss.
   * JSqlParser's huge generated parser takes many seconds of calls to be compiled, hence the long
   * warmup.
   */
  @Benchmark
  @Warmup(iterations = 15, time = 1)
  public long classificationMiss() throws SQLException {
    try (ResultSet row =
        statement.executeQuery("SELECT id AS c" + unique++ + ", name FROM items WHERE id = 7")) {
      row.next();
      return row.getLong(1);
    }
  }

  private int nextId() {
    id = nextId(id);
    return id;
  }

  /** The id after {@code id}, cycling through the {@value #ROWS} rows. */
  static int nextId(int id) {
    return (id + 1) & (ROWS - 1);
  }
}
