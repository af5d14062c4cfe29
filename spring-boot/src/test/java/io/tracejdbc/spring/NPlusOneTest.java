package io.tracejdbc.spring;

import static org.assertj.core.api.Assertions.assertThat;

import brave.handler.MutableSpan;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * N+1 queries through the starter: flagged spans and the parent's event (Brave), and one count of
 * tracejdbc.n_plus_one in the application's MeterRegistry, whatever the backend.
 */
class NPlusOneTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TracejdbcAutoConfiguration.class))
          .withUserConfiguration(TestBackends.Pool.class)
          .withBean(SimpleMeterRegistry.class);

  @Test
  void braveFlagsTheFifthToTenthExecutionAndCountsOneNPlusOne() {
    context
        .withUserConfiguration(TestBackends.Brave.class)
        .run(
            app -> {
              DataSource dataSource = app.getBean(DataSource.class);
              createBooks(dataSource);
              Tracer tracer = app.getBean(Tracer.class);
              Span request = tracer.nextSpan().name("request").start();
              try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
                selectBookTenTimes(dataSource);
              } finally {
                request.end();
              }

              List<MutableSpan> finished = app.getBean(TestBackends.BraveSpans.class).finished;
              List<MutableSpan> selects =
                  finished.stream().filter(span -> "SELECT n1_books".equals(span.name())).toList();
              assertThat(selects).hasSize(10);
              assertThat(selects)
                  .extracting(span -> span.tag("tracejdbc.n_plus_one.count"))
                  .containsExactly(null, null, null, null, "5", "6", "7", "8", "9", "10");
              assertThat(selects)
                  .extracting(span -> span.tag("tracejdbc.n_plus_one"))
                  .containsExactly(
                      null, null, null, null, "true", "true", "true", "true", "true", "true");
              MutableSpan parent =
                  finished.stream().filter(span -> "request".equals(span.name())).findFirst().get();
              assertThat(parent.annotations())
                  .extracting(annotation -> annotation.getValue())
                  .containsExactly("tracejdbc.n_plus_one");
              assertThat(countedNPlusOnes(app.getBean(MeterRegistry.class))).isEqualTo(1);
            });
  }

  @Test
  void onOpenTelemetryTheMeterRegistryCountsItAndTheSdkMeterDoesNot() {
    context
        .withUserConfiguration(TestBackends.OpenTelemetryWithMeter.class)
        .run(
            app -> {
              DataSource dataSource = app.getBean(DataSource.class);
              createBooks(dataSource);
              io.opentelemetry.api.trace.Span request =
                  app.getBean(OpenTelemetry.class)
                      .getTracer("test")
                      .spanBuilder("request")
                      .startSpan();
              try (Scope scope = request.makeCurrent()) {
                selectBookTenTimes(dataSource);
              } finally {
                request.end();
              }

              assertThat(countedNPlusOnes(app.getBean(MeterRegistry.class))).isEqualTo(1);
              assertThat(app.getBean(InMemoryMetricReader.class).collectAllMetrics())
                  .extracting(MetricData::getName)
                  .doesNotContain("tracejdbc.n_plus_one");
            });
  }

  private static double countedNPlusOnes(MeterRegistry registry) {
    return registry
        .get("tracejdbc.n_plus_one")
        .tag("db.query.summary", "SELECT n1_books")
        .counter()
        .count();
  }

  private static void createBooks(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE n1_books (id INT PRIMARY KEY, title VARCHAR(50))");
      statement.execute("INSERT INTO n1_books VALUES (1, 'Dune')");
    }
  }

  private static void selectBookTenTimes(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT title FROM n1_books WHERE id = ?")) {
      for (int i = 0; i < 10; i++) {
        select.setInt(1, 1);
        try (ResultSet rows = select.executeQuery()) {
          assertThat(rows.next()).isTrue();
        }
      }
    }
  }
}
