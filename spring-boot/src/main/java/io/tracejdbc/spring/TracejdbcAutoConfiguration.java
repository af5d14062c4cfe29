package io.tracejdbc.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.opentracing.OpenTracingTelemetry;
import io.tracejdbc.opentelemetry.ConventionsAccess;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Traces every {@code DataSource} bean of the application with the tracing it has, first found in
 * this order: an {@code OpenTelemetry} bean (Micrometer Tracing's OpenTelemetry bridge, Boot's or
 * OpenTelemetry's own starter), a Micrometer Tracing {@code Tracer} (its Brave bridge), an
 * OpenTracing {@code Tracer} bean, else {@code GlobalOpenTelemetry} (the Java agent's). With a
 * Micrometer {@code MeterRegistry}, each call's duration is recorded there as {@code
 * db.client.operation.duration}, and each N+1 query counted as {@code tracejdbc.n_plus_one}. Off
 * with {@code tracejdbc.enabled=false}.
 *
 * <p>Test slices ({@code @JdbcTest}, {@code @DataJpaTest}) do not load it; add
 * {@code @ImportAutoConfiguration(TracejdbcAutoConfiguration.class)} to trace in one.
 */
@AutoConfiguration
@ConditionalOnClass(DataSource.class)
@ConditionalOnProperty(prefix = "tracejdbc", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(TracejdbcProperties.class)
public class TracejdbcAutoConfiguration {
  private static final System.Logger LOG = System.getLogger("io.tracejdbc.spring");

  /** For Spring. */
  public TracejdbcAutoConfiguration() {}

  @Bean
  static DataSourceTracing tracejdbcDataSourceTracing(
      ObjectProvider<TracejdbcProperties> properties,
      ObjectProvider<TracingBackend> backends,
      ObjectProvider<TracingMetrics> metrics) {
    return new DataSourceTracing(properties, backends, metrics);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.opentelemetry.api.OpenTelemetry")
  static class OpenTelemetryBackends {
    @Bean
    @Order(1)
    TracingBackend tracejdbcOpenTelemetryBean(ObjectProvider<OpenTelemetry> openTelemetry) {
      return withMetric -> {
        OpenTelemetry bean = openTelemetry.getIfUnique();
        return bean == null ? null : nativeBackend(bean, withMetric);
      };
    }

    @Bean
    @Order(4)
    TracingBackend tracejdbcGlobalOpenTelemetry() {
      return withMetric -> {
        if (GlobalOpenTelemetry.getTracerProvider() == TracerProvider.noop()) {
          LOG.log(
              Level.WARNING,
              "tracejdbc found no tracer: no OpenTelemetry bean, no Micrometer Tracing Tracer, no"
                  + " OpenTracing Tracer bean, and GlobalOpenTelemetry is a no-op, so its spans go"
                  + " nowhere. Add a tracing bridge (io.micrometer:micrometer-tracing-bridge-otel or"
                  + " -brave, on Boot 4 with spring-boot-micrometer-tracing-opentelemetry or"
                  + " -brave), OpenTelemetry's Spring Boot starter, or run with the OpenTelemetry"
                  + " Java agent; tracejdbc.enabled=false turns tracejdbc off.");
        }
        return nativeBackend(GlobalOpenTelemetry.get(), withMetric);
      };
    }

    private static Telemetry<?> nativeBackend(OpenTelemetry openTelemetry, boolean withMetric) {
      return ConventionsAccess.telemetry(withMetric ? openTelemetry : new SpansOnly(openTelemetry));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
  static class MicrometerTracingBackend {
    @Bean
    @Order(2)
    TracingBackend tracejdbcMicrometerTracer(ObjectProvider<io.micrometer.tracing.Tracer> tracer) {
      return withMetric -> {
        io.micrometer.tracing.Tracer bean = tracer.getIfUnique();
        return bean == null || bean == io.micrometer.tracing.Tracer.NOOP
            ? null
            : new MicrometerSpans(bean);
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.opentracing.Tracer")
  static class OpenTracingBackend {
    @Bean
    @Order(3)
    TracingBackend tracejdbcOpenTracingTracer(ObjectProvider<io.opentracing.Tracer> tracer) {
      return withMetric -> {
        io.opentracing.Tracer bean = tracer.getIfUnique();
        return bean == null ? null : new OpenTracingTelemetry(bean);
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  @ConditionalOnProperty(prefix = "tracejdbc.metrics", name = "enabled", matchIfMissing = true)
  static class Metrics {
    @Bean
    TracingMetrics tracejdbcOperationDurations(ObjectProvider<MeterRegistry> registry) {
      return new TracingMetrics() {
        @Override
        public boolean available() {
          return registry.getIfUnique() != null;
        }

        @Override
        public Telemetry<?> metered(Telemetry<?> spans) {
          MeterRegistry meters = registry.getObject();
          return new MeteredTelemetry<>(
              spans, new OperationDurations(meters), new NPlusOneCounts(meters));
        }
      };
    }
  }
}
