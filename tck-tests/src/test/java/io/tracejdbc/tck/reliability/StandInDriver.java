package io.tracejdbc.tck.reliability;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A driver for the URL forms of databases whose drivers the kit does not ship (MySQL, SQL Server,
 * jTDS, Oracle, Db2, Derby, HSQLDB): it answers each with a real in-memory SQLite connection, so
 * that tracejdbc parses the vendor's URL and traces real statements.
 */
final class StandInDriver implements Driver {
  private static final List<String> PREFIXES =
      List.of(
          "jdbc:mysql:",
          "jdbc:sqlserver:",
          "jdbc:jtds:",
          "jdbc:oracle:",
          "jdbc:db2:",
          "jdbc:derby:",
          "jdbc:hsqldb:");

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    return acceptsURL(url) ? DriverManager.getConnection("jdbc:sqlite::memory:") : null;
  }

  @Override
  public boolean acceptsURL(String url) {
    return PREFIXES.stream().anyMatch(url::startsWith);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }
}
