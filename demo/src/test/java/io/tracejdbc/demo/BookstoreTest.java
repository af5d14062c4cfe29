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

    assertThat(lines.stream().filter(line -> line.startsWith("-- trace "))).hasSize(6);
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("POST /catalogue "));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("  BATCH INSERT demo_books ")
                    .endsWith(" batch=8 rows=8"));
    assertThat(lines)
        .anySatisfy(
            line -> assertThat(line).startsWith("  UPDATE demo_books ").endsWith(" ERROR 19"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  ROLLBACK "));
    int report =
        lines.indexOf(
            lines.stream()
                .filter(line -> line.startsWith("-- trace 6/6"))
                .findFirst()
                .orElseThrow());
    assertThat(lines.get(report + 1)).startsWith("SELECT demo_orders ");
    assertThat(lines.get(report + 2)).isEmpty(); // the unmarked COUNT(*) is not traced
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
