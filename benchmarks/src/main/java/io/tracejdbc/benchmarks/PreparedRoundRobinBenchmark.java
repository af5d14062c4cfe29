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

/**
 * What ORMs do: every execution prepares its statement, binds, executes and closes it, and the
 * application has many distinct statements. Round robin over {@link #distinct} Hibernate-style
 * selects of 110 to 128 characters (122 on average) on an in-memory SQLite database. The texts
 * differ in their column lists and aliases, not in a literal, so a cache of sanitized text cannot
 * fold them. Where the statements outnumber a classification cache, every call is a parse, hence
 * the longer warmup: JSqlParser takes thousands of parses to be compiled.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
public class PreparedRoundRobinBenchmark {
  /** The most distinct statements measured; every smaller set is spread over the same range. */
  static final int MOST_DISTINCT = 10_000;

  private static final String[] COLUMNS = {
    "id", "name", "price", "sku", "stock", "weight", "status", "version"
  };

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

  /** How many distinct statements the application runs. */
  @Param({"100", "1500", "3000", "10000"})
  public int distinct;

  private Connection connection;
  private String[] texts;
  private int next;
  private int id;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    connection = Contenders.open(contender, Database.SQLITE);
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(
          "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
              + " price REAL NOT NULL, sku TEXT NOT NULL, stock INTEGER NOT NULL,"
              + " weight REAL NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL)");
      ddl.execute(
          "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < "
              + (SqliteBenchmark.ROWS - 1)
              + ") INSERT INTO items SELECT i, 'item-' || i, i * 1.5,"
              + " 'SKU-' || i, i % 50, i * 0.25, 'ACTIVE', 1 FROM n");
    }
    // the same spread of lengths at every size: 100 statements are every 100th of the 10,000
    texts = new String[distinct];
    for (int i = 0; i < distinct; i++) {
      texts[i] = text(i * (MOST_DISTINCT / distinct));
    }
  }

  /**
   * Statement {@code k}, as Hibernate 5 writes a load of three of the entity's columns: the id and
   * one of the 21 pairs of the other seven, each aliased by column and entity number ({@code
   * name2_17_}), the entity number standing for the application's many entities.
   */
  static String text(int k) {
    int others = COLUMNS.length - 1;
    int pairs = others * (others - 1) / 2;
    int pair = k % pairs;
    int entity = k / pairs;
    int first = 1;
    while (pair >= others - first) {
      pair -= others - first;
      first++;
    }
    int second = first + 1 + pair;
    return "select "
        + column(0, entity)
        + ", "
        + column(first, entity)
        + ", "
        + column(second, entity)
        + " from items item0_ where item0_.id=?";
  }

  private static String column(int index, int entity) {
    String name = COLUMNS[index];
    return "item0_." + name + " as " + name + (index + 1) + '_' + entity + '_';
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
  }

  /** Prepares the next statement of the round, binds an id, reads the row and closes it. */
  @Benchmark
  public long prepareExecuteClose() throws SQLException {
    String text = texts[next];
    next = next + 1 == texts.length ? 0 : next + 1;
    id = SqliteBenchmark.nextId(id);
    try (PreparedStatement select = connection.prepareStatement(text)) {
      select.setInt(1, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1) + row.getString(3).length();
      }
    }
  }
}
