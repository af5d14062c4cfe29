package io.tracejdbc.spring;

import io.tracejdbc.driver.internal.url.DbInfo;
import io.tracejdbc.opentelemetry.ConventionsAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A connection's database as the conventions describe it (system, namespace, server), built once
 * per distinct connection facts and shared by the spans and the metric.
 */
final class DatabaseTags {
  /** Bounds the databases kept, against connections to ever new ones. */
  static final int CACHED_DATABASES = 256;

  private static final ConcurrentMap<String, DatabaseTags> KNOWN = new ConcurrentHashMap<>();

  /**
   * The facts asked for last and their tags: a traced data source shares one {@code DbInfo} among
   * its connections, so most calls find theirs here without building the key.
   */
  private static volatile Recent recent;

  private record Recent(DbInfo db, DatabaseTags tags) {}

  final String systemName;
  final String namespace;
  final String host;

  /** The port as text, only with a host. */
  final String port;

  /** The name of a span with neither summary nor operation name. */
  final String fallbackName;

  private DatabaseTags(DbInfo db) {
    systemName = ConventionsAccess.systemName(db.system);
    namespace = db.namespace;
    host = db.host;
    port = db.host != null && db.port != null ? db.port.toString() : null;
    fallbackName = ConventionsAccess.fallbackName(db);
  }

  static DatabaseTags of(DbInfo db) {
    Recent last = recent;
    if (last != null && last.db == db) {
      return last.tags;
    }
    DatabaseTags tags = lookUp(db);
    recent = new Recent(db, tags);
    return tags;
  }

  private static DatabaseTags lookUp(DbInfo db) {
    String key = db.system + '\n' + db.namespace + '\n' + db.host + '\n' + db.port;
    DatabaseTags known = KNOWN.get(key);
    if (known == null) {
      known = new DatabaseTags(db);
      if (KNOWN.size() < CACHED_DATABASES) {
        KNOWN.putIfAbsent(key, known);
      }
    }
    return known;
  }
}
