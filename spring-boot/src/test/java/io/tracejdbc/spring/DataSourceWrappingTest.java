package io.tracejdbc.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.tracejdbc.driver.TracingDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which DataSource beans the starter wraps, and what the application still gets from them. */
class DataSourceWrappingTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TracejdbcAutoConfiguration.class))
          .withUserConfiguration(TestBackends.OpenTelemetryBean.class);

  @Test
  void aHikariBeanIsTracedAndStaysAHikariDataSource() {
    context
        .withUserConfiguration(TestBackends.Pool.class)
        .run(
            app -> {
              HikariDataSource pool = app.getBean(HikariDataSource.class);
              new JdbcTemplate(pool).queryForObject("SELECT 1", Integer.class);

              List<SpanData> spans = app.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
              assertThat(spans).extracting(SpanData::getName).containsExactly("SELECT");
              assertThat(spans.get(0).getKind()).isEqualTo(SpanKind.CLIENT);
            });
  }

  @Test
  void theWrappedPoolKeepsItsConfigurationAndUnwraps() {
    context
        .withUserConfiguration(TestBackends.Pool.class)
        .run(
            app -> {
              HikariDataSource pool = app.getBean(HikariDataSource.class);
              assertThat(pool.getJdbcUrl()).startsWith("jdbc:h2:mem:starter");
              assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
              assertThat(pool.unwrap(HikariDataSource.class)).isSameAs(pool);
              assertThat(pool.isWrapperFor(TracingDataSource.class)).isTrue();
              assertThat(pool.unwrap(TracingDataSource.class))
                  .isInstanceOf(TracingDataSource.class);
              assertThat(pool.isWrapperFor(HikariConfigMXBean.class)).isTrue();
              try (Connection connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
              }
              assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isPositive();
            });
  }

  @Test
  void aDataSourceThatTracejdbcTracesAlreadyIsLeftAlone() {
    context
        .withUserConfiguration(TracedAlready.class)
        .run(
            app -> {
              assertThat(app.getBean("traced")).isInstanceOf(TracingDataSource.class);
              HikariDataSource url = app.getBean("tracingUrl", HikariDataSource.class);
              assertThat(url.isWrapperFor(TracingDataSource.class)).isFalse();

              try (Connection connection = url.getConnection();
                  Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
              }
              assertThat(app.getBean(InMemorySpanExporter.class).getFinishedSpanItems())
                  .extracting(SpanData::getName)
                  .containsExactly("SELECT");
            });
  }

  @Test
  void anExcludedBeanIsNotTraced() {
    context
        .withUserConfiguration(TestBackends.Pool.class)
        .withPropertyValues("tracejdbc.excluded-data-sources=dataSource")
        .run(
            app -> {
              DataSource pool = app.getBean(DataSource.class);
              assertThat(pool.isWrapperFor(TracingDataSource.class)).isFalse();
              new JdbcTemplate(pool).queryForObject("SELECT 1", Integer.class);
              assertThat(app.getBean(InMemorySpanExporter.class).getFinishedSpanItems()).isEmpty();
            });
  }

  @Test
  void disabledItWrapsNothing() {
    context
        .withUserConfiguration(TestBackends.Pool.class)
        .withPropertyValues("tracejdbc.enabled=false")
        .run(
            app -> {
              DataSource pool = app.getBean(DataSource.class);
              assertThat(pool.getClass()).isEqualTo(HikariDataSource.class);
              new JdbcTemplate(pool).queryForObject("SELECT 1", Integer.class);
              assertThat(app.getBean(InMemorySpanExporter.class).getFinishedSpanItems()).isEmpty();
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class TracedAlready {
    @Bean
    DataSource traced() {
      return new TracingDataSource(TestBackends.hikari());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource tracingUrl() {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl("jdbc:tracing:h2:mem:tracingUrl;DB_CLOSE_DELAY=-1");
      return pool;
    }
  }
}
