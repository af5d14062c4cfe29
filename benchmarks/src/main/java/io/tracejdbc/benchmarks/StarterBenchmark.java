package io.tracejdbc.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.tracejdbc.opentelemetry.OpenTelemetryTracing;
import io.tracejdbc.spring.TracejdbcAutoConfiguration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot starter's path against the native one, both recording spans into the same SDK
 * setup as {@link Tracers#OTEL_SDK} and the duration metric: {@code native} is {@link
 * OpenTelemetryTracing#dataSource} over an SDK whose meter provider has a reader, so the metric is
 * recorded there; {@code starter} is the data source bean that the starter's auto-configuration
 * traced, in a context with that SDK's tracing and a Micrometer {@code SimpleMeterRegistry}, which
 * then records the metric instead. {@code raw} is sqlite-jdbc alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StarterBenchmark {
  @Param({"raw", "native", "starter"})
  public String path;

  private AnnotationConfigApplicationContext context;
  private Connection connection;
  private PreparedStatement select;
  private int id;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    DataSource dataSource;
    switch (path) {
      case "raw":
        dataSource = Database.SQLITE.dataSource();
        break;
      case "native":
        dataSource = OpenTelemetryTracing.dataSource(Database.SQLITE.dataSource(), withMeter());
        break;
      case "starter":
        context = new AnnotationConfigApplicationContext(Application.class);
        dataSource = context.getBean(DataSource.class);
        break;
      default:
        throw new IllegalArgumentException("no such path: " + path);
    }
    connection = dataSource.getConnection();
    SqliteBenchmark.createTables(connection);
    select = connection.prepareStatement(SqliteBenchmark.POINT_SELECT);
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
    if (context != null) {
      context.close();
    }
  }

  /** A PreparedStatement select by primary key, prepared once. */
  @Benchmark
  public long pointSelect() throws SQLException {
    id = SqliteBenchmark.nextId(id);
    return SqliteBenchmark.pointSelect(select, id);
  }

  /** {@link Tracers#OTEL_SDK}'s tracing with a meter provider whose reader never collects. */
  private static OpenTelemetry withMeter() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(((OpenTelemetrySdk) Tracers.OTEL_SDK).getSdkTracerProvider())
        .setMeterProvider(
            SdkMeterProvider.builder().registerMetricReader(new UncollectedReader()).build())
        .build();
  }

  /** What a Boot application with tracing and a Micrometer registry has, and the starter. */
  @Configuration(proxyBeanMethods = false)
  @Import(TracejdbcAutoConfiguration.class)
  static class Application {
    @Bean
    DataSource dataSource() {
      return Database.SQLITE.dataSource();
    }

    @Bean
    OpenTelemetry openTelemetry() {
      return Tracers.OTEL_SDK;
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  /** Registered, so instruments record, but never asked for what they recorded. */
  private static final class UncollectedReader implements MetricReader {
    @Override
    public void register(CollectionRegistration registration) {}

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public MemoryMode getMemoryMode() {
      return MemoryMode.REUSABLE_DATA;
    }

    @Override
    public CompletableResultCode forceFlush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
