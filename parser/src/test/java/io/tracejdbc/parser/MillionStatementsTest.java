package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * A million distinct statements (each a first sight: no two share a sanitized text) keep the
 * classifier's cache within its capacity at every step and start no thread.
 */
class MillionStatementsTest {
  private static final int STATEMENTS = 1_000_000;

  @Test
  void aMillionDistinctStatementsKeepTheCacheBoundedAndStartNoThread() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startedBefore = threads.getTotalStartedThreadCount();
    int largest = 0;

    for (int i = 0; i < STATEMENTS; i++) {
      SqlClassifier.classify("SELECT c FROM million_" + i);
      largest = Math.max(largest, SqlClassifier.CACHE.size());
    }

    assertThat(largest).isLessThanOrEqualTo(SqlClassifier.CACHE_CAPACITY);
    assertThat(threads.getTotalStartedThreadCount()).isEqualTo(startedBefore);
  }
}
