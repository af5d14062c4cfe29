package io.tracejdbc.driver.internal.opentracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.LogCapture;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tracer before any {@code init}, as a tool gets it. The whole path (first connection, looked
 * up once, no resolver jar at all) runs in fresh JVMs in packaging-tests.
 */
class TracerResolutionTest {
  private final LogCapture log = new LogCapture();

  @BeforeEach
  void nothingRegisteredGlobally() {
    assertThat(GlobalTracer.isRegistered()).as("a test registered a GlobalTracer").isFalse();
  }

  @AfterEach
  void stopCapture() {
    log.close();
    System.clearProperty("tracerresolver.disabled");
  }

  @Test
  void aTracerThatTracerResolverFindsIsTheDefault() {
    assertThat(DefaultTracer.resolve()).isSameAs(ResolvableTracerFactory.TRACER);
    assertThat(log.at(Level.INFO))
        .containsExactly(
            "tracejdbc traces with "
                + ResolvableTracerFactory.TRACER.getClass().getName()
                + ", found by TracerResolver");
  }

  @Test
  void withNoTracerFoundSpansGoToTheNoopTracerAndTheLogSaysHowToSetOne() {
    System.setProperty("tracerresolver.disabled", "true");

    assertThat(DefaultTracer.resolve()).isSameAs(GlobalTracer.get());
    assertThat(log.at(Level.INFO))
        .singleElement()
        .asString()
        .contains(
            "spans go to the no-op tracer",
            "TracingDriver.init(tracer)",
            "GlobalTracer.registerIfAbsent(tracer)",
            "opentracing-tracerresolver");
  }
}
