package io.tracejdbc.tck;

/** The contract on the named in-memory H2 database. */
class H2InMemoryTest extends TracingContract {
  @Override
  Database database() {
    return Database.h2Memory();
  }
}
