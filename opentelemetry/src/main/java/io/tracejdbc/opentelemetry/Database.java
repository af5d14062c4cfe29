package io.tracejdbc.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.tracejdbc.driver.internal.url.DbInfo;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A connection's database as the conventions describe it, built once per distinct connection facts:
 * the attributes every span and measurement of it has, the span name of a statement that has no
 * summary, and the attributes of the duration metric per summary.
 */
final class Database {
  static final AttributeKey<String> DB_SYSTEM_NAME = stringKey("db.system.name");
  static final AttributeKey<String> DB_NAMESPACE = stringKey("db.namespace");
  static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
  static final AttributeKey<String> DB_OPERATION_NAME = stringKey("db.operation.name");
  static final AttributeKey<String> DB_QUERY_SUMMARY = stringKey("db.query.summary");
  static final AttributeKey<String> DB_STORED_PROCEDURE_NAME =
      stringKey("db.stored_procedure.name");

  /** Bounds the metric attributes kept per database, against applications minting table names. */
  static final int CACHED_SUMMARIES = 1024;

  /** tracejdbc's {@code db.system}, which {@link #systemName} is the conventions' name of. */
  final String system;

  final String systemName;
  final String namespace;
  final String host;
  final Integer port;

  /** The attributes of every span and measurement: system, namespace, server address and port. */
  final Attributes attributes;

  /**
   * The name of a span with neither summary nor operation name: the conventions' {@code {target}}
   * (the namespace, else {@code server.address:server.port}), else {@code db.system.name}.
   */
  final String fallbackName;

  private final ConcurrentMap<String, Attributes> bySummary = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Attributes> byCall = new ConcurrentHashMap<>();

  Database(DbInfo db) {
    system = db.system;
    systemName = DbSystemNames.of(db.system);
    namespace = db.namespace;
    host = db.host;
    port = db.port;
    AttributesBuilder builder = Attributes.builder().put(DB_SYSTEM_NAME, systemName);
    if (namespace != null) builder.put(DB_NAMESPACE, namespace);
    if (host != null) builder.put(SERVER_ADDRESS, host);
    if (host != null && port != null) builder.put(SERVER_PORT, (long) port);
    attributes = builder.build();
    if (namespace != null) {
      fallbackName = namespace;
    } else if (host != null) {
      fallbackName = port == null ? host : host + ':' + port;
    } else {
      fallbackName = systemName;
    }
  }

  /** Whether {@code db} has the facts this database was built from. */
  boolean describes(DbInfo db) {
    return system.equals(db.system)
        && Objects.equals(namespace, db.namespace)
        && Objects.equals(host, db.host)
        && Objects.equals(port, db.port);
  }

  /**
   * The duration metric's attributes of a statement with {@code summary} (null: none) and {@code
   * storedProcedure} (null: none).
   */
  Attributes statementAttributes(String summary, String storedProcedure) {
    if (summary == null && storedProcedure == null) {
      return attributes;
    }
    String key = summary != null ? summary : "";
    Attributes known = bySummary.get(key);
    if (known != null && Objects.equals(storedProcedure, known.get(DB_STORED_PROCEDURE_NAME))) {
      return known;
    }
    AttributesBuilder builder = attributes.toBuilder();
    if (summary != null) builder.put(DB_QUERY_SUMMARY, summary);
    if (storedProcedure != null) builder.put(DB_STORED_PROCEDURE_NAME, storedProcedure);
    Attributes built = builder.build();
    if (known == null && bySummary.size() < CACHED_SUMMARIES) {
      bySummary.putIfAbsent(key, built);
    }
    return built;
  }

  /** The duration metric's attributes of the JDBC call named {@code operationName}. */
  Attributes callAttributes(String operationName) {
    Attributes known = byCall.get(operationName);
    if (known == null) {
      known =
          attributes.toBuilder()
              .put(DB_OPERATION_NAME, operationName)
              .put(DB_QUERY_SUMMARY, operationName)
              .build();
      byCall.putIfAbsent(operationName, known);
    }
    return known;
  }
}
