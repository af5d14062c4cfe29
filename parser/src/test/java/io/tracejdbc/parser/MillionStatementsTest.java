package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * A million distinct statements (each a first sight: no two share a sanitized text) keep both
 * levels of the classifier's cache within their bounds at every step and start no thread.
 */
class MillionStatementsTest {
  private static final int STATEMENTS = 1_000_000;

  @Test
  void aMillionDistinctStatementsKeepTheCacheBoundedAndStartNoThread() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startedBefore = threads.getTotalStartedThreadCount();
    int largest = 0;
    long mostChars = 0;

    for (int i = 0; i < STATEMENTS; i++) {
      SqlClassifier.classify("SELECT c FROM million_" + i);
      largest =
          Math.max(
              largest, Math.max(SqlClassifier.BY_TEXT.size(), SqlClassifier.BY_SANITIZED.size()));
      mostChars =
          Math.max(
              mostChars,
              Math.max(SqlClassifier.BY_TEXT.chars(), SqlClassifier.BY_SANITIZED.chars()));
    }

    assertThat(largest).isLessThanOrEqualTo(SqlClassifier.CACHE_ENTRIES);
    assertThat(mostChars).isLessThanOrEqualTo(SqlClassifier.CACHE_CHARS);
    assertThat(threads.getTotalStartedThreadCount()).isEqualTo(startedBefore);
  }
}
