package io.tracejdbc.driver;

import io.tracejdbc.parser.SqlInfo;
import java.util.Arrays;

/**
 * How many times each statement shape ran under the latest parent span of this thread: the count
 * behind N+1 detection. One instance per thread, so the hot path takes no lock and there is no map
 * keyed by spans: the table holds the last parent seen and up to {@link #MAX_SHAPES} shapes, and
 * starts over when the parent changes.
 *
 * <p>What this misses, by construction: a run whose executions hop threads (lazy loads from tasks
 * of an executor) is counted per thread; executions that alternate between parents on one thread (a
 * span per repository call) restart at every change; past {@link #MAX_SHAPES} shapes under one
 * parent, the least repeated is forgotten. It holds the thread's last parent until the thread runs
 * a traced statement under another.
 */
final class StatementRuns {
  /** The distinct statement shapes counted under one parent. */
  static final int MAX_SHAPES = 32;

  private static final ThreadLocal<StatementRuns> OF_THREAD =
      ThreadLocal.withInitial(StatementRuns::new);

  private Object parent;
  private SqlInfo[] shapes = new SqlInfo[8];
  private int[] counts = new int[8];
  private int size;

  /** The last slot found, tried first: a loop runs the same statement again. */
  private int last;

  private StatementRuns() {}

  /**
   * Counts one execution of {@code shape} under {@code parent} (see {@link
   * io.tracejdbc.driver.internal.Telemetry#parentOf}) on this thread: its position in the run of
   * that shape under that parent, from 1.
   */
  static int count(Object parent, SqlInfo shape) {
    return OF_THREAD.get().add(parent, shape);
  }

  private int add(Object parent, SqlInfo shape) {
    Object known = this.parent;
    if (known != parent && (known == null || !known.equals(parent))) {
      startOver(parent);
    }
    int slot = slotOf(shape);
    int count = counts[slot];
    return count == Integer.MAX_VALUE ? count : (counts[slot] = count + 1);
  }

  private void startOver(Object parent) {
    this.parent = parent;
    Arrays.fill(shapes, 0, size, null);
    size = 0;
    last = 0;
  }

  private int slotOf(SqlInfo shape) {
    if (last < size && shapes[last] == shape) {
      return last;
    }
    for (int i = 0; i < size; i++) {
      if (shapes[i] == shape) {
        return last = i;
      }
    }
    // the same shape classified twice (the classifier's cache evicted it in between)
    String text = shape.sanitizedSql();
    for (int i = 0; i < size; i++) {
      if (shapes[i].sanitizedSql().equals(text)) {
        return last = i;
      }
    }
    return last = insert(shape);
  }

  private int insert(SqlInfo shape) {
    int slot = size;
    if (slot == shapes.length && slot < MAX_SHAPES) {
      shapes = Arrays.copyOf(shapes, slot * 2);
      counts = Arrays.copyOf(counts, slot * 2);
    }
    if (slot < shapes.length) {
      size++;
    } else {
      slot = leastRepeated();
    }
    shapes[slot] = shape;
    counts[slot] = 0;
    return slot;
  }

  private int leastRepeated() {
    int least = 0;
    for (int i = 1; i < size; i++) {
      if (counts[i] < counts[least]) least = i;
    }
    return least;
  }
}
