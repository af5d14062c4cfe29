package io.tracejdbc.spring;

import static org.assertj.core.api.Assertions.assertThat;

import brave.handler.MutableSpan;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where the spans go, for each tracing an application may have. */
class BackendChoiceTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TracejdbcAutoConfiguration.class))
          .withUserConfiguration(TestBackends.Pool.class);

  @Test
  void anOpenTelemetryBeanWinsOverMicrometerTracing() {
    context
        .withUserConfiguration(TestBackends.OpenTelemetryBean.class, TestBackends.Brave.class)
        .run(
            app -> {
              new JdbcTemplate(app.getBean(DataSource.class))
                  .execute("CREATE TABLE otel_first (id INT)");
              assertThat(app.getBean(InMemorySpanExporter.class).getFinishedSpanItems())
                  .extracting(SpanData::getName)
                  .containsExactly("CREATE TABLE otel_first");
              assertThat(app.getBean(TestBackends.BraveSpans.class).finished).isEmpty();
            });
  }

  @Test
  void braveThroughMicrometerTracingGetsTheConventionsSpans() {
    context
        .withUserConfiguration(TestBackends.Brave.class)
        .run(
            app -> {
              JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
              jdbc.execute("CREATE TABLE brave_books (id INT PRIMARY KEY)");
              jdbc.update("INSERT INTO brave_books VALUES (?)", 1);

              var spans = app.getBean(TestBackends.BraveSpans.class).finished;
              assertThat(spans)
                  .extracting(MutableSpan::name)
                  .containsExactly("CREATE TABLE brave_books", "INSERT brave_books");
              MutableSpan insert = spans.get(1);
              assertThat(insert.kind()).isEqualTo(brave.Span.Kind.CLIENT);
              assertThat(insert.tags())
                  .containsEntry("db.system.name", "h2database")
                  .containsEntry("db.query.summary", "INSERT brave_books")
                  .containsEntry("db.query.text", "INSERT INTO brave_books VALUES (?)")
                  .containsEntry("tracejdbc.rows_affected", "1")
                  .doesNotContainKey("error");
              assertThat(insert.remoteServiceName()).isEqualTo("h2database");
            });
  }

  @Test
  void braveMarksAFailedCallWithTheRedactedMessage() {
    context
        .withUserConfiguration(TestBackends.Brave.class)
        .run(
            app -> {
              JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
              jdbc.execute("CREATE TABLE brave_unique (id INT PRIMARY KEY)");
              jdbc.update("INSERT INTO brave_unique VALUES (4242)");
              try {
                jdbc.update("INSERT INTO brave_unique VALUES (4242)");
              } catch (DataAccessException expected) {
                // the span is what is checked
              }

              MutableSpan failed = app.getBean(TestBackends.BraveSpans.class).finished.get(2);
              assertThat(failed.tags())
                  .containsEntry("error.type", "23505")
                  .containsEntry("db.response.status_code", "23505")
                  .containsKey("error");
              assertThat(failed.tags().get("error")).doesNotContain("4242");
              assertThat(failed.error()).isNull();
            });
  }

  @Test
  void anOpenTracingTracerBeanGetsTheDriversSpans() {
    context
        .withUserConfiguration(OpenTracingTracer.class)
        .withClassLoader(new FilteredClassLoader("io.micrometer.tracing"))
        .run(
            app -> {
              new JdbcTemplate(app.getBean(DataSource.class))
                  .queryForObject("SELECT 1", Integer.class);
              assertThat(app.getBean(MockTracer.class).finishedSpans())
                  .extracting(MockSpan::operationName)
                  .containsExactly("select");
            });
  }

  @Test
  void withoutAnyTracerTheDataSourceIsStillWrapped() {
    context
        .withClassLoader(new FilteredClassLoader("io.micrometer.tracing"))
        .run(
            app ->
                assertThat(app.getBean(DataSource.class).isWrapperFor(TracingDataSource.class))
                    .isTrue());
  }

  @Configuration(proxyBeanMethods = false)
  static class OpenTracingTracer {
    @Bean
    MockTracer tracer() {
      return new MockTracer();
    }
  }
}
