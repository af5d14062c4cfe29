package io.tracejdbc.packaging;

import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteDataSource;

/**
 * An application whose only traced connections are those of a data source given its own tracer (as
 * the Spring Boot starter does): never a statement without a tracer.
 */
public final class DataSourceWithOwnTracer {
  private DataSourceWithOwnTracer() {}

  public static void main(String[] args) throws SQLException {
    MockTracer tracer = new MockTracer();
    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl("jdbc:sqlite::memory:");
    try (Connection c = new TracingDataSource(sqlite, tracer).getConnection();
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1").close();
    }
    System.out.println("spans: " + tracer.finishedSpans().size());
  }
}
