package io.tracejdbc.parser;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Classifications keyed by sanitized SQL. Bounded without a thread or a lock: when full, it is
 * emptied and refills with the statements in use.
 */
final class ParseCache {
  private final int capacity;
  private final ConcurrentHashMap<String, SqlInfo> entries = new ConcurrentHashMap<>();

  ParseCache(int capacity) {
    this.capacity = capacity;
  }

  SqlInfo get(String sanitizedSql) {
    return entries.get(sanitizedSql);
  }

  void put(String sanitizedSql, SqlInfo info) {
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.put(sanitizedSql, info);
  }

  int size() {
    return entries.size();
  }
}
