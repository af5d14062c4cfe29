package io.tracejdbc.driver.internal;

import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.driver.TracingOptions;
import javax.sql.DataSource;

/**
 * What another tracing API's module ({@code tracejdbc-opentelemetry}) needs of the driver's
 * registry, which is package-private: the driver's package provides the one instance when it loads.
 *
 * <p>Internal, not API: public only for tracejdbc's own modules, and free to change.
 */
public abstract class DriverAccess {
  private static volatile DriverAccess instance;

  /** For the driver's package only. */
  protected DriverAccess() {}

  /**
   * The driver's registry.
   *
   * @throws IllegalStateException if the driver failed to load
   */
  public static DriverAccess get() {
    DriverAccess access = instance;
    if (access == null) {
      try {
        Class.forName(TracingDriver.class.getName(), true, DriverAccess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("tracejdbc's driver is not on the class path", e);
      }
      access = instance;
    }
    if (access == null) {
      throw new IllegalStateException("tracejdbc's driver did not provide its registry");
    }
    return access;
  }

  /** Called once, by the driver's package as it loads; later calls are refused. */
  public static void provide(DriverAccess access) {
    if (instance != null) {
      throw new IllegalStateException("the driver's registry is provided already");
    }
    instance = access;
  }

  /** As {@link TracingDriver#init(io.opentracing.Tracer, TracingOptions)}, to {@code telemetry}. */
  public abstract void init(Telemetry<?> telemetry, TracingOptions options);

  /**
   * As {@link TracingDriver#setParentSpan}, with a span of {@code telemetry}'s API as {@code
   * parent} (checked by the caller).
   */
  public abstract void setParentSpan(Object target, Object parent);

  /** A data source whose connections send their spans to {@code telemetry}. */
  public abstract DataSource dataSource(
      DataSource real, Telemetry<?> telemetry, TracingOptions options);
}
