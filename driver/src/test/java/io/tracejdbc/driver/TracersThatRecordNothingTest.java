package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.opentracing.mock.MockTracer;
import io.opentracing.noop.NoopTracerFactory;
import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.internal.DriverAccess;
import io.tracejdbc.driver.internal.opentracing.OpenTracingTelemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/**
 * A tracer that records nothing costs the statement nothing: no classification, no span started.
 */
class TracersThatRecordNothingTest {

  @Test
  void openTracingsNoopTracerAndAnEmptyGlobalTracerRecordNothing() {
    assertThat(new OpenTracingTelemetry(NoopTracerFactory.create()).recordsNothing()).isTrue();
    assertThat(new OpenTracingTelemetry(new MockTracer()).recordsNothing()).isFalse();
    assumeThat(GlobalTracer.isRegistered()).as("no tracer registered in this JVM").isFalse();
    assertThat(new OpenTracingTelemetry(GlobalTracer.get()).recordsNothing()).isTrue();
  }

  @Test
  void noSpanIsStartedForATelemetryThatRecordsNothing() throws SQLException {
    CountingTelemetry telemetry = new CountingTelemetry();
    SQLiteDataSource real = new SQLiteDataSource();
    real.setUrl("jdbc:sqlite::memory:");
    DataSource traced = DriverAccess.get().dataSource(real, telemetry, TracingOptions.defaults());

    try (Connection c = traced.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
        insert.setInt(1, 1);
        insert.executeUpdate();
        insert.addBatch();
        insert.executeBatch();
      }
      s.addBatch("DELETE FROM t");
      s.executeBatch();
      c.setAutoCommit(false);
      c.commit();
    }

    assertThat(telemetry.asked.get()).isEqualTo(5);
    assertThat(telemetry.started.get()).isZero();
  }

  /** Records nothing, and counts how often it was asked and started. */
  private static final class CountingTelemetry extends InertTelemetry {
    final AtomicInteger asked = new AtomicInteger();
    final AtomicInteger started = new AtomicInteger();

    @Override
    public boolean recordsNothing() {
      asked.incrementAndGet();
      return true;
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
      started.incrementAndGet();
      return new Object();
    }

    @Override
    public Object startCall(Object parent, DbInfo db, String operation) {
      started.incrementAndGet();
      return new Object();
    }
  }
}
