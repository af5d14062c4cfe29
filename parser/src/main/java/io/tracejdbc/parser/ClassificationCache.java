package io.tracejdbc.parser;

import io.tracejdbc.parser.SqlClassifier.Dialect;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Classifications by statement text, bounded by entry count and by the characters of text held. A
 * read is a {@link ConcurrentHashMap} get and marks its entry as used. A write into a full cache
 * evicts a few entries by the CLOCK policy: a hand sweeps the entries, gives one read since it last
 * passed a second chance, and evicts the first that has none, so the statements in use stay and
 * there is no clear-all cliff. Writers never wait: while one thread writes, another's entry is
 * simply not cached. No thread is started.
 */
final class ClassificationCache {
  /** One cached classification. */
  static final class Entry {
    final String text;
    final SqlInfo info;

    /** The dialect {@link #text} was sanitized in; null where the text is already sanitized. */
    final Dialect dialect;

    /** Read since the CLOCK hand last passed: a plain field, as a lost update costs nothing. */
    boolean used;

    /** For an entry keyed by sanitized text: the hash of the last text as given that led here. */
    int lastTextHash;

    private int slot;

    Entry(String text, SqlInfo info, Dialect dialect) {
      this.text = text;
      this.info = info;
      this.dialect = dialect;
    }

    /** What the entry holds, counted against the bound: the characters of its text. */
    int chars() {
      return text.length();
    }
  }

  private final int maxChars;
  private final ConcurrentHashMap<String, Entry> entries;

  /** The CLOCK's slots; written only by the thread holding {@link #writing}. */
  private final Entry[] slots;

  private final int[] freeSlots;
  private final AtomicBoolean writing = new AtomicBoolean();
  private int freeCount;
  private int hand;
  private long chars;

  ClassificationCache(int maxEntries, int maxChars) {
    this.maxChars = maxChars;
    this.entries = new ConcurrentHashMap<>(maxEntries * 4 / 3 + 1);
    this.slots = new Entry[maxEntries];
    this.freeSlots = new int[maxEntries];
    for (int i = 0; i < maxEntries; i++) {
      freeSlots[i] = maxEntries - 1 - i;
    }
    this.freeCount = maxEntries;
  }

  /** The entry for {@code text}, or null. */
  Entry get(String text) {
    Entry entry = entries.get(text);
    if (entry != null && !entry.used) {
      entry.used = true;
    }
    return entry;
  }

  /**
   * Adds {@code entry}, replacing one of the same text, evicting others as the bounds require; does
   * nothing when another thread is adding or the entry alone would take more than a sixty-fourth of
   * the characters.
   */
  void put(Entry entry) {
    if (entry.chars() > maxChars / 64 || !writing.compareAndSet(false, true)) {
      return;
    }
    try {
      Entry old = entries.get(entry.text);
      if (old != null) {
        remove(old);
      }
      while (freeCount == 0 || chars + entry.chars() > maxChars) {
        evictOne();
      }
      entry.slot = freeSlots[--freeCount];
      slots[entry.slot] = entry;
      chars += entry.chars();
      entries.put(entry.text, entry);
    } finally {
      writing.set(false);
    }
  }

  int size() {
    return entries.size();
  }

  /** The characters the entries hold, as counted against the bound. */
  long chars() {
    return chars;
  }

  private void evictOne() {
    while (true) {
      Entry entry = slots[hand];
      hand = hand + 1 == slots.length ? 0 : hand + 1;
      if (entry != null) {
        if (!entry.used) {
          remove(entry);
          return;
        }
        entry.used = false;
      }
    }
  }

  private void remove(Entry entry) {
    entries.remove(entry.text, entry);
    slots[entry.slot] = null;
    freeSlots[freeCount++] = entry.slot;
    chars -= entry.chars();
  }
}
