package io.tracejdbc.driver;

import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.Execution.TracerFailures;
import io.tracejdbc.driver.internal.DriverAccess;
import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.opentracing.OpenTracingTelemetry;
import io.tracejdbc.driver.internal.url.ConnectProperties;
import io.tracejdbc.driver.internal.url.ConnectionUrl;
import io.tracejdbc.driver.internal.url.DbInfo;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The {@code jdbc:tracing:} JDBC driver, and the registry that chooses what it traces.
 *
 * <p>Put {@code tracing:} after {@code jdbc:} in any JDBC URL and every statement becomes an
 * OpenTracing span named after what it does ({@code select}, {@code insert}, {@code create-table},
 * ...):
 *
 * <pre>{@code
 * TracingDriver.init(tracer);
 * try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite:app.db")) {
 *   Statement s = c.createStatement();
 *   TracingDriver.setParentSpan(s, requestSpan);   // this execution only
 *   s.executeQuery("SELECT * FROM users");         // a "select" span, child of requestSpan
 *
 *   c.setAutoCommit(false);
 *   TracingDriver.setParentSpan(c, requestSpan);   // everything until commit or rollback
 *   s.executeUpdate("INSERT INTO users VALUES (1, 'John')");
 *   c.commit();
 * }
 * }</pre>
 *
 * <p>An execution is traced when its connection is traced ({@code traceAllConnections}, or {@link
 * #register}ed), and either {@code traceAllQueries} is on or the statement or its connection is
 * marked ({@link #setTraced}, {@link #setParentSpan}), unless it is ignored ({@code
 * ignoreForTracing}, SQLite {@code PRAGMA}) or {@code traceWithActiveSpanOnly} is on and it has no
 * parent. Its parent is the statement's mark, else the connection's, else the tracer's active span.
 * A statement mark lasts for the statement's next execution; a connection mark until its
 * transaction ends (commit, rollback, close, return to a pool; in auto-commit mode, the next
 * statement). The registry's targets are statements and connections of this driver, or objects that
 * {@code unwrap} to one (pool and ORM proxies). Options are described in {@link TracingOptions}.
 */
public final class TracingDriver implements Driver {

  /** The prefix of the URLs this driver accepts: {@value}. */
  public static final String URL_PREFIX = "jdbc:tracing:";

  private static final int MAJOR_VERSION = 0;
  private static final int MINOR_VERSION = 1;

  /**
   * Where spans go and the options, of the latest {@link #init}: read when a connection opens, when
   * a toggle is checked and when a span starts.
   */
  static final class Settings {
    final Telemetry<?> telemetry;
    final TracingOptions options;

    Settings(Telemetry<?> telemetry, TracingOptions options) {
      this.telemetry = telemetry;
      this.options = options;
    }
  }

  /** Until {@link #init}; the first traced statement replaces it, resolving the tracer once. */
  private static final Settings BEFORE_INIT =
      new Settings(new OpenTracingTelemetry(GlobalTracer.get()), TracingOptions.defaults());

  private static final Object SETTINGS_LOCK = new Object();

  private static volatile Settings settings = BEFORE_INIT;

  static {
    try {
      DriverManager.registerDriver(new TracingDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
    RivalDrivers.checkAtRegistration();
    DriverAccess.provide(new Access());
  }

  /**
   * For {@link java.util.ServiceLoader}; applications use {@link DriverManager} or the static API.
   */
  public TracingDriver() {}

  /**
   * Traces every statement of every connection with {@code tracer}, like sqlalchemy_opentracing's
   * {@code init_tracing(tracer)}. Until the first call, the tracer is {@link GlobalTracer#get()};
   * when no tracer is registered there, one that OpenTracing's {@code TracerResolver} finds, if
   * that library is on the class path, looked up once at the first traced statement.
   */
  public static void init(Tracer tracer) {
    init(tracer, TracingOptions.defaults());
  }

  /**
   * Sets the tracer and the two trace-all toggles, like sqlalchemy_opentracing's {@code
   * init_tracing(tracer, trace_all_engines, trace_all_queries)}: with {@code traceAllConnections}
   * false only {@link #register}ed connections are traced; with {@code traceAllQueries} false only
   * marked statements and connections are.
   */
  public static void init(Tracer tracer, boolean traceAllConnections, boolean traceAllQueries) {
    init(
        tracer,
        TracingOptions.builder()
            .traceAllConnections(traceAllConnections)
            .traceAllQueries(traceAllQueries)
            .build());
  }

  /**
   * Sets the tracer and the global options. The tracer applies at once to every connection, open or
   * not, except those of a {@link TracingDataSource} given its own. Connections opened afterwards
   * use the options (their URL's options win); the trace-all toggles apply at once to every
   * connection whose URL does not set them.
   */
  public static void init(Tracer tracer, TracingOptions options) {
    install(new OpenTracingTelemetry(Objects.requireNonNull(tracer, "tracer")), options);
  }

  /** Sends every connection's spans to {@code telemetry}, but those of a data source's own. */
  static void install(Telemetry<?> telemetry, TracingOptions options) {
    Settings replacement = new Settings(telemetry, Objects.requireNonNull(options, "options"));
    synchronized (SETTINGS_LOCK) {
      settings = replacement;
    }
    TracerFailures.newTracer();
  }

  /**
   * Traces {@code target} under {@code parent}: a statement for its next execution, a connection
   * until its transaction ends, like sqlalchemy_opentracing's {@code set_parent_span}.
   *
   * @param target a statement or connection of this driver, or a proxy that unwraps to one
   * @throws NullPointerException if {@code target} or {@code parent} is null
   * @throws IllegalArgumentException if {@code target} is not of this driver
   */
  public static void setParentSpan(Object target, Span parent) {
    Objects.requireNonNull(parent, "parent");
    mark(target, new Mark(parent));
  }

  /**
   * Traces {@code target} under the active span, if any: a statement for its next execution, a
   * connection until its transaction ends, like sqlalchemy_opentracing's {@code set_traced}.
   *
   * @throws NullPointerException if {@code target} is null
   * @throws IllegalArgumentException if {@code target} is not of this driver
   */
  public static void setTraced(Object target) {
    mark(target, Mark.UNPARENTED);
  }

  /**
   * Removes the mark of {@code target}, like sqlalchemy_opentracing's {@code clear_traced}: no
   * further tracing through it; spans already finished stay. A no-op on an unmarked target.
   *
   * @throws NullPointerException if {@code target} is null
   * @throws IllegalArgumentException if {@code target} is not of this driver
   */
  public static void clearTraced(Object target) {
    mark(target, null);
  }

  /**
   * Traces {@code connection} for its whole life even when {@code traceAllConnections} is off, like
   * sqlalchemy_opentracing's {@code register_engine}.
   *
   * @throws NullPointerException if {@code connection} is null
   * @throws IllegalArgumentException if it is not a connection of this driver
   */
  public static void register(Connection connection) {
    connectionOf(connection).setRegistered(true);
  }

  /** Undoes {@link #register}, like sqlalchemy_opentracing's {@code unregister_engine}. */
  public static void unregister(Connection connection) {
    connectionOf(connection).setRegistered(false);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionUrl parsed = ConnectionUrl.parse(url, TracingOptions.NAMES.keySet());
    if (!parsed.hasRealUrl()) {
      throw new SQLException(
          "No real JDBC URL after "
              + URL_PREFIX
              + " in '"
              + DbInfo.redact(url)
              + "': write it as "
              + URL_PREFIX
              + "<subprotocol>:..., e.g. jdbc:tracing:sqlite:app.db");
    }
    List<Map.Entry<String, String>> options = new ArrayList<>(parsed.options);
    Properties realInfo =
        ConnectProperties.forRealDriver(info, TracingOptions.NAMES.keySet(), options);
    RivalDrivers.checkOnce();
    Settings current = settings();
    ConnectionConfig config = configure(current, options, DbInfo.parse(parsed.realUrl, realInfo));
    Connection real = realDriver(parsed.realUrl, url).connect(parsed.realUrl, realInfo);
    if (real == null) {
      throw new SQLException("No JDBC driver accepts '" + DbInfo.redact(parsed.realUrl) + "'");
    }
    return new TracingConnection(real, config);
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(URL_PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return new DriverPropertyInfo[0];
    }
    ConnectionUrl parsed = ConnectionUrl.parse(url, TracingOptions.NAMES.keySet());
    List<DriverPropertyInfo> properties = new ArrayList<>();
    TracingOptions defaults = TracingOptions.defaults();
    for (TracingOptions.Option option : TracingOptions.NAMES.values()) {
      properties.add(option.propertyInfo(defaults));
    }
    if (parsed.hasRealUrl()) {
      Driver real = DriverManager.getDriver(parsed.realUrl);
      properties.addAll(Arrays.asList(real.getPropertyInfo(parsed.realUrl, info)));
    }
    return properties.toArray(new DriverPropertyInfo[0]);
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  /** False: compliance is the real driver's to claim. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("tracejdbc logs through System.Logger");
  }

  /** The latest init's options and telemetry; before any init, the defaults, unresolved. */
  static Settings settings() {
    return settings;
  }

  /**
   * Where connections without their own telemetry send spans: the latest init's; before any, the
   * default tracer, resolved (and its absence logged) when a traced statement first needs it.
   */
  static Telemetry<?> telemetry() {
    Settings current = settings;
    return (current != BEFORE_INIT ? current : resolveDefaultTracer()).telemetry;
  }

  private static Settings resolveDefaultTracer() {
    synchronized (SETTINGS_LOCK) {
      if (settings == BEFORE_INIT) {
        settings = new Settings(OpenTracingTelemetry.byDefault(), BEFORE_INIT.options);
      }
      return settings;
    }
  }

  /** The config of a connection: global options, then the URL's and the properties' on top. */
  static ConnectionConfig configure(
      Settings current, List<Map.Entry<String, String>> options, DbInfo db) throws SQLException {
    try {
      return new ConnectionConfig(null, current.options, TracingOptions.parse(options), db);
    } catch (IllegalArgumentException e) {
      throw new SQLException(e.getMessage(), "HY024", e);
    }
  }

  private static Driver realDriver(String realUrl, String url) throws SQLException {
    try {
      return DriverManager.getDriver(realUrl);
    } catch (SQLException e) {
      throw new SQLException(
          "No registered JDBC driver accepts '"
              + DbInfo.redact(realUrl)
              + "' (from '"
              + DbInfo.redact(url)
              + "'): put the database's driver on the class path",
          e.getSQLState(),
          e);
    }
  }

  private static void mark(Object target, Mark mark) {
    Object wrapper = wrapperOf(target);
    if (wrapper instanceof TracingStatement) {
      ((TracingStatement) wrapper).setMark(mark);
    } else {
      ((TracingConnection) wrapper).setMark(mark);
    }
  }

  private static TracingConnection connectionOf(Connection connection) {
    return (TracingConnection) wrapperOf(connection);
  }

  /** The tracejdbc statement or connection that {@code target} is or wraps. */
  private static Object wrapperOf(Object target) {
    Objects.requireNonNull(target, "target");
    if (target instanceof TracingStatement || target instanceof TracingConnection) {
      return target;
    }
    if (target instanceof Wrapper) {
      Wrapper wrapper = (Wrapper) target;
      Class<?> kind =
          target instanceof Statement ? TracingStatement.class : TracingConnection.class;
      try {
        if (wrapper.isWrapperFor(kind)) {
          return wrapper.unwrap(kind);
        }
      } catch (SQLException | RuntimeException e) {
        throw new IllegalArgumentException(
            "Could not unwrap "
                + target.getClass().getName()
                + " to a tracejdbc statement or connection: "
                + e.getMessage(),
            e);
      }
    }
    throw new IllegalArgumentException(
        "Expected a Statement or Connection of tracejdbc (a "
            + URL_PREFIX
            + " URL or TracingDataSource), or a proxy that unwraps to one; got "
            + target.getClass().getName());
  }

  /** The registry, as tracejdbc's other tracing APIs reach it. */
  private static final class Access extends DriverAccess {
    @Override
    public void init(Telemetry<?> telemetry, TracingOptions options) {
      install(Objects.requireNonNull(telemetry, "telemetry"), options);
    }

    @Override
    public void setParentSpan(Object target, Object parent) {
      mark(target, new Mark(Objects.requireNonNull(parent, "parent")));
    }

    @Override
    public DataSource dataSource(DataSource real, Telemetry<?> telemetry, TracingOptions options) {
      return new TracingDataSource(real, Objects.requireNonNull(telemetry, "telemetry"), options);
    }
  }
}
