package io.tracejdbc.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.packaging.Jvm.Run;
import org.junit.jupiter.api.Test;

/**
 * opentracing-contrib's java-jdbc registers a driver for {@code jdbc:tracing:} URLs too: with both
 * jars on the class path, the driver names it in one warning, whichever registered first.
 */
class RivalDriverIT {
  private static final String JAVA_JDBC =
      Jvm.classPath(Jvm.jar("opentracing-jdbc-"), Jvm.jar("common-"));
  private static final String SQLITE = Jvm.jar("sqlite-jdbc-").toString();

  @Test
  void javaJdbcFirstOnTheClassPathIsNamedAsTakingEveryConnection() {
    Run run =
        Jvm.java(
            Jvm.classPath(JAVA_JDBC, Jvm.allJarsOf(Jvm.DRIVER_FOLDER), SQLITE, Jvm.CLASSES),
            ToolWithoutInit.class.getName());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.logLines("WARNING"))
        .as("%s", run)
        .containsExactly(
            "WARNING: Other JDBC drivers"
                + " than tracejdbc's accept jdbc:tracing: URLs: io.opentracing.contrib.jdbc.TracingDriver"
                + " (registered before tracejdbc: it takes all of them, untraced by tracejdbc)."
                + " DriverManager gives each connection to the first registered; keep one of these jars"
                + " on the class path.");
  }

  @Test
  void javaJdbcAfterTheDriverIsNamedAsGettingNone() {
    Run run =
        Jvm.java(
            Jvm.classPath(Jvm.allJarsOf(Jvm.DRIVER_FOLDER), JAVA_JDBC, SQLITE, Jvm.CLASSES),
            ToolWithoutInit.class.getName());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.logLines("WARNING"))
        .as("%s", run)
        .singleElement()
        .asString()
        .contains(
            "io.opentracing.contrib.jdbc.TracingDriver (registered after tracejdbc: it gets none");
  }
}
