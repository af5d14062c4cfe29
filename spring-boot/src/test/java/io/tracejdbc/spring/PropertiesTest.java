package io.tracejdbc.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.tracejdbc.driver.TracingOptions;
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

  @Test
  void theNPlusOneThresholdAndTheOptInsReachTheOptions() {
    context
        .withPropertyValues(
            "tracejdbc.n-plus-one-threshold=3",
            "tracejdbc.sql-commenter=true",
            "tracejdbc.capture-parameters=true",
            "tracejdbc.trace-connection-acquisition=true")
        .run(
            app -> {
              TracingOptions options = app.getBean(TracejdbcProperties.class).toOptions();
              assertThat(options.nPlusOneThreshold()).isEqualTo(3);
              assertThat(options.sqlCommenter()).isTrue();
              assertThat(options.captureParameters()).isTrue();
              assertThat(options.traceConnectionAcquisition()).isTrue();
            });
  }

  @Test
  void capturedParametersReachTheSpans() {
    context
        .withPropertyValues("tracejdbc.capture-parameters=true")
        .run(
            app -> {
              new JdbcTemplate(app.getBean(DataSource.class))
                  .queryForObject("SELECT CAST(? AS INT)", Integer.class, 7);
              assertThat(app.getBean(InMemorySpanExporter.class).getFinishedSpanItems())
                  .singleElement()
                  .satisfies(
                      span ->
                          assertThat(span.getAttributes().asMap())
                              .anySatisfy(
                                  (key, value) -> {
                                    assertThat(key.getKey()).isEqualTo("db.query.parameter.0");
                                    assertThat(value).isEqualTo("7");
                                  }));
            });
  }

  @Test
  void aNegativeNPlusOneThresholdFailsTheStartNamingTheProperty() {
    context
        .withPropertyValues("tracejdbc.n-plus-one-threshold=-1")
        .run(
            app ->
                assertThat(app.getStartupFailure())
                    .hasStackTraceContaining("property n-plus-one-threshold")
                    .hasStackTraceContaining("Bad value -1: it takes 0 (off) or more"));
  }

  @Test
  void aBadSwitchFailsTheStartNamingTheProperty() {
    for (String property :
        new String[] {
          "tracejdbc.sql-commenter", "tracejdbc.capture-parameters",
          "tracejdbc.trace-connection-acquisition", "tracejdbc.n-plus-one-threshold"
        }) {
      context
          .withPropertyValues(property + "=maybe")
          .run(
              app ->
                  assertThat(app.getStartupFailure())
                      .hasStackTraceContaining(property)
                      .hasStackTraceContaining("maybe"));
    }
  }
}
