package io.tracejdbc.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counter {@code tracejdbc.n_plus_one} in a Micrometer {@link MeterRegistry}, tagged with the
 * statement's {@code db.query.summary}: one count per N+1 found (per parent span and statement
 * shape), so the registry's own lookup is cheap enough.
 */
final class NPlusOneCounts {
  static final String NAME = "tracejdbc.n_plus_one";

  private final MeterRegistry registry;

  NPlusOneCounts(MeterRegistry registry) {
    this.registry = registry;
  }

  void count(String summary) {
    Counter.builder(NAME)
        .description(
            "N+1 queries found: runs of one statement under one parent span that reached"
                + " tracejdbc's nPlusOneThreshold")
        .tag(Conventions.DB_QUERY_SUMMARY, summary)
        .register(registry)
        .increment();
  }

  @Override
  public String toString() {
    return NAME + " in " + registry;
  }
}
