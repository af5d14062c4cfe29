package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * One data source that hands out connections to several databases (Spring's {@code
 * AbstractRoutingDataSource}, a tenant per database): each connection's spans say its own database
 * and its text is sanitized as its own database reads it.
 */
class RoutingDataSourceTest extends MockTracing {
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  /** PostgreSQL reads {@code E'it\'s'} as one string; SQLite would read the rest as code. */
  private static final String ESCAPE_STRING = "SELECT E'it\\'s', 'o''brien@example.com'";

  @Test
  void eachConnectionHasItsOwnDatabasesFactsAndDialect() throws SQLException {
    Router router = new Router(Map.of("sqlite", "jdbc:sqlite::memory:", "postgres", POSTGRES));
    DataSource traced = new TracingDataSource(router);

    router.tenant = "sqlite";
    try (Connection c = traced.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    }
    router.tenant = "postgres";
    try (Connection c = connectOrSkip(traced);
        Statement s = c.createStatement()) {
      s.execute(ESCAPE_STRING);
    }

    assertThat(spans().get(0).tags()).containsEntry("db.system", "sqlite");
    assertThat(spans().get(1).tags())
        .containsEntry("db.system", "postgresql")
        .containsEntry("db.instance", "test")
        .containsEntry("peer.port", 5432)
        .containsEntry("db.statement", "SELECT ?, ?");
  }

  private static Connection connectOrSkip(DataSource dataSource) throws SQLException {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      return ServerRequired.unreachable(POSTGRES, e);
    }
  }

  /** Connections to the database of the current tenant, as a routing data source hands out. */
  private static final class Router implements DataSource {
    private final Map<String, String> urlByTenant;
    String tenant;

    Router(Map<String, String> urlByTenant) {
      this.urlByTenant = urlByTenant;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(urlByTenant.get(tenant));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("the tenant's own user only");
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
