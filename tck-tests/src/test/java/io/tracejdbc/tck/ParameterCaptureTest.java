package io.tracejdbc.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.driver.TracingOptions;
import java.io.ByteArrayInputStream;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code captureParameters} on SQLite, PostgreSQL and MariaDB through both backends: the values
 * bound to a prepared statement become {@code db.query.parameter.<0-based index>}, strings cut to
 * 256 characters, binary values and streams shown by their length only, SQL NULL as {@code null};
 * batches show none (the conventions: not on batch operations).
 */
class ParameterCaptureTest {
  private static final String PREFIX = "db.query.parameter.";

  static Stream<Arguments> databasesAndBackends() {
    return SqlCommenterTest.databasesAndBackends();
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("databasesAndBackends")
  void theValuesBoundToAPreparedStatementAreOnItsSpan(Database db, Backend backend)
      throws SQLException {
    db.assumeAvailable();
    backend.install(TracingOptions.builder().captureParameters(true).build());

    try (Connection connection = db.connect()) {
      backend.reset();
      try (PreparedStatement select = connection.prepareStatement("SELECT ?, ?, ?, ?, ?")) {
        select.setInt(1, 42);
        select.setString(2, "x".repeat(300));
        select.setNull(3, Types.VARCHAR);
        select.setBytes(4, new byte[] {1, 2, 3});
        select.setBinaryStream(5, new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), 4);
        drain(select.executeQuery());
      }
    }

    assertThat(parameters(backend.spans().get(0)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                PREFIX + "0", "42",
                PREFIX + "1", "x".repeat(256) + "...",
                PREFIX + "2", "null",
                PREFIX + "3", "<binary 3 bytes>",
                PREFIX + "4", "<stream 4 bytes>"));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("databasesAndBackends")
  void valuesStayUntilClearedAndBatchesShowNone(Database db, Backend backend) throws SQLException {
    db.assumeAvailable();
    String table = "tck_params_" + Database.uniqueSuffix();
    try (Connection connection = db.connect("captureParameters=true")) {
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name VARCHAR(50))");
      }
      backend.install(TracingOptions.defaults());
      try {
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
          for (int id = 1; id <= 3; id++) {
            insert.setInt(1, id);
            insert.setString(2, "n" + id);
            insert.addBatch();
          }
          insert.executeBatch();
        }
        try (PreparedStatement select =
            connection.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
          select.setInt(1, 2);
          drain(select.executeQuery());
          drain(select.executeQuery());
          select.clearParameters();
          select.setLong(1, 3L);
          drain(select.executeQuery());
        }
      } finally {
        try (Statement drop = connection.createStatement()) {
          drop.execute("DROP TABLE " + table);
        }
      }
    }

    assertThat(backend.spans().subList(0, 4))
        .extracting(ParameterCaptureTest::parameters)
        .containsExactly(
            Map.of(),
            Map.of(PREFIX + "0", "2"),
            Map.of(PREFIX + "0", "2"),
            Map.of(PREFIX + "0", "3"));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("databasesAndBackends")
  void offByDefaultSpansHaveNoParameters(Database db, Backend backend) throws SQLException {
    db.assumeAvailable();
    backend.install(TracingOptions.defaults());

    try (Connection connection = db.connect();
        PreparedStatement select = connection.prepareStatement("SELECT ?")) {
      backend.reset();
      select.setString(1, "secret");
      drain(select.executeQuery());
    }

    assertThat(backend.spans()).hasSize(1);
    assertThat(parameters(backend.spans().get(0))).isEmpty();
  }

  @ParameterizedTest(name = "PostgreSQL, {0}")
  @MethodSource("io.tracejdbc.tck.Backend#both")
  void aCallableStatementShowsItsInParametersByIndex(Backend backend) throws SQLException {
    Database db = Database.postgresql();
    db.assumeAvailable();
    backend.install(TracingOptions.defaults());

    String upper;
    try (Connection connection = db.connect("captureParameters=true");
        CallableStatement call = connection.prepareCall("{? = call upper(?)}")) {
      backend.reset();
      call.registerOutParameter(1, Types.VARCHAR);
      call.setString(2, "abc");
      call.execute();
      upper = call.getString(1);
    }

    assertThat(upper).isEqualTo("ABC");
    assertThat(parameters(backend.spans().get(0))).isEqualTo(Map.of(PREFIX + "1", "abc"));
  }

  static Map<String, Object> parameters(Backend.Recorded span) {
    return span.attributes().entrySet().stream()
        .filter(e -> e.getKey().startsWith(PREFIX))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static void drain(ResultSet rows) throws SQLException {
    try (rows) {
      while (rows.next()) {
        rows.getObject(1);
      }
    }
  }
}
