package io.tracejdbc.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.driver.TracingOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sqlCommenter} on SQLite, PostgreSQL and MariaDB through both backends: the database gets
 * the statement with its span's trace context appended as a sqlcommenter comment, read back from
 * the database itself (PostgreSQL's {@code current_query()}, MariaDB's {@code PROCESSLIST.INFO} of
 * the session); spans show the statement as written. SQLite cannot show what it got: there the
 * statements must run and their spans stay as they were.
 */
class SqlCommenterTest {
  static Stream<Arguments> databasesAndBackends() {
    List<Arguments> all = new ArrayList<>();
    for (Database db :
        List.of(Database.sqliteMemory(), Database.postgresql(), Database.mariadb())) {
      for (Backend backend : Backend.both()) {
        all.add(Arguments.of(db, backend));
      }
    }
    return all.stream();
  }

  /** A query whose one value is its own text as the database got it; null for SQLite. */
  static String selfQuery(Database db) {
    switch (db.system) {
      case "postgresql":
        return "SELECT current_query()";
      case "mariadb":
        return "SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()";
      default:
        return null;
    }
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("databasesAndBackends")
  void aStatementReachesTheDatabaseWithItsOwnSpansTraceContext(Database db, Backend backend)
      throws SQLException {
    db.assumeAvailable();
    backend.install(TracingOptions.defaults());
    String sql = selfQuery(db) != null ? selfQuery(db) : "SELECT 1";

    String seen;
    try (Connection commented = db.connect("sqlCommenter=true");
        Connection plain = db.connect();
        Statement withComment = commented.createStatement();
        Statement without = plain.createStatement()) {
      backend.reset();
      seen = firstValue(withComment.executeQuery(sql));
      firstValue(without.executeQuery(sql));
    }

    assertThat(backend.spans()).hasSize(2);
    Backend.Recorded span = backend.spans().get(0);
    if (selfQuery(db) != null) {
      assertThat(seen).isEqualTo(sql + " " + backend.commentOf(span));
    }
    Backend.Recorded uncommented = backend.spans().get(1);
    assertThat(span.name()).isEqualTo(uncommented.name());
    assertThat(span.attributes()).isEqualTo(uncommented.attributes());
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("databasesAndBackends")
  void aPreparedStatementCarriesTheContextCurrentWhenItWasPrepared(Database db, Backend backend)
      throws SQLException {
    db.assumeAvailable();
    backend.install(TracingOptions.defaults());
    String sql = selfQuery(db) != null ? selfQuery(db) : "SELECT 1";

    String seen;
    try (Connection connection = db.connect("sqlCommenter=true")) {
      backend.reset();
      try (Backend.Parent request = backend.activate("request");
          PreparedStatement statement = connection.prepareStatement(sql)) {
        seen = firstValue(statement.executeQuery());
      }
    }

    Backend.Recorded request = backend.named("request").get(0);
    Backend.Recorded query = backend.spans().get(0);
    assertThat(query.parentSpanId()).isEqualTo(request.spanId());
    if (selfQuery(db) != null) {
      assertThat(seen).isEqualTo(sql + " " + backend.commentOf(request));
    }
    assertThat(query.attributes().toString()).doesNotContain("/*");
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("databasesAndBackends")
  void aConnectionsMarkIsTheContextOfWhatItPrepares(Database db, Backend backend)
      throws SQLException {
    db.assumeAvailable();
    backend.install(TracingOptions.defaults());
    String sql = selfQuery(db) != null ? selfQuery(db) : "SELECT 1";

    String seen;
    try (Connection connection = db.connect("sqlCommenter=true")) {
      backend.reset();
      try (Backend.Parent job = backend.mark(connection, "job");
          PreparedStatement statement = connection.prepareStatement(sql)) {
        seen = firstValue(statement.executeQuery());
      }
    }

    Backend.Recorded job = backend.named("job").get(0);
    assertThat(backend.spans().get(0).parentSpanId()).isEqualTo(job.spanId());
    if (selfQuery(db) != null) {
      assertThat(seen).isEqualTo(sql + " " + backend.commentOf(job));
    }
  }

  @ParameterizedTest(name = "PostgreSQL, {0}")
  @MethodSource("io.tracejdbc.tck.Backend#both")
  void batchedStatementsCarryTheContextCurrentWhenAdded(Backend backend) throws SQLException {
    Database db = Database.postgresql();
    db.assumeAvailable();
    backend.install(TracingOptions.defaults());
    String table = "tck_commented_" + Database.uniqueSuffix();
    String insert = "INSERT INTO " + table + " SELECT current_query()";

    List<String> seen = new ArrayList<>();
    try (Connection connection = db.connect("sqlCommenter=true");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + table + " (q TEXT)");
      try {
        backend.reset();
        try (Backend.Parent request = backend.activate("request")) {
          statement.addBatch(insert);
          statement.addBatch(insert);
          statement.executeBatch();
        }
        try (ResultSet rows = statement.executeQuery("SELECT q FROM " + table)) {
          while (rows.next()) {
            seen.add(rows.getString(1));
          }
        }
      } finally {
        statement.execute("DROP TABLE " + table);
      }
    }

    String commented = insert + " " + backend.commentOf(backend.named("request").get(0));
    assertThat(seen).containsExactly(commented, commented);
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("databasesAndBackends")
  void aStatementThatEndsInACommentIsLeftAsWritten(Database db, Backend backend)
      throws SQLException {
    db.assumeAvailable();
    backend.install(TracingOptions.defaults());
    String sql = (selfQuery(db) != null ? selfQuery(db) : "SELECT 1") + " /* mine */";

    String seen;
    try (Connection connection = db.connect("sqlCommenter=true");
        Statement statement = connection.createStatement()) {
      seen = firstValue(statement.executeQuery(sql));
    }

    if (selfQuery(db) != null) {
      assertThat(seen).isEqualTo(sql);
    }
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("databasesAndBackends")
  void offByDefaultTheDatabaseGetsTheStatementsAsWritten(Database db, Backend backend)
      throws SQLException {
    db.assumeAvailable();
    backend.install(TracingOptions.defaults());
    String sql = selfQuery(db) != null ? selfQuery(db) : "SELECT 1";

    List<String> seen = new ArrayList<>();
    try (Connection connection = db.connect()) {
      try (Backend.Parent request = backend.activate("request")) {
        try (Statement statement = connection.createStatement()) {
          seen.add(firstValue(statement.executeQuery(sql)));
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          seen.add(firstValue(statement.executeQuery()));
        }
      }
    }

    if (selfQuery(db) != null) {
      assertThat(seen).containsExactly(sql, sql);
    }
    assertThat(backend.spans()).hasSize(3);
  }

  private static String firstValue(ResultSet rows) throws SQLException {
    try (rows) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }
}
