package io.tracejdbc.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tracejdbc.* properties reach the driver, and a bad one stops the start-up. */
class PropertiesTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TracejdbcAutoConfiguration.class))
          .withUserConfiguration(TestBackends.Pool.class, TestBackends.OpenTelemetryBean.class);

  @Test
  void statementTextAndIgnoredStatementsApply() {
    context
        .withPropertyValues(
            "tracejdbc.statement-text=none", "tracejdbc.ignore-for-tracing=SELECT 2")
        .run(
            app -> {
              JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
              jdbc.queryForObject("SELECT 1", Integer.class);
              jdbc.queryForObject("SELECT 2", Integer.class);
              assertThat(app.getBean(InMemorySpanExporter.class).getFinishedSpanItems())
                  .singleElement()
                  .satisfies(
                      span ->
                          assertThat(span.getAttributes().asMap().keySet())
                              .extracting(Object::toString)
                              .doesNotContain("db.query.text"));
            });
  }

  @Test
  void slowQueryThresholdIsADuration() {
    context
        .withPropertyValues("tracejdbc.slow-query-threshold=0ms")
        .run(
            app -> {
              new JdbcTemplate(app.getBean(DataSource.class))
                  .queryForObject("SELECT 1", Integer.class);
              assertThat(app.getBean(InMemorySpanExporter.class).getFinishedSpanItems())
                  .extracting(SpanData::getName)
                  .containsExactly("SELECT");
            });
  }

  @Test
  void aBadStatementTextFailsTheStartNamingTheProperty() {
    context
        .withPropertyValues("tracejdbc.statement-text=everything")
        .run(
            app ->
                assertThat(app)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("everything")
                    .satisfies(
                        cause ->
                            assertThat(app.getStartupFailure())
                                .hasStackTraceContaining("tracejdbc.statement-text")));
  }

  @Test
  void aNegativeThresholdFailsTheStartNamingTheProperty() {
    context
        .withPropertyValues("tracejdbc.slow-query-threshold=-5ms")
        .run(
            app ->
                assertThat(app.getStartupFailure())
                    .hasStackTraceContaining("under 'tracejdbc'")
                    .hasStackTraceContaining("property slow-query-threshold")
                    .hasStackTraceContaining("Bad value -5ms: it takes a duration of 0 or more"));
  }
}
