package io.tracejdbc.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.json.JsonParserFactory;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

/**
 * The bookshop with Micrometer Tracing's Brave bridge, reporting to a real Zipkin server: the spans
 * Zipkin stores, read back through its API. Zipkin stores span names in lower case; Brave marks a
 * failed span with an {@code error} tag.
 *
 * <p>Where Zipkin cannot start, the tests are skipped with the reason, unless {@code
 * TRACEJDBC_REQUIRE_SERVERS=1} (as CI sets), which makes them fail.
 */
class BraveZipkinTest {
  private static LocalZipkin zipkin;
  private static String unavailable;

  @BeforeAll
  static void startZipkin() {
    try {
      zipkin = LocalZipkin.start();
    } catch (LocalZipkin.Unavailable e) {
      if ("1".equals(System.getenv("TRACEJDBC_REQUIRE_SERVERS"))) {
        fail("TRACEJDBC_REQUIRE_SERVERS=1 requires Zipkin, which cannot run here: " + e);
      }
      unavailable = e.getMessage();
    }
  }

  @AfterAll
  static void stopZipkin() {
    if (zipkin != null) {
      zipkin.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void zipkinGetsTheSpansOfStartUpAndOfEveryRequestUnderTheRequest(Database database) {
    Assumptions.assumeTrue(zipkin != null, () -> "Zipkin cannot run here: " + unavailable);
    database.requireReachable();
    String service = "bookshop-brave-" + database.name().toLowerCase();
    try (RunningBookshop shop =
        RunningBookshop.start(
            "brave",
            database,
            List.of(),
            "zipkin.url=" + zipkin.baseUrl(),
            "spring.application.name=" + service)) {
      assertThat(shop.call("POST", "/books?title=Dune").status()).isEqualTo(200);
      assertThat(shop.call("POST", "/books/rejected?title=Solaris").status()).isEqualTo(409);
      assertThat(shop.call("GET", "/books").status()).isEqualTo(200);
      assertThat(shop.call("POST", "/books/numbered?id=90&title=Ubik").status()).isEqualTo(200);
      assertThat(shop.call("POST", "/books/numbered?id=90&title=Neuromancer").status())
          .isEqualTo(409);
      SimpleMeterRegistry registry = shop.bean(SimpleMeterRegistry.class);
      assertThat(count(registry, "INSERT sbit_books", ""))
          .as(registry.getMetersAsString())
          .isEqualTo(3);
      assertThat(count(registry, "INSERT sbit_books", "23505")).isEqualTo(1);
      shop.bean(AsyncZipkinSpanHandler.class).flush();
    }

    List<Map<String, Object>> spans = spansOf(service);
    assertThat(names(spans, "CLIENT"))
        .containsSubsequence("drop table sbit_books", "create table sbit_books");
    assertThat(childNames(spans, server(spans, "http post /books")))
        .containsExactly("insert sbit_books", "commit");
    assertThat(childNames(spans, server(spans, "http post /books/rejected", "409")))
        .containsExactly("insert sbit_books", "rollback");
    assertThat(childNames(spans, server(spans, "http get /books")))
        .containsExactly("select sbit_books");

    Map<String, Object> select = children(spans, server(spans, "http get /books")).get(0);
    assertThat(tags(select))
        .containsEntry("db.system.name", database.systemName)
        .containsEntry("db.query.summary", "SELECT sbit_books")
        .containsEntry("db.query.text", "SELECT title FROM sbit_books ORDER BY id")
        .doesNotContainKey("error");
    List<Map<String, Object>> duplicate =
        children(spans, server(spans, "http post /books/numbered", "409"));
    assertThat(duplicate).extracting(span -> span.get("name")).containsExactly("insert sbit_books");
    assertThat(tags(duplicate.get(0))).containsEntry("error.type", "23505").containsKey("error");
    assertThat(tags(duplicate.get(0)).get("error"))
        .doesNotContain("Neuromancer")
        .doesNotContain("90");
  }

  private static long count(SimpleMeterRegistry registry, String summary, String errorType) {
    return registry
        .get("db.client.operation.duration")
        .tag("db.query.summary", summary)
        .tag("error.type", errorType)
        .timer()
        .count();
  }

  /** Every span Zipkin holds of {@code service}'s traces. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> spansOf(String service) {
    List<Object> traces =
        JsonParserFactory.getJsonParser()
            .parseList(zipkin.get("/api/v2/traces?limit=1000&serviceName=" + service));
    return traces.stream()
        .flatMap(trace -> ((List<Object>) trace).stream())
        .map(span -> (Map<String, Object>) span)
        .toList();
  }

  private static Map<String, Object> server(List<Map<String, Object>> spans, String name) {
    return server(spans, name, "200");
  }

  /** The one server span {@code name} that answered {@code status}. */
  private static Map<String, Object> server(
      List<Map<String, Object>> spans, String name, String status) {
    List<Map<String, Object>> named =
        spans.stream()
            .filter(span -> "SERVER".equals(span.get("kind")) && name.equals(span.get("name")))
            .filter(span -> status.equals(tags(span).get("status")))
            .toList();
    assertThat(named).as("one server span %s among %s", name, names(spans, null)).hasSize(1);
    return named.get(0);
  }

  private static List<Map<String, Object>> children(
      List<Map<String, Object>> spans, Map<String, Object> parent) {
    return spans.stream()
        .filter(span -> Objects.equals(span.get("parentId"), parent.get("id")))
        .filter(span -> Objects.equals(span.get("traceId"), parent.get("traceId")))
        .filter(span -> "CLIENT".equals(span.get("kind")))
        .sorted((a, b) -> Long.compare(timestamp(a), timestamp(b)))
        .toList();
  }

  private static List<String> childNames(
      List<Map<String, Object>> spans, Map<String, Object> parent) {
    return children(spans, parent).stream().map(span -> (String) span.get("name")).toList();
  }

  private static List<String> names(List<Map<String, Object>> spans, String kind) {
    return spans.stream()
        .filter(span -> kind == null || kind.equals(span.get("kind")))
        .sorted((a, b) -> Long.compare(timestamp(a), timestamp(b)))
        .map(span -> (String) span.get("name"))
        .toList();
  }

  private static long timestamp(Map<String, Object> span) {
    return ((Number) span.get("timestamp")).longValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> tags(Map<String, Object> span) {
    return (Map<String, String>) span.getOrDefault("tags", Map.of());
  }
}
