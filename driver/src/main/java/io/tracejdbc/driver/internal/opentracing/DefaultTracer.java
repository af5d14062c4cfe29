package io.tracejdbc.driver.internal.opentracing;

import io.opentracing.Tracer;
import io.opentracing.contrib.tracerresolver.TracerResolver;
import io.opentracing.util.GlobalTracer;
import java.lang.System.Logger.Level;
import java.util.ServiceConfigurationError;

/**
 * The tracer of connections when {@code TracingDriver.init} was never called: {@link GlobalTracer}
 * when a tracer is registered there; else one that OpenTracing's TracerResolver finds, when that
 * optional library is on the class path (how a tool that cannot call {@code init} gets a tracer);
 * else GlobalTracer's no-op, said once in the log.
 */
final class DefaultTracer {
  private static final System.Logger LOG = System.getLogger("io.tracejdbc.driver");
  private static final String RESOLVER_CLASS =
      "io.opentracing.contrib.tracerresolver.TracerResolver";

  private DefaultTracer() {}

  static Tracer resolve() {
    if (GlobalTracer.isRegistered()) {
      return GlobalTracer.get();
    }
    Tracer resolved = fromTracerResolver();
    if (resolved != null) {
      LOG.log(
          Level.INFO,
          "tracejdbc traces with {0}, found by TracerResolver",
          resolved.getClass().getName());
      return resolved;
    }
    LOG.log(
        Level.INFO,
        "tracejdbc has no tracer: TracingDriver.init was not called, GlobalTracer"
            + " has none registered and no TracerResolver found one, so spans go to the no-op tracer."
            + " Call TracingDriver.init(tracer) or GlobalTracer.registerIfAbsent(tracer) (with"
            + " OpenTelemetry, OpenTelemetryTracing.init(openTelemetry) of tracejdbc-opentelemetry)"
            + " before the first connection; in a tool, put opentracing-tracerresolver and your"
            + " tracer's resolver jar beside the driver jar.");
    return GlobalTracer.get();
  }

  private static Tracer fromTracerResolver() {
    ClassLoader loader = DefaultTracer.class.getClassLoader();
    try {
      Class.forName(RESOLVER_CLASS, false, loader);
    } catch (ClassNotFoundException absent) {
      return null;
    }
    try {
      return Resolver.resolve(loader);
    } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
      LOG.log(Level.WARNING, "TracerResolver failed; tracejdbc goes on without its tracer", e);
      return null;
    }
  }

  /** The one reference to TracerResolver: this class is loaded only once that one is found. */
  private static final class Resolver {
    static Tracer resolve(ClassLoader loader) {
      return TracerResolver.resolveTracer(loader);
    }
  }
}
