package io.tracejdbc.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.packaging.Jvm.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver jar beside an application that uses its own, older JSqlParser (4.9, as MyBatis-Plus
 * brings): the application's parsing and tracejdbc's span names are both as they are alone.
 */
class ApplicationJsqlParserIT {
  private static final String SQLITE = Jvm.jar("sqlite-jdbc-").toString();
  private static final String MOCK = Jvm.jar("opentracing-mock-").toString();

  @Test
  void anApplicationsOwnJsqlParser49AndTheDriverBothWork(@TempDir Path dir) throws IOException {
    Run alone =
        Jvm.java(
            Jvm.classPath(Jvm.CLASSES, Jvm.allJarsOf(Jvm.DRIVER_FOLDER), SQLITE, MOCK),
            TracedStatements.class.getName());
    Path classLoading = dir.resolve("class-loading.log");
    Path jsqlParser49 = Jvm.jar("jsqlparser-4.9");
    Run beside =
        Jvm.java(
            Jvm.classPath(
                Jvm.CLASSES, Jvm.allJarsOf(Jvm.DRIVER_FOLDER), jsqlParser49, SQLITE, MOCK),
            ApplicationWithOwnJsqlParser.class.getName(),
            "-Xlog:class+load=info:file=" + classLoading);

    assertThat(alone.exitCode()).as("%s", alone).isZero();
    assertThat(beside.exitCode()).as("%s", beside).isZero();
    List<String> spans = alone.outLines("span: ");
    assertThat(spans)
        .as("%s", alone)
        .hasSize(TracedStatements.SQL.size())
        .startsWith("create-table", "create-table", "create-index", "create-view")
        .containsSubsequence("insert", "select", "update", "delete", "drop-table");
    assertThat(beside.outLines("span: ")).as("%s", beside).isEqualTo(spans);

    List<String> parsedBefore = beside.outLines("application's jsqlparser before: ");
    assertThat(parsedBefore)
        .hasSize(TracedStatements.SQL.size())
        .contains(
            "net.sf.jsqlparser.statement.create.table.CreateTable",
            "net.sf.jsqlparser.statement.insert.Insert",
            "net.sf.jsqlparser.statement.select.PlainSelect");
    assertThat(beside.outLines("application's jsqlparser after: ")).isEqualTo(parsedBefore);

    List<String> loaded = Files.readAllLines(classLoading);
    assertThat(loadedFromFiles(loaded, "net.sf.jsqlparser."))
        .isNotEmpty()
        .allMatch(line -> line.endsWith("source: file:" + jsqlParser49));
    assertThat(loadedFromFiles(loaded, "io.tracejdbc.driver.shaded.jsqlparser."))
        .as("tracejdbc's relocated JSqlParser ran")
        .isNotEmpty()
        .allMatch(line -> line.matches(".*source: file:.*/tracejdbc-driver-[^/]*\\.jar"));
  }

  /** The -Xlog:class+load lines of classes in {@code packagePrefix} read from a jar or folder. */
  private static List<String> loadedFromFiles(List<String> lines, String packagePrefix) {
    return lines.stream()
        .filter(line -> line.contains("[class,load] " + packagePrefix))
        .filter(line -> line.contains(" source: file:"))
        .collect(Collectors.toList());
  }
}
