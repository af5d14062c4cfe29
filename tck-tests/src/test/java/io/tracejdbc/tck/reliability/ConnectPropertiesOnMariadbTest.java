package io.tracejdbc.tck.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opentracing.mock.MockTracer;
import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.tck.Servers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connect properties whose values are not text (as HikariCP's {@code addDataSourceProperty} passes
 * them) reach MariaDB Connector/J through tracejdbc as they do without it: {@code
 * useServerPrepStmts=true} makes the server prepare the statement.
 */
class ConnectPropertiesOnMariadbTest {
  private static final String REAL_URL = "jdbc:mariadb://127.0.0.1:3306/test";
  private static final String TRACING_URL = "jdbc:tracing:mariadb://127.0.0.1:3306/test";

  private final MockTracer tracer = new MockTracer();

  @BeforeEach
  void installTracer() {
    Servers.assumeReachable("MariaDB", "127.0.0.1", 3306);
    TracingDriver.init(tracer);
  }

  @AfterEach
  void restoreGlobalTracer() {
    TracingDriver.init(GlobalTracer.get());
  }

  @Test
  void aBooleanPropertyReachesTheRealDriverAsItDoesWithoutTracejdbc() throws SQLException {
    try (Connection raw = DriverManager.getConnection(REAL_URL, serverPrepared())) {
      assertThat(serverPreparesOfOneStatement(raw)).isEqualTo(1);
    }
    try (Connection traced = DriverManager.getConnection(TRACING_URL, serverPrepared())) {
      assertThat(serverPreparesOfOneStatement(traced)).isEqualTo(1);
    }
    assertThat(tracer.finishedSpans()).isNotEmpty();
  }

  @Test
  void hikarisUnconvertedDataSourcePropertiesReachTheRealDriver() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(TRACING_URL);
    config.setUsername("root");
    config.addDataSourceProperty("useServerPrepStmts", true);
    config.setMaximumPoolSize(1);
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection c = pool.getConnection()) {
      assertThat(serverPreparesOfOneStatement(c)).isEqualTo(1);
    }
  }

  private static Properties serverPrepared() {
    Properties info = new Properties();
    info.setProperty("user", "root");
    info.put("useServerPrepStmts", Boolean.TRUE);
    return info;
  }

  /** How many statements the server prepared for one prepared query on {@code c}. */
  private static long serverPreparesOfOneStatement(Connection c) throws SQLException {
    long before = serverPrepares(c);
    try (PreparedStatement ps = c.prepareStatement("SELECT ? + 1")) {
      ps.setInt(1, 41);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
    }
    return serverPrepares(c) - before;
  }

  private static long serverPrepares(Connection c) throws SQLException {
    try (ResultSet rs =
        c.createStatement().executeQuery("SHOW SESSION STATUS LIKE 'Com_stmt_prepare'")) {
      rs.next();
      return rs.getLong(2);
    }
  }
}
