package io.tracejdbc.benchmarks;

import com.p6spy.engine.spy.P6DataSource;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentracing.Tracer;
import io.opentracing.noop.NoopTracerFactory;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.driver.TracingOptions;
import io.tracejdbc.opentelemetry.OpenTelemetryTracing;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Who is measured, and how each opens its connection. Every one calls its own driver or data source
 * directly, never {@code DriverManager}: tracejdbc and java-jdbc both claim {@code jdbc:tracing:}.
 *
 * <p>A new contender is a name here, in {@link #ALL} and in {@link #open}, then in the {@code
 * contender} {@code @Param} of each benchmark class; {@link Report} takes its rows from {@link
 * #ALL} and says which peers it must beat.
 */
final class Contenders {
  static final String RAW = "raw";
  static final String TRACEJDBC_OFF = "tracejdbc-off";
  static final String TRACEJDBC_NOOP = "tracejdbc-noop";

  /** tracejdbc through the OpenTracing shim into the OpenTelemetry SDK. */
  static final String TRACEJDBC_OTEL = "tracejdbc-otel";

  /** tracejdbc's native OpenTelemetry backend (tracejdbc-opentelemetry) into the SDK. */
  static final String TRACEJDBC_OTEL_NATIVE = "tracejdbc-otel-native";

  static final String JAVA_JDBC_NOOP = "java-jdbc-noop";
  static final String JAVA_JDBC_OTEL = "java-jdbc-otel";
  static final String OTEL_JDBC = "otel-jdbc";
  static final String P6SPY = "p6spy";

  /** In table order. */
  static final List<String> ALL =
      List.of(
          RAW,
          TRACEJDBC_OFF,
          TRACEJDBC_NOOP,
          TRACEJDBC_OTEL,
          TRACEJDBC_OTEL_NATIVE,
          JAVA_JDBC_NOOP,
          JAVA_JDBC_OTEL,
          OTEL_JDBC,
          P6SPY);

  private Contenders() {}

  /** A connection to {@code database} through {@code contender}. One contender per JVM (fork). */
  static Connection open(String contender, Database database) throws SQLException {
    switch (contender) {
      case RAW:
        return database.driver.connect(database.url, database.properties);
      case TRACEJDBC_OFF:
        return tracejdbc(database, NoopTracerFactory.create(), false);
      case TRACEJDBC_NOOP:
        return tracejdbc(database, NoopTracerFactory.create(), true);
      case TRACEJDBC_OTEL:
        return tracejdbc(database, Tracers.otelShim(), true);
      case TRACEJDBC_OTEL_NATIVE:
        OpenTelemetryTracing.init(Tracers.OTEL_SDK);
        return new TracingDriver()
            .connect(database.urlWithPrefix(TracingDriver.URL_PREFIX), database.properties);
      case JAVA_JDBC_NOOP:
        return javaJdbc(database, NoopTracerFactory.create());
      case JAVA_JDBC_OTEL:
        return javaJdbc(database, Tracers.otelShim());
      case OTEL_JDBC:
        return JdbcTelemetry.create(Tracers.OTEL_SDK).wrap(database.dataSource()).getConnection();
      case P6SPY:
        return p6spy(database);
      default:
        throw new IllegalArgumentException("unknown contender " + contender + ", one of " + ALL);
    }
  }

  private static Connection tracejdbc(Database database, Tracer tracer, boolean traceAllQueries)
      throws SQLException {
    TracingDriver.init(tracer, TracingOptions.builder().traceAllQueries(traceAllQueries).build());
    return new TracingDriver()
        .connect(database.urlWithPrefix(TracingDriver.URL_PREFIX), database.properties);
  }

  private static Connection javaJdbc(Database database, Tracer tracer) throws SQLException {
    io.opentracing.contrib.jdbc.TracingDriver driver =
        new io.opentracing.contrib.jdbc.TracingDriver();
    driver.setTracer(tracer);
    return driver.connect(database.urlWithPrefix("jdbc:tracing:"), database.properties);
  }

  /**
   * p6spy with its default modules, logging to stdout in no category: it runs, but logs nothing.
   */
  private static Connection p6spy(Database database) throws SQLException {
    System.setProperty("p6spy.config.appender", "com.p6spy.engine.spy.appender.StdoutLogger");
    System.setProperty(
        "p6spy.config.excludecategories",
        "info,debug,result,resultset,batch,statement,commit,rollback,error,outage");
    return new P6DataSource(database.dataSource()).getConnection();
  }
}
