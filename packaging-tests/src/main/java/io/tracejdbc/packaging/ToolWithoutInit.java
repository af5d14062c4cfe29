package io.tracejdbc.packaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a tool does with the driver: no {@code TracingDriver.init}, only DriverManager and a URL,
 * here twice, each time on a new connection.
 */
public final class ToolWithoutInit {
  private ToolWithoutInit() {}

  public static void main(String[] args) throws SQLException {
    for (int i = 1; i <= 2; i++) {
      try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
          Statement s = c.createStatement()) {
        s.executeQuery("SELECT " + i).close();
      }
      System.out.println("connection " + i + " done");
    }
  }
}
