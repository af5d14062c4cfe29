package io.tracejdbc.packaging;

import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDriver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs statements of many kinds through {@code jdbc:tracing:sqlite} with a MockTracer and prints
 * each span's name ({@code span: create-table}, ...).
 */
public final class TracedStatements {
  static final List<String> SQL =
      List.of(
          "CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, stock INTEGER)",
          "CREATE TABLE audit (book_id INTEGER, stock INTEGER)",
          "CREATE INDEX books_title ON books (title)",
          "CREATE VIEW in_stock AS SELECT * FROM books WHERE stock > 0",
          "CREATE TRIGGER books_audit AFTER UPDATE ON books"
              + " BEGIN INSERT INTO audit VALUES (new.id, new.stock); END",
          "INSERT INTO books VALUES (1, 'Dune', 3)",
          "INSERT INTO books (id, title, stock) SELECT 2, 'Emma', 0",
          "INSERT INTO books VALUES (1, 'Dune', 4)"
              + " ON CONFLICT (id) DO UPDATE SET stock = excluded.stock",
          "REPLACE INTO books VALUES (3, 'Ulysses', 1)",
          "WITH cheap AS (SELECT id FROM books WHERE stock < 2) SELECT * FROM cheap",
          "SELECT b.title, a.stock FROM books b LEFT JOIN audit a ON a.book_id = b.id",
          "SELECT count(*) FROM in_stock",
          "UPDATE books SET stock = stock - 1 WHERE id = 1",
          "DELETE FROM books WHERE stock = 0",
          "ALTER TABLE books ADD COLUMN isbn TEXT",
          "DROP VIEW in_stock",
          "DROP INDEX books_title",
          "DROP TRIGGER books_audit",
          "DROP TABLE audit");

  private TracedStatements() {}

  public static void main(String[] args) throws SQLException {
    run();
  }

  static void run() throws SQLException {
    MockTracer tracer = new MockTracer();
    TracingDriver.init(tracer);
    try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
        Statement s = c.createStatement()) {
      for (String sql : SQL) {
        s.execute(sql);
      }
    }
    for (MockSpan span : tracer.finishedSpans()) {
      System.out.println("span: " + span.operationName());
    }
  }
}
