package io.tracejdbc.tck;

/** The OpenTelemetry contract on the named in-memory H2 database. */
class OpenTelemetryOnH2Test extends OpenTelemetryContract {
  @Override
  Database database() {
    return Database.h2Memory();
  }
}
