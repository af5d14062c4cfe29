package io.tracejdbc.driver;

import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import java.util.Map;

/**
 * A backend for tests of the driver's side of the seam: it records and starts nothing unless a test
 * overrides what it watches.
 */
abstract class InertTelemetry implements Telemetry<Object> {
  @Override
  public boolean recordsNothing() {
    return false;
  }

  @Override
  public boolean hasCurrentSpan() {
    return false;
  }

  @Override
  public Object start(
      Object parent,
      DbInfo db,
      String operation,
      String table,
      String summary,
      String storedProcedure,
      String statement,
      int batchSize) {
    return this;
  }

  @Override
  public Object startCall(Object parent, DbInfo db, String operation) {
    return this;
  }

  @Override
  public Object parentOf(Object marked) {
    return null;
  }

  @Override
  public void nPlusOneExecution(Object span, int count) {}

  @Override
  public String nPlusOne(
      Object parent,
      DbInfo db,
      String operation,
      String summary,
      String sanitizedSql,
      int threshold) {
    return null;
  }

  @Override
  public void rowsAffected(Object span, long rows) {}

  @Override
  public void failed(Object span, Throwable error, boolean raw) {}

  @Override
  public void finish(Object span, boolean slow) {}

  @Override
  public Map<String, String> propagation(Object span) {
    return Map.of();
  }

  @Override
  public Map<String, String> currentPropagation(Object parent) {
    return Map.of();
  }

  @Override
  public void parameter(Object span, String key, String value) {}

  @Override
  public Object startAcquisition(String name) {
    return null;
  }
}
