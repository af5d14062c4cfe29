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
            + " has none registered and no TracerResolver found one, so spans go to the no-op tracer. "
            + fix(DefaultTracer.class.getClassLoader()));
    return GlobalTracer.get();
  }

  /** How to give tracejdbc a tracer, for the application the class path suggests. */
  static String fix(ClassLoader loader) {
    if (present("org.springframework.boot.SpringApplication", loader)) {
      return "In a Spring Boot application, use io.tracejdbc:tracejdbc-spring-boot-starter instead"
          + " of the jdbc:tracing: URL: it traces every DataSource bean with the application's"
          + " tracing (Micrometer Tracing, OpenTelemetry or OpenTracing).";
    }
    String openTelemetry =
        present("io.opentelemetry.api.OpenTelemetry", loader)
            ? "With OpenTelemetry, call OpenTelemetryTracing.init(openTelemetry) of"
                + " tracejdbc-opentelemetry before the first statement. Otherwise, call"
            : "Call";
    return openTelemetry
        + " TracingDriver.init(tracer) or GlobalTracer.registerIfAbsent(tracer) before the first"
        + " statement; in a tool, put opentracing-tracerresolver and your tracer's resolver jar"
        + " beside the driver jar.";
  }

  private static boolean present(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
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
