package io.tracejdbc.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bookshop with Micrometer Tracing's OpenTelemetry bridge (Boot's OpenTelemetry bean): spans of
 * start-up SQL and of requests, under the requests' server spans, and the duration metric; what
 * Boot does with the pool (injection by its class, pool metrics, health) still works.
 */
class OpenTelemetryBridgeTest {
  @ParameterizedTest
  @EnumSource(Database.class)
  void startUpSqlAndEveryRequestAreTracedUnderTheRequestAndMeasuredAndBootKeepsItsPool(
      Database database) {
    database.requireReachable();
    try (RunningBookshop shop =
        RunningBookshop.start("otel", database, List.of(CapturedSpans.Beans.class))) {
      CapturedSpans captured = shop.bean(CapturedSpans.class);
      assertThat(clientSpans(captured.finished()))
          .extracting(SpanData::getName)
          .containsSubsequence("DROP TABLE sbit_books", "CREATE TABLE sbit_books");

      assertThat(shop.call("POST", "/books?title=Dune").status()).isEqualTo(200);
      assertThat(shop.call("POST", "/books/rejected?title=Solaris").status()).isEqualTo(409);
      assertThat(shop.call("GET", "/books").body()).isEqualTo("[\"Dune\"]");

      List<SpanData> spans = captured.finished();
      SpanData add = serverSpan(spans, "http post /books");
      SpanData rejected = serverSpan(spans, "http post /books/rejected");
      SpanData list = serverSpan(spans, "http get /books");
      assertThat(childNames(spans, add)).containsExactly("INSERT sbit_books", "COMMIT");
      assertThat(childNames(spans, rejected)).containsExactly("INSERT sbit_books", "ROLLBACK");
      assertThat(childNames(spans, list)).containsExactly("SELECT sbit_books");

      SpanData select = children(spans, list).get(0);
      assertThat(select.getKind()).isEqualTo(SpanKind.CLIENT);
      assertThat(select.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
      assertThat(select.getAttributes().asMap())
          .extractingFromEntries(entry -> entry.getKey().getKey() + "=" + entry.getValue())
          .contains(
              "db.system.name=" + database.systemName,
              "db.query.summary=SELECT sbit_books",
              "db.query.text=SELECT title FROM sbit_books ORDER BY id");

      SimpleMeterRegistry registry = shop.bean(SimpleMeterRegistry.class);
      assertThat(count(registry, "INSERT sbit_books")).isEqualTo(2);
      assertThat(count(registry, "COMMIT")).isEqualTo(1);
      assertThat(count(registry, "ROLLBACK")).isEqualTo(1);
      assertThat(count(registry, "CREATE TABLE sbit_books")).isEqualTo(1);

      HikariDataSource pool = shop.bean(HikariDataSource.class);
      assertThat(shop.bean(DataSource.class)).isSameAs(pool);
      assertThat(pool.getJdbcUrl()).isEqualTo(database.url());
      RunningBookshop.Response health = shop.call("GET", "/actuator/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.body()).contains("\"db\":{\"status\":\"UP\"");
      assertThat(registry.find("hikaricp.connections.max").gauge())
          .as("Boot's pool metrics")
          .isNotNull();
    }
  }

  @Test
  void tracejdbcEnabledFalseTurnsItAllOff() {
    Database database = Database.H2;
    try (RunningBookshop shop =
        RunningBookshop.start(
            "otel", database, List.of(CapturedSpans.Beans.class), "tracejdbc.enabled=false")) {
      shop.call("GET", "/books");
      assertThat(shop.bean(DataSource.class).getClass()).isEqualTo(HikariDataSource.class);
      assertThat(clientSpans(shop.bean(CapturedSpans.class).finished())).isEmpty();
      assertThat(serverSpan(shop.bean(CapturedSpans.class).finished(), "http get /books"))
          .isNotNull();
      assertThat(shop.bean(SimpleMeterRegistry.class).find("db.client.operation.duration").meters())
          .isEmpty();
    }
  }

  private static long count(SimpleMeterRegistry registry, String summary) {
    return registry
        .get("db.client.operation.duration")
        .tag("db.query.summary", summary)
        .timer()
        .count();
  }

  private static List<SpanData> clientSpans(List<SpanData> spans) {
    return spans.stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
  }

  private static SpanData serverSpan(List<SpanData> spans, String name) {
    List<SpanData> named =
        spans.stream()
            .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().equals(name))
            .toList();
    Map<String, Long> all =
        spans.stream().collect(Collectors.groupingBy(SpanData::getName, Collectors.counting()));
    assertThat(named).as("one server span %s among %s", name, all).hasSize(1);
    return named.get(0);
  }

  private static List<SpanData> children(List<SpanData> spans, SpanData parent) {
    return spans.stream()
        .filter(span -> span.getParentSpanId().equals(parent.getSpanId()))
        .filter(span -> span.getTraceId().equals(parent.getTraceId()))
        .filter(span -> span.getKind() == SpanKind.CLIENT)
        .toList();
  }

  private static List<String> childNames(List<SpanData> spans, SpanData parent) {
    return children(spans, parent).stream().map(SpanData::getName).toList();
  }
}
