package io.tracejdbc.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The conventions' {@code db.client.operation.duration} histogram in a Micrometer {@link
 * MeterRegistry}: seconds, the buckets database-metrics.md advises, and the attributes the metric
 * conventions allow (never the query text).
 *
 * <p>Every timer has the same tag keys, an absent value being empty (Prometheus requires one key
 * set per name, and reads an empty label as none). A timer is looked up once per distinct call
 * shape (database, summary, failure): past {@link #CACHED_TIMERS} shapes, the registry's own
 * lookup.
 */
final class OperationDurations {
  static final String NAME = "db.client.operation.duration";

  /** Bounds the timers kept here, against applications minting table names. */
  static final int CACHED_TIMERS = 1024;

  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;
  private final ConcurrentMap<Shape, Timer> timers = new ConcurrentHashMap<>();

  OperationDurations(MeterRegistry registry) {
    this.registry = registry;
  }

  /** What tells one timer from another; null for a value the call does not have. */
  record Shape(
      DatabaseTags database,
      String summary,
      String storedProcedure,
      String operationName,
      String errorType,
      String statusCode) {}

  void record(Shape shape, long nanos) {
    Timer timer = timers.get(shape);
    if (timer == null) {
      timer = register(shape);
      if (timers.size() < CACHED_TIMERS) {
        timers.putIfAbsent(shape, timer);
      }
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer register(Shape shape) {
    DatabaseTags database = shape.database();
    return Timer.builder(NAME)
        .description("Duration of database client operations.")
        .serviceLevelObjectives(BUCKETS)
        .tags(
            Tags.of(
                Conventions.DB_SYSTEM_NAME, database.systemName,
                Conventions.DB_NAMESPACE, orEmpty(database.namespace),
                Conventions.SERVER_ADDRESS, orEmpty(database.host),
                Conventions.SERVER_PORT, orEmpty(database.port),
                Conventions.DB_OPERATION_NAME, orEmpty(shape.operationName()),
                Conventions.DB_QUERY_SUMMARY, orEmpty(shape.summary()),
                Conventions.DB_STORED_PROCEDURE_NAME, orEmpty(shape.storedProcedure()),
                Conventions.ERROR_TYPE, orEmpty(shape.errorType()),
                Conventions.DB_RESPONSE_STATUS_CODE, orEmpty(shape.statusCode())))
        .register(registry);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  @Override
  public String toString() {
    return NAME + " in " + registry;
  }
}
