package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/** JSqlParser's convenience methods start a thread per parse; the classifier must not. */
class NoThreadsTest {

  @Test
  void aThousandFirstSightClassificationsStartNoThread() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startedBefore = threads.getTotalStartedThreadCount();

    for (int i = 0; i < 1_000; i++) {
      SqlClassifier.classify(
          "SELECT a, b FROM no_threads_" + i + " t JOIN other o ON o.id = t.id WHERE t.x = 1");
    }

    assertThat(threads.getTotalStartedThreadCount()).isEqualTo(startedBefore);
  }
}
