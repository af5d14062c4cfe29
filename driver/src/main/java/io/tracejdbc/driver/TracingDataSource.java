package io.tracejdbc.driver;

import io.tracejdbc.driver.url.DbInfo;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.sql.ShardingKeyBuilder;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections are traced like those of a {@code jdbc:tracing:} URL:
 * the same spans, tags, options and registry ({@link TracingDriver#setParentSpan} and the rest).
 * For pools and frameworks that are configured with a {@code DataSource} object rather than a
 * URL.
 *
 * <pre>{@code
 * PGSimpleDataSource postgres = new PGSimpleDataSource();
 * postgres.setUrl("jdbc:postgresql://db.example/shop");
 *
 * DataSource traced = new TracingDataSource(postgres);          // the options of TracingDriver.init
 * DataSource quiet = new TracingDataSource(postgres, TracingOptions.builder()
 *     .traceAllQueries(false)                                   // only marked statements
 *     .build());
 *
 * try (Connection c = traced.getConnection()) {
 *   c.createStatement().executeQuery("SELECT * FROM books");    // a "select" span
 * }
 *
 * // a pool over it: the pool's connections are traced, its proxies unwrap for the registry
 * HikariConfig pool = new HikariConfig();
 * pool.setDataSource(traced);
 * }</pre>
 *
 * <p>The tracer is the one of the latest {@link TracingDriver#init} when a connection opens. The
 * database facts ({@code db.system}, {@code db.instance}, {@code db.user}, {@code peer.*}) are read
 * once, from the first connection's {@link DatabaseMetaData#getURL()} and {@link
 * DatabaseMetaData#getUserName()}.
 */
public final class TracingDataSource implements DataSource {
  private final DataSource delegate;
  private final TracingOptions options;
  private volatile DbInfo db;

  /**
   * Traces the connections of {@code delegate} with the global options of {@link
   * TracingDriver#init}; its trace-all toggles apply at once, as they do to URL connections.
   */
  public TracingDataSource(DataSource delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.options = null;
  }

  /**
   * Traces the connections of {@code delegate} with {@code options}, which win over the global
   * ones as a URL's options do.
   */
  public TracingDataSource(DataSource delegate, TracingOptions options) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return trace(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return trace(delegate.getConnection(username, password));
  }

  /** A builder of the real data source, whose connections are traced. */
  @Override
  public ConnectionBuilder createConnectionBuilder() throws SQLException {
    ConnectionBuilder real = delegate.createConnectionBuilder();
    return new ConnectionBuilder() {
      @Override
      public ConnectionBuilder user(String username) {
        real.user(username);
        return this;
      }

      @Override
      public ConnectionBuilder password(String password) {
        real.password(password);
        return this;
      }

      @Override
      public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
        real.shardingKey(shardingKey);
        return this;
      }

      @Override
      public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
        real.superShardingKey(superShardingKey);
        return this;
      }

      @Override
      public Connection build() throws SQLException {
        return trace(real.build());
      }
    };
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, delegate, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return Wrappers.isWrapperFor(this, delegate, iface);
  }

  @Override
  public String toString() {
    return "TracingDataSource wrapping " + delegate;
  }

  private Connection trace(Connection real) {
    TracingDriver.Settings current = TracingDriver.settings();
    DbInfo facts = dbInfo(real);
    ConnectionConfig config = options == null
        ? new ConnectionConfig(current.tracer, current.options, facts, null, null)
        : new ConnectionConfig(current.tracer, options, facts,
            options.traceAllConnections(), options.traceAllQueries());
    return new TracingConnection(real, config);
  }

  /**
   * The database facts, read once from the first connection whose metadata answers (a race reads
   * them twice, harmlessly). Metadata that fails costs the connection some tags, never the
   * connection itself.
   */
  private DbInfo dbInfo(Connection real) {
    DbInfo facts = db;
    if (facts != null) {
      return facts;
    }
    try {
      DatabaseMetaData metaData = real.getMetaData();
      Properties info = new Properties();
      String user = metaData.getUserName();
      if (user != null) {
        info.setProperty("user", user);
      }
      facts = DbInfo.parse(metaData.getURL(), info);
      db = facts;
      return facts;
    } catch (SQLException | RuntimeException e) {
      return DbInfo.parse(null, null);
    }
  }

  // Plain delegation, in the order of javax.sql.CommonDataSource.

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public ShardingKeyBuilder createShardingKeyBuilder() throws SQLException {
    return delegate.createShardingKeyBuilder();
  }
}
