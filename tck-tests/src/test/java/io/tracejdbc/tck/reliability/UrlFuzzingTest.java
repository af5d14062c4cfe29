package io.tracejdbc.tck.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.mock.MockTracer;
import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.TracingDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of seeded random parameter strings after valid tracing URLs (options, separators,
 * quotes, escapes, empty values, unicode, very long values, then random character edits): each URL
 * connects or fails with an {@link SQLException}, and the whole run ends within the timeout. The
 * one exception to that is the real driver's own: sqlite-jdbc 3.x throws {@code
 * ArrayIndexOutOfBoundsException} for an empty parameter such as {@code ?=}, with or without
 * tracejdbc, and tracejdbc passes it on unchanged; anything else must not come from tracejdbc. The
 * parameters follow the database path, so every URL stays inside a temporary directory or an
 * in-memory database.
 */
@Timeout(120)
class UrlFuzzingTest {
  private static final long SEED = 7;
  private static final int MUTATIONS_PER_DATABASE = 1_500;

  private static final String[] PIECES = {
    "traceAllConnections",
    "traceAllQueries",
    "traceWithActiveSpanOnly",
    "ignoreForTracing",
    "slowQueryThresholdMs",
    "statementText",
    "traceTransactions",
    "TRACEALLQUERIES",
    "user",
    "password",
    "x",
    "=",
    "==",
    "?",
    "&",
    ";",
    "\"",
    "\\\"",
    "\\",
    "'",
    "true",
    "false",
    "raw",
    "none",
    "sanitized",
    "-1",
    "0",
    "99999999999999999999",
    "SELECT 1",
    "\"SELECT \\\"1\\\"\"",
    "%",
    "%2",
    "%zz",
    "é",
    "中文",
    "\uD83D\uDE00",
    "\uD800",
    "\u0301",
    " ",
    "\t",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ":",
    "//",
    "@",
    "#",
  };

  private final MockTracer tracer = new MockTracer();

  @BeforeEach
  void installTracer() {
    TracingDriver.init(tracer);
  }

  @AfterEach
  void restoreGlobalTracer() {
    TracingDriver.init(GlobalTracer.get());
  }

  @Test
  void sqliteFileUrlsConnectOrThrowSqlException(@TempDir Path dir) {
    assertEveryMutationConnectsOrThrowsSqlException(
        "jdbc:tracing:sqlite:" + dir.resolve("fuzz.db"), "org.sqlite");
  }

  @Test
  void h2MemoryUrlsConnectOrThrowSqlException() {
    assertEveryMutationConnectsOrThrowsSqlException("jdbc:tracing:h2:mem:fuzz", "org.h2");
  }

  /**
   * Asserts that nothing but an SQLException, or an exception made in {@code realDriver}, escapes.
   */
  private void assertEveryMutationConnectsOrThrowsSqlException(String base, String realDriver) {
    Random random = new Random(SEED);
    List<String> otherwise = new ArrayList<>();
    int connected = 0;
    for (int i = 0; i < MUTATIONS_PER_DATABASE; i++) {
      String url = base + mutate(parameters(random), random);
      try (Connection c = DriverManager.getConnection(url)) {
        connected++;
      } catch (SQLException expected) {
        // the documented failure
      } catch (RuntimeException | Error e) {
        if (!Recorded.madeBy(e, realDriver)) {
          otherwise.add(e + " at " + e.getStackTrace()[0] + " from " + url);
        }
      }
    }
    assertThat(otherwise).isEmpty();
    assertThat(connected).as("some mutations are valid URLs").isPositive();
  }

  private static String parameters(Random random) {
    StringBuilder url = new StringBuilder();
    int parameters = random.nextInt(5);
    for (int p = 0; p < parameters; p++) {
      url.append("?&;".charAt(random.nextInt(3)));
      int pieces = 1 + random.nextInt(4);
      for (int i = 0; i < pieces; i++) {
        url.append(PIECES[random.nextInt(PIECES.length)]);
      }
      if (random.nextInt(50) == 0) {
        url.append("v".repeat(20_000));
      }
    }
    return url.toString();
  }

  /** A few random character insertions, deletions and replacements. */
  private static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int edits = random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(out.length() + 1);
      char c = (char) (0x20 + random.nextInt(0x2FF));
      switch (random.nextInt(3)) {
        case 0 -> out.insert(at, c);
        case 1 -> {
          if (at < out.length()) out.deleteCharAt(at);
        }
        default -> {
          if (at < out.length()) out.setCharAt(at, c);
        }
      }
    }
    return out.toString();
  }
}
