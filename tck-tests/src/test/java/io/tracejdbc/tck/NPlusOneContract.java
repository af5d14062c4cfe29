package io.tracejdbc.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tracejdbc.tck.NPlusOneBackend.Parent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N+1 queries, flagged on every database and tracing API: the same statement with other values run
 * again and again under one parent span, from the fifth execution on (the default threshold).
 */
abstract class NPlusOneContract extends DatabaseContract {
  /** Where a SQLite database file goes: pooled connections share it. */
  @TempDir Path directory;

  final NPlusOneBackend backend = backend();

  abstract NPlusOneBackend backend();

  /** Whether the API counts N+1 queries in a metric. */
  abstract boolean hasMetrics();

  @Override
  void installTracing() {
    backend.install();
  }

  @Override
  void forgetSpans() {
    backend.forget();
  }

  @Test
  void tenExecutionsOfOnePreparedSelectUnderOneParentFlagTheFifthToTheTenth() throws Exception {
    Parent request = backend.start("request");
    try (AutoCloseable current = request.makeCurrent()) {
      selectByIdTimes(connection, 10);
    }
    request.end();

    assertThat(backend.flags()).containsExactly(0, 0, 0, 0, 5, 6, 7, 8, 9, 10);
    assertThat(backend.events("request")).containsExactly(expectedSummary());
    if (hasMetrics()) {
      assertThat(backend.counted()).isEqualTo(1);
    }
  }

  @Test
  void executionsAlternatingBetweenTwoPooledConnectionsAreOneRun() throws Exception {
    try (HikariDataSource pool = HikariPoolContract.pool(db, 2);
        Connection first = pool.getConnection();
        Connection second = pool.getConnection()) {
      assertThat(first.unwrap(db.realConnectionType))
          .isNotSameAs(second.unwrap(db.realConnectionType));
      Parent request = backend.start("request");
      try (AutoCloseable current = request.makeCurrent()) {
        for (int id = 1; id <= 10; id++) {
          selectById(id % 2 == 0 ? first : second, table, id);
        }
      }
      request.end();
    }

    assertThat(backend.flags()).containsExactly(0, 0, 0, 0, 5, 6, 7, 8, 9, 10);
    assertThat(backend.events("request")).containsExactly(expectedSummary());
  }

  @Test
  void fourExecutionsFlagNothing() throws Exception {
    Parent request = backend.start("request");
    try (AutoCloseable current = request.makeCurrent()) {
      selectByIdTimes(connection, 4);
    }
    request.end();

    assertThat(backend.flags()).containsExactly(0, 0, 0, 0);
    assertThat(backend.events("request")).isEmpty();
  }

  @Test
  void fourAndFourUnderTwoParentsFlagNothing() throws Exception {
    for (String name : List.of("first", "second")) {
      Parent request = backend.start(name);
      try (AutoCloseable current = request.makeCurrent()) {
        selectByIdTimes(connection, 4);
      }
      request.end();
    }

    assertThat(backend.flags()).hasSize(8).containsOnly(0);
  }

  @Test
  void tenExecutionsWithoutAParentFlagNothing() throws Exception {
    selectByIdTimes(connection, 10);

    assertThat(backend.flags()).hasSize(10).containsOnly(0);
    if (hasMetrics()) {
      assertThat(backend.counted()).isZero();
    }
  }

  @Test
  void aBatchOfAHundredIsOneExecution() throws Exception {
    Parent request = backend.start("request");
    try (AutoCloseable current = request.makeCurrent();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
      for (int id = 1; id <= 100; id++) {
        insert.setInt(1, id);
        insert.setString(2, "n" + id);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    request.end();

    assertThat(backend.flags()).containsExactly(0);
    assertThat(backend.events("request")).isEmpty();
  }

  @Test
  void aThresholdOfZeroFlagsNothing() throws Exception {
    try (Connection off = db.connect("nPlusOneThreshold=0")) {
      backend.forget();
      Parent request = backend.start("request");
      try (AutoCloseable current = request.makeCurrent()) {
        selectByIdTimes(off, 10);
      }
      request.end();
    }

    assertThat(backend.flags()).hasSize(10).containsOnly(0);
    assertThat(backend.events("request")).isEmpty();
  }

  @Test
  void aListPageThatLoadsEachOwnersPetsIsFlagged() throws Exception {
    String pets = "tck_" + Database.uniqueSuffix();
    execute(
        "CREATE TABLE " + pets + " (id INTEGER PRIMARY KEY, owner_id INTEGER, name VARCHAR(50))");
    for (int owner = 1; owner <= 6; owner++) {
      update("INSERT INTO " + table + " (id, name) VALUES (" + owner + ", 'owner " + owner + "')");
      update(
          "INSERT INTO "
              + pets
              + " (id, owner_id, name) VALUES ("
              + owner
              + ", "
              + owner
              + ", 'pet')");
    }
    backend.forget();
    Parent page = backend.start("GET /owners");
    try (AutoCloseable current = page.makeCurrent();
        Statement s = connection.createStatement()) {
      List<Integer> owners = new ArrayList<>();
      try (ResultSet rows = s.executeQuery("SELECT id, name FROM " + table + " ORDER BY id")) {
        while (rows.next()) {
          owners.add(rows.getInt(1));
        }
      }
      for (int owner : owners) {
        try (ResultSet rows =
            s.executeQuery("SELECT id, name FROM " + pets + " WHERE owner_id = " + owner)) {
          while (rows.next()) {
            rows.getString(2);
          }
        }
      }
    } finally {
      page.end();
      execute("DROP TABLE " + pets);
    }

    assertThat(backend.flags().subList(0, 7)).containsExactly(0, 0, 0, 0, 0, 5, 6);
    assertThat(backend.events("GET /owners")).hasSize(1);
  }

  @Test
  void aParentThatEndedGetsNoEvent() throws Exception {
    Parent request = backend.start("request");
    connection.setAutoCommit(false);
    request.mark(connection);
    request.end();
    selectByIdTimes(connection, 5);
    connection.commit();

    assertThat(backend.flags()).startsWith(0, 0, 0, 0, 5);
    assertThat(backend.events("request")).isEmpty();
  }

  /** The summary the N+1 event of a run of {@link #selectById} names. */
  String expectedSummary() {
    return hasMetrics() ? "SELECT " + table : "select SELECT name FROM " + table + " WHERE id = ?";
  }

  void selectByIdTimes(Connection on, int times) throws SQLException {
    for (int i = 1; i <= times; i++) {
      selectById(on, table, i);
    }
  }

  /** A prepared select of one row, as an ORM's lazy load runs it. */
  static void selectById(Connection on, String table, int id) throws SQLException {
    try (PreparedStatement select =
        on.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
      select.setInt(1, id);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
      }
    }
  }
}
