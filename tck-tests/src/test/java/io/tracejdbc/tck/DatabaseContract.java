package io.tracejdbc.tck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a contract's every test starts from: a traced connection to the database its subclass names
 * and a table of its own, dropped afterwards so that runs can repeat on the same servers.
 */
abstract class DatabaseContract {
  Database db;
  Connection connection;
  String table;

  /** The database this run is about. */
  abstract Database database();

  /** Installs the contract's tracing, before the connection opens. */
  abstract void installTracing();

  /** Forgets the spans that setting up made. */
  abstract void forgetSpans();

  @BeforeEach
  void openConnectionAndTable() throws SQLException {
    db = database();
    db.assumeAvailable();
    installTracing();
    connection = db.connect();
    table = "tck_" + Database.uniqueSuffix();
    execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name VARCHAR(50))");
    forgetSpans();
  }

  @AfterEach
  void dropTableAndClose() throws SQLException {
    if (connection == null) {
      return;
    }
    try (Connection c = connection) {
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
      execute("DROP TABLE " + table);
    }
  }

  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  int update(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    }
  }

  void query(String sql) throws SQLException {
    query(connection, sql);
  }

  static void query(Connection on, String sql) throws SQLException {
    try (Statement statement = on.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        rows.getObject(1);
      }
    }
  }
}
