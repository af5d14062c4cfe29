package io.tracejdbc.spring;

import static org.assertj.core.api.Assertions.assertThat;

import brave.handler.MutableSpan;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * tracejdbc.trace-connection-acquisition: the pool bean's getConnection is a span of its own, and
 * not a database call whose duration is measured.
 */
class ConnectionAcquisitionTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TracejdbcAutoConfiguration.class))
          .withUserConfiguration(TestBackends.Pool.class)
          .withBean(SimpleMeterRegistry.class)
          .withPropertyValues("tracejdbc.trace-connection-acquisition=true");

  @Test
  void theBeansGetConnectionIsASpanOnOpenTelemetry() {
    context
        .withUserConfiguration(TestBackends.OpenTelemetryBean.class)
        .run(
            app -> {
              try (Connection connection = app.getBean(DataSource.class).getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
              }
              assertThat(app.getBean(InMemorySpanExporter.class).getFinishedSpanItems())
                  .extracting(SpanData::getName)
                  .containsExactly("HikariDataSource.getConnection");
              assertThat(app.getBean(MeterRegistry.class).find(OperationDurations.NAME).meters())
                  .isEmpty();
            });
  }

  @Test
  void theBeansGetConnectionIsASpanOnBrave() {
    context
        .withUserConfiguration(TestBackends.Brave.class)
        .run(
            app -> {
              try (Connection connection = app.getBean(DataSource.class).getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
              }
              assertThat(app.getBean(TestBackends.BraveSpans.class).finished)
                  .extracting(MutableSpan::name)
                  .containsExactly("HikariDataSource.getConnection");
              assertThat(app.getBean(MeterRegistry.class).find(OperationDurations.NAME).meters())
                  .isEmpty();
            });
  }
}
