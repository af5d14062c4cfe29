package io.tracejdbc.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.packaging.Jvm.Run;
import io.tracejdbc.packaging.tracer.PrintingTracerFactory;
import org.junit.jupiter.api.Test;

/**
 * A tool cannot call {@code TracingDriver.init}: with TracerResolver in its folder the driver
 * traces with the tracer it finds, looked up once; without it, the driver says once, at INFO, that
 * spans go to the no-op tracer, and works all the same.
 */
class ToolTracerIT {
  private static final String SQLITE = Jvm.jar("sqlite-jdbc-").toString();

  @Test
  void withTracerResolverTheDriverTracesWithTheTracerItFinds() {
    Run run =
        Jvm.java(
            Jvm.classPath(
                Jvm.CLASSES,
                Jvm.allJarsOf(Jvm.DRIVER_FOLDER),
                Jvm.jar("opentracing-tracerresolver-"),
                Jvm.jar("opentracing-mock-"),
                SQLITE),
            ToolWithoutInit.class.getName());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.outLines("tracer factory asked")).as("%s", run).hasSize(1);
    assertThat(run.outLines("span: ")).as("%s", run).containsExactly("select", "select");
    assertThat(run.logLines("INFO"))
        .as("%s", run)
        .containsOnlyOnce(
            "INFO: tracejdbc traces with "
                + PrintingTracerFactory.class.getName()
                + "$1, found by TracerResolver");
  }

  @Test
  void withoutATracerTheDriverWorksAndSaysOnceThatSpansGoToTheNoopTracer() {
    Run run =
        Jvm.java(
            Jvm.classPath(Jvm.CLASSES, Jvm.allJarsOf(Jvm.DRIVER_FOLDER), SQLITE),
            ToolWithoutInit.class.getName());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.outLines("connection ")).containsExactly("1 done", "2 done");
    assertThat(run.logLines("INFO"))
        .as("%s", run)
        .singleElement()
        .asString()
        .startsWith("INFO: tracejdbc has no tracer")
        .contains("spans go to the no-op tracer", "TracingDriver.init(tracer)");
  }

  @Test
  void aDataSourceWithItsOwnTracerNeverSaysThereIsNone() {
    Run run =
        Jvm.java(
            Jvm.classPath(
                Jvm.CLASSES,
                Jvm.allJarsOf(Jvm.DRIVER_FOLDER),
                Jvm.jar("opentracing-mock-"),
                SQLITE),
            DataSourceWithOwnTracer.class.getName());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.outLines("spans: ")).as("%s", run).containsExactly("1");
    assertThat(run.logLines("INFO")).as("%s", run).isEmpty();
  }
}
