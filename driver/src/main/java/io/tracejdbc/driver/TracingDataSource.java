package io.tracejdbc.driver;

import io.opentracing.Tracer;
import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.opentracing.OpenTracingTelemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections are traced like those of a {@code jdbc:tracing:} URL: the
 * same spans, tags, options and registry ({@link TracingDriver#setParentSpan} and the rest). For
 * pools and frameworks that are configured with a {@code DataSource} object rather than a URL.
 *
 * <pre>{@code
 * PGSimpleDataSource postgres = new PGSimpleDataSource();
 * postgres.setUrl("jdbc:postgresql://db.example/shop");
 *
 * DataSource traced = new TracingDataSource(postgres);          // the options of TracingDriver.init
 * DataSource quiet = new TracingDataSource(postgres, TracingOptions.builder()
 *     .traceAllQueries(false)                                   // only marked statements
 *     .build());                                                // other options: the global ones
 * DataSource own = new TracingDataSource(postgres, tracer);     // this tracer, whatever init sets
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
 * <p>Its connections use the tracer of the latest {@link TracingDriver#init}, even those opened
 * before it, unless it was given its own tracer. The database facts ({@code db.system}, {@code
 * db.instance}, {@code peer.*}) come from {@link DatabaseMetaData#getURL()}; {@code db.user} is the
 * user a connection was asked for ({@link #getConnection(String, String)}, {@link
 * ConnectionBuilder#user}), else {@link DatabaseMetaData#getUserName()}. They are each connection's
 * own, so a routing data source (Spring's {@code AbstractRoutingDataSource}, one per tenant) gets
 * each database's tags and dialect; they are read once per URL and user.
 *
 * <p>With {@code traceConnectionAcquisition}, each {@code getConnection} (and {@link
 * ConnectionBuilder#build}) is a span of its own under the current span, named after the class of
 * the wrapped data source: {@code HikariDataSource.getConnection}. It shows how long the pool made
 * the caller wait, and the error when it gave up.
 */
public final class TracingDataSource implements DataSource {
  private final DataSource delegate;

  /** Where its spans go; null: where those of the latest {@link TracingDriver#init} go. */
  private final Telemetry<?> telemetry;

  private final TracingOptions options;

  /** How many URLs (and users) {@link #factsByUrl} holds before it starts over. */
  private static final int KNOWN_URLS = 64;

  /** The facts of connections by their URL, and the user asked for if any. */
  private final ConcurrentHashMap<String, DbInfo> factsByUrl = new ConcurrentHashMap<>();

  /** The name of the span of a {@code getConnection}: {@code <class>.getConnection}. */
  private final String acquisitionName;

  /**
   * Traces the connections of {@code delegate} with the tracer and global options of {@link
   * TracingDriver#init}; its trace-all toggles apply at once, as they do to URL connections.
   */
  public TracingDataSource(DataSource delegate) {
    this(delegate, TracingOptions.defaults());
  }

  /**
   * Traces the connections of {@code delegate} with {@code options}, which override those of {@link
   * TracingDriver#init} that they set, as a URL's options do: {@code
   * builder().slowQueryThresholdMs(200).build()} keeps every other global option.
   */
  public TracingDataSource(DataSource delegate, TracingOptions options) {
    this(delegate, (Telemetry<?>) null, options);
  }

  /**
   * Traces the connections of {@code delegate} with {@code tracer}, whatever {@link
   * TracingDriver#init} installs, and the global options.
   */
  public TracingDataSource(DataSource delegate, Tracer tracer) {
    this(delegate, tracer, TracingOptions.defaults());
  }

  /**
   * Traces the connections of {@code delegate} with {@code tracer}, whatever {@link
   * TracingDriver#init} installs, and {@code options} over the global ones.
   */
  public TracingDataSource(DataSource delegate, Tracer tracer, TracingOptions options) {
    this(delegate, new OpenTracingTelemetry(Objects.requireNonNull(tracer, "tracer")), options);
  }

  /** Spans of its connections go to {@code telemetry}, or those of init when it is null. */
  TracingDataSource(DataSource delegate, Telemetry<?> telemetry, TracingOptions options) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.telemetry = telemetry;
    this.options = Objects.requireNonNull(options, "options");
    this.acquisitionName = simpleName(delegate.getClass()) + ".getConnection";
  }

  @Override
  public Connection getConnection() throws SQLException {
    return trace(acquire(delegate::getConnection), null);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return trace(acquire(() -> delegate.getConnection(username, password)), username);
  }

  /** A builder of the real data source, whose connections are traced. */
  @Override
  public ConnectionBuilder createConnectionBuilder() throws SQLException {
    ConnectionBuilder real = delegate.createConnectionBuilder();
    return new ConnectionBuilder() {
      private String user;

      @Override
      public ConnectionBuilder user(String username) {
        real.user(username);
        user = username;
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
        return trace(acquire(real::build), user);
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

  /**
   * The connection {@code call} gets from the real data source: within a span when {@code
   * traceConnectionAcquisition} is on (this data source's setting, else the global one) and, with
   * {@code traceWithActiveSpanOnly}, a span is current.
   */
  private Connection acquire(Execution.Call<Connection> call) throws SQLException {
    TracingDriver.Settings current = TracingDriver.settings();
    TracingOptions global = current.options;
    boolean traced =
        options.sets(TracingOptions.TRACE_CONNECTION_ACQUISITION)
            ? options.traceConnectionAcquisition()
            : global.traceConnectionAcquisition();
    if (!traced) {
      return call.call();
    }
    TracingOptions merged = options.over(global);
    @SuppressWarnings("unchecked")
    Telemetry<Object> spans =
        (Telemetry<Object>) (telemetry != null ? telemetry : current.telemetry);
    boolean withoutParent;
    try {
      withoutParent = merged.traceWithActiveSpanOnly() && !spans.hasCurrentSpan();
    } catch (Throwable t) {
      Execution.TracerFailures.report(t);
      return call.call();
    }
    if (withoutParent) {
      return call.call();
    }
    boolean raw = merged.statementText() == TracingOptions.StatementText.RAW;
    return ConnectionAcquisition.traced(spans, acquisitionName, raw, call);
  }

  /** A class's simple name; an anonymous or hidden class's is the end of its full name. */
  private static String simpleName(Class<?> type) {
    String simple = type.getSimpleName();
    if (!simple.isEmpty()) {
      return simple;
    }
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** {@code real}, traced; {@code user} is the one it was asked for, or null for the own one. */
  private Connection trace(Connection real, String user) {
    TracingDriver.Settings current = TracingDriver.settings();
    return new TracingConnection(
        real, new ConnectionConfig(telemetry, current.options, options, facts(real, user)));
  }

  /**
   * The database facts of {@code real}, with {@code user} as db.user, read from its URL, which the
   * metadata gives without a round trip; known ones are reused, since {@link
   * DatabaseMetaData#getUserName()} may cost one (SQL Server). Metadata that fails costs the
   * connection some tags, never the connection itself.
   */
  private DbInfo facts(Connection real, String user) {
    try {
      DatabaseMetaData metaData = real.getMetaData();
      String url = metaData.getURL();
      String key = url == null || user == null ? url : url + '\n' + user;
      DbInfo known = key == null ? null : factsByUrl.get(key);
      if (known != null) {
        return known;
      }
      Properties info = new Properties();
      String name = user != null ? user : metaData.getUserName();
      if (name != null) {
        info.setProperty("user", name);
      }
      DbInfo facts = DbInfo.parse(url, info);
      if (key != null) {
        if (factsByUrl.size() >= KNOWN_URLS) {
          factsByUrl.clear();
        }
        factsByUrl.put(key, facts);
      }
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
