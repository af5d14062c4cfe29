package io.tracejdbc.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --zipkin}: the bookstore's traces in a real Zipkin server, read back through Zipkin's HTTP
 * API. The demo runs once, for all the tests. Zipkin stores span names in lower case: {@code SELECT
 * demo_books} is {@code select demo_books} there.
 *
 * <p>Where Zipkin cannot start, the tests are skipped with the reason, unless {@code
 * TRACEJDBC_REQUIRE_SERVERS=1} (as CI sets), which makes them fail.
 */
class ZipkinExportTest {
  private static final String REQUIRE_SERVERS = "TRACEJDBC_REQUIRE_SERVERS";

  private static LocalZipkin zipkin;
  private static String unavailable;
  private static String printed;
  private static List<JsonNode> traces;

  @BeforeAll
  static void runTheBookstoreAgainstZipkin(@TempDir Path dir) throws SQLException, IOException {
    try {
      zipkin = LocalZipkin.start();
    } catch (LocalZipkin.Unavailable e) {
      if ("1".equals(System.getenv(REQUIRE_SERVERS))) {
        fail(REQUIRE_SERVERS + "=1 requires Zipkin, which cannot run here: " + e.getMessage());
      }
      unavailable = e.getMessage();
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Bookstore.run(
        "jdbc:tracing:sqlite:" + dir.resolve("bookstore.db"),
        zipkin.baseUrl(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        false);
    printed = bytes.toString(StandardCharsets.UTF_8);
    traces = new ArrayList<>();
    new ObjectMapper()
        .readTree(zipkin.get("/api/v2/traces?limit=100&serviceName=" + Bookstore.SERVICE_NAME))
        .forEach(traces::add);
  }

  @AfterAll
  static void stopZipkin() {
    if (zipkin != null) {
      zipkin.close();
    }
  }

  @BeforeEach
  void skipWithoutZipkin() {
    assumeTrue(
        unavailable == null,
        () ->
            "Zipkin cannot run here: "
                + unavailable
                + " (set "
                + REQUIRE_SERVERS
                + "=1 to fail instead)");
  }

  @Test
  void everyRequestIsOneTraceWithTheStatementsAsChildrenOfItsRootSpan() {
    assertThat(traces).hasSize(8);
    assertThat(printed)
        .contains("In Zipkin: " + zipkin.baseUrl() + "/zipkin/?serviceName=tracejdbc-bookstore");
    Map<String, List<List<String>>> childrenByRoot = new TreeMap<>();
    for (JsonNode trace : traces) {
      JsonNode root = root(trace);
      List<String> children = new ArrayList<>();
      for (JsonNode span : byStart(trace)) {
        assertThat(span.path("localEndpoint").path("serviceName").asText())
            .isEqualTo(Bookstore.SERVICE_NAME);
        if (span != root) {
          assertThat(span.path("parentId").asText())
              .as(span.toString())
              .isEqualTo(root.path("id").asText());
          children.add(span.path("name").asText());
        }
      }
      childrenByRoot
          .computeIfAbsent(root.path("name").asText(), name -> new ArrayList<>())
          .add(children);
    }
    assertThat(childrenByRoot)
        .containsOnlyKeys(
            "migrate schema",
            "post /catalogue",
            "get /books?q=le guin",
            "get /authors",
            "get /authors (joined)",
            "post /orders",
            "select demo_orders demo_books");
    assertThat(childrenByRoot.get("migrate schema"))
        .containsExactly(
            List.of(
                "create table demo_authors",
                "create table demo_books",
                "create table demo_orders",
                "create index demo_books_author demo_books"));
    assertThat(childrenByRoot.get("post /catalogue"))
        .containsExactly(List.of("batch insert demo_authors", "batch insert demo_books", "commit"));
    assertThat(childrenByRoot.get("get /books?q=le guin"))
        .containsExactly(List.of("select demo_books demo_authors"));
    List<String> authorsOneByOne = new ArrayList<>(List.of("select demo_authors"));
    authorsOneByOne.addAll(Collections.nCopies(6, "select demo_books"));
    assertThat(childrenByRoot.get("get /authors")).containsExactly(authorsOneByOne);
    assertThat(childrenByRoot.get("get /authors (joined)"))
        .containsExactly(List.of("select demo_authors demo_books"));
    assertThat(childrenByRoot.get("post /orders"))
        .containsExactlyInAnyOrder(
            List.of("select demo_books", "insert demo_orders", "update demo_books", "commit"),
            List.of("select demo_books", "insert demo_orders", "update demo_books", "rollback"));
    assertThat(childrenByRoot.get("select demo_orders demo_books"))
        .containsExactly(List.of()); // the report
  }

  @Test
  void theDatabaseSpansAreClientSpansAndTheApplicationsAreNot() {
    List<JsonNode> spans =
        traces.stream()
            .flatMap(trace -> StreamSupport.stream(trace.spliterator(), false))
            .collect(Collectors.toList());

    Map<Boolean, List<JsonNode>> byDatabase =
        spans.stream()
            .collect(Collectors.partitioningBy(span -> span.path("tags").has("db.system.name")));
    assertThat(byDatabase.get(true))
        .hasSize(25)
        .allSatisfy(
            span -> assertThat(span.path("kind").asText()).as(span.toString()).isEqualTo("CLIENT"));
    assertThat(byDatabase.get(false))
        .hasSize(7)
        .allSatisfy(span -> assertThat(span.has("kind")).as(span.toString()).isFalse());
  }

  @Test
  void theNPlusOneShowsAsTagsOnTheRepeatedQueriesAndAnAnnotationOnTheRequest() {
    JsonNode page =
        traces.stream()
            .filter(trace -> root(trace).path("name").asText().equals("get /authors"))
            .findFirst()
            .orElseThrow();
    List<String> counts =
        byStart(page).stream()
            .filter(span -> span.path("name").asText().equals("select demo_books"))
            .map(span -> span.path("tags").path("tracejdbc.n_plus_one.count").asText())
            .collect(Collectors.toList());
    assertThat(counts).containsExactly("", "", "", "", "5", "6");
    assertThat(root(page).path("annotations"))
        .singleElement()
        .satisfies(
            annotation ->
                assertThat(annotation.path("value").asText())
                    .isEqualTo(
                        "\"tracejdbc.n_plus_one\":{\"db.query.summary\":\"SELECT demo_books\","
                            + "\"tracejdbc.n_plus_one.threshold\":5}"));
  }

  @Test
  void theFailedStatementKeepsItsErrorAndSummary() {
    List<JsonNode> failed =
        traces.stream()
            .flatMap(trace -> StreamSupport.stream(trace.spliterator(), false))
            .filter(span -> span.path("name").asText().equals("update demo_books"))
            .filter(span -> span.path("tags").has("error"))
            .collect(Collectors.toList());

    assertThat(failed)
        .singleElement()
        .satisfies(
            update -> {
              JsonNode tags = update.path("tags");
              assertThat(tags.path("db.query.summary").asText()).isEqualTo("UPDATE demo_books");
              assertThat(tags.path("db.system.name").asText()).isEqualTo("sqlite");
              assertThat(tags.path("db.response.status_code").asText()).isEqualTo("19");
              assertThat(tags.path("error.type").asText()).isEqualTo("19");
            });
  }

  private static JsonNode root(JsonNode trace) {
    return StreamSupport.stream(trace.spliterator(), false)
        .filter(span -> !span.has("parentId"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("a trace without a root span: " + trace));
  }

  private static List<JsonNode> byStart(JsonNode trace) {
    return StreamSupport.stream(trace.spliterator(), false)
        .sorted(Comparator.comparingLong(span -> span.path("timestamp").asLong()))
        .collect(Collectors.toList());
  }
}
