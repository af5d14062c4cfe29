package io.tracejdbc.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Arrays;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** db.client.operation.duration in the application's MeterRegistry. */
class OperationDurationMetricTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TracejdbcAutoConfiguration.class))
          .withUserConfiguration(TestBackends.Pool.class, Registry.class);

  @Test
  void eachCallIsRecordedOnceWithItsLowCardinalityAttributes() {
    context
        .withUserConfiguration(TestBackends.OpenTelemetryBean.class)
        .run(
            app -> {
              JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
              jdbc.execute("CREATE TABLE metric_books (id INT)");
              jdbc.update("INSERT INTO metric_books VALUES (1)");
              jdbc.update("INSERT INTO metric_books VALUES (2)");

              Timer inserts =
                  app.getBean(MeterRegistry.class)
                      .get("db.client.operation.duration")
                      .tag("db.query.summary", "INSERT metric_books")
                      .timer();
              assertThat(inserts.count()).isEqualTo(2);
              assertThat(inserts.getId().getTags())
                  .extracting(tag -> tag.getKey() + "=" + tag.getValue())
                  .contains("db.system.name=h2database", "db.operation.name=", "error.type=")
                  .noneMatch(tag -> tag.startsWith("db.query.text"));
              assertThat(
                      Arrays.stream(inserts.takeSnapshot().histogramCounts())
                          .map(CountAtBucket::bucket))
                  .containsExactly(1e6, 5e6, 1e7, 5e7, 1e8, 5e8, 1e9, 5e9, 1e10);
            });
  }

  @Test
  void braveSpansGetTheMetricToo() {
    context
        .withUserConfiguration(TestBackends.Brave.class)
        .run(
            app -> {
              new JdbcTemplate(app.getBean(DataSource.class))
                  .queryForObject("SELECT 1", Integer.class);
              assertThat(
                      app.getBean(MeterRegistry.class)
                          .get("db.client.operation.duration")
                          .tag("db.query.summary", "SELECT")
                          .timer()
                          .count())
                  .isEqualTo(1);
            });
  }

  @Test
  void withAMeterRegistryTheOpenTelemetryMeterRecordsNothing() {
    context
        .withUserConfiguration(TestBackends.OpenTelemetryWithMeter.class)
        .run(
            app -> {
              new JdbcTemplate(app.getBean(DataSource.class))
                  .queryForObject("SELECT 1", Integer.class);
              assertThat(
                      app.getBean(MeterRegistry.class).get(OperationDurations.NAME).timer().count())
                  .isEqualTo(1);
              assertThat(app.getBean(InMemoryMetricReader.class).collectAllMetrics())
                  .extracting(MetricData::getName)
                  .doesNotContain(OperationDurations.NAME);
            });
  }

  @Test
  void withoutAMeterRegistryTheOpenTelemetryMeterRecordsIt() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(TracejdbcAutoConfiguration.class))
        .withUserConfiguration(TestBackends.Pool.class, TestBackends.OpenTelemetryWithMeter.class)
        .run(
            app -> {
              new JdbcTemplate(app.getBean(DataSource.class))
                  .queryForObject("SELECT 1", Integer.class);
              assertThat(app.getBean(InMemoryMetricReader.class).collectAllMetrics())
                  .extracting(MetricData::getName)
                  .containsOnlyOnce(OperationDurations.NAME);
            });
  }

  @Test
  void offWithItsProperty() {
    context
        .withUserConfiguration(TestBackends.OpenTelemetryBean.class)
        .withPropertyValues("tracejdbc.metrics.enabled=false")
        .run(
            app -> {
              new JdbcTemplate(app.getBean(DataSource.class))
                  .queryForObject("SELECT 1", Integer.class);
              assertThat(
                      app.getBean(MeterRegistry.class)
                          .find("db.client.operation.duration")
                          .meters())
                  .isEmpty();
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }
}
