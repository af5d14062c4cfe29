package io.tracejdbc.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's output: one waterfall per request, the statements named by their OpenTelemetry query
 * summaries, within 80 columns, without colour when asked.
 */
class BookstoreTest {
  @TempDir Path dir;

  private List<String> run(boolean colour) throws SQLException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Bookstore.run(
        "jdbc:tracing:sqlite:" + dir.resolve("bookstore.db"),
        null,
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        colour);
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void printsOneWaterfallPerRequestWithTheSpansIndentedUnderIt() throws SQLException {
    List<String> lines = run(false);

    assertThat(lines.stream().filter(line -> line.startsWith("-- trace "))).hasSize(8);
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("POST /catalogue "));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("  BATCH INSERT demo_books ")
                    .endsWith(" batch=11 rows=11"));
    assertThat(lines)
        .anySatisfy(
            line -> assertThat(line).startsWith("  UPDATE demo_books ").endsWith(" ERROR 19"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  ROLLBACK "));
    int report =
        lines.indexOf(
            lines.stream()
                .filter(line -> line.startsWith("-- trace 8/8"))
                .findFirst()
                .orElseThrow());
    assertThat(lines.get(report + 1)).startsWith("SELECT demo_orders ");
    assertThat(lines.get(report + 2)).isEmpty(); // the unmarked COUNT(*) is not traced
  }

  @Test
  void theAuthorsPageIsFlaggedAsAnNPlusOneFromTheFifthAuthorOnAndTheJoinedPageIsNot()
      throws SQLException {
    List<String> lines = run(false);

    int page =
        lines.indexOf(
            lines.stream()
                .filter(line -> line.startsWith("GET /authors "))
                .findFirst()
                .orElseThrow());
    assertThat(lines.get(page)).contains("  N+1: SELECT demo");
    assertThat(lines.get(page + 1)).startsWith("  SELECT demo_authors ").doesNotContain("N+1");
    assertThat(lines.subList(page + 2, page + 8))
        .allSatisfy(line -> assertThat(line).startsWith("  SELECT demo_books "))
        .extracting(line -> line.contains("N+1") ? line.substring(line.indexOf("N+1")) : "")
        .containsExactly("", "", "", "", "N+1 #5", "N+1 #6");
    int joined =
        lines.indexOf(
            lines.stream()
                .filter(line -> line.startsWith("GET /authors (joined) "))
                .findFirst()
                .orElseThrow());
    assertThat(lines.get(joined + 1)).startsWith("  SELECT demo_authors ");
    assertThat(lines.subList(joined, joined + 2)).noneMatch(line -> line.contains("N+1"));
  }

  @Test
  void waterfallsFitInEightyColumnsWithoutEscapesWhenNotATerminal() throws SQLException {
    List<String> lines = run(false);
    assertThat(lines).noneSatisfy(line -> assertThat(line).contains("\u001b["));
    assertThat(lines.stream().filter(line -> line.startsWith("-- trace ") || line.contains(" |")))
        .hasSizeGreaterThan(20)
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Waterfall.WIDTH));
  }

  @Test
  void zipkinTakesABaseUrlOnly() {
    assertThat(Bookstore.zipkinBaseUrl("http://127.0.0.1:9411/"))
        .isEqualTo("http://127.0.0.1:9411");
    assertThatThrownBy(() -> Bookstore.zipkinBaseUrl("127.0.0.1:9411"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--zipkin takes Zipkin's base URL, such as http://127.0.0.1:9411;"
                + " got: 127.0.0.1:9411");
  }

  @Test
  void colourIsOnlyAddedWhenAsked() throws SQLException {
    assertThat(run(true)).anySatisfy(line -> assertThat(line).contains("\u001b[31m"));
  }
}
