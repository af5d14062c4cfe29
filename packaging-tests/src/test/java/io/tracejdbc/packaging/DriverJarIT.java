package io.tracejdbc.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What users download: the driver jar is self-contained, its POM depends on OpenTracing alone; the
 * parser jar carries its JSqlParser relocated too.
 */
class DriverJarIT {
  private static final Path DRIVER_JAR = Jvm.file(Jvm.DRIVER_FOLDER, "tracejdbc-driver-", ".jar");
  private static final Path PARSER_JAR = Jvm.jar("tracejdbc-parser-");

  @Test
  void everyClassOfTheDriverJarIsUnderIoTracejdbcDriver() throws IOException {
    List<String> classes = classesOf(DRIVER_JAR);

    assertThat(classes)
        .allMatch(name -> name.startsWith("io/tracejdbc/driver/"))
        .noneMatch(name -> name.startsWith("net/sf/jsqlparser/"))
        .contains(
            "io/tracejdbc/driver/TracingDriver.class",
            "io/tracejdbc/driver/shaded/parser/SqlClassifier.class",
            "io/tracejdbc/driver/shaded/jsqlparser/parser/CCJSqlParser.class");
  }

  @Test
  void theDriverJarRegistersTheDriverAndNamesItsModule() throws IOException {
    try (JarFile jar = new JarFile(DRIVER_JAR.toFile())) {
      assertThat(text(jar, "META-INF/services/java.sql.Driver").strip())
          .isEqualTo("io.tracejdbc.driver.TracingDriver");
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .isEqualTo("io.tracejdbc.driver");
      assertThat(jar.getEntry("module-info.class")).isNull();
    }
  }

  @Test
  void bothJarsCarryTheLicensesAndSayWhichJsqlParserIsUsedUnder() throws IOException {
    for (Path path : List.of(DRIVER_JAR, PARSER_JAR)) {
      try (JarFile jar = new JarFile(path.toFile())) {
        assertThat(text(jar, "META-INF/LICENSE")).contains("Apache License", "Version 2.0");
        assertThat(text(jar, "META-INF/NOTICE").replaceAll("\\s+", " "))
            .contains(
                "JSqlParser",
                "tracejdbc uses and redistributes it under the Apache License, Version 2.0");
        assertThat(text(jar, "META-INF/licenses/jsqlparser/LICENSE-Apache-2.0.txt"))
            .contains("Apache License");
        assertThat(text(jar, "META-INF/licenses/jsqlparser/LICENSE-LGPL-2.1.txt"))
            .contains("GNU LESSER GENERAL PUBLIC LICENSE", "Version 2.1");
      }
    }
  }

  @Test
  void theDriverPomDependsOnOpenTracingApiAndUtilAlone() throws Exception {
    List<String> dependencies = dependencies(Jvm.file(Jvm.JARS, "tracejdbc-driver-", ".pom"));

    assertThat(dependencies)
        .filteredOn(d -> d.endsWith(":compile"))
        .containsExactlyInAnyOrder(
            "io.opentracing:opentracing-api:compile", "io.opentracing:opentracing-util:compile");
    assertThat(dependencies)
        .noneMatch(d -> d.contains("jsqlparser") || d.contains("tracejdbc-parser"));
  }

  @Test
  void theParserJarCarriesItsJsqlParserRelocatedAndItsPomNoJsqlParser() throws Exception {
    assertThat(classesOf(PARSER_JAR))
        .allMatch(name -> name.startsWith("io/tracejdbc/parser/"))
        .contains(
            "io/tracejdbc/parser/SqlClassifier.class",
            "io/tracejdbc/parser/shaded/jsqlparser/parser/CCJSqlParser.class");
    try (JarFile jar = new JarFile(PARSER_JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .isEqualTo("io.tracejdbc.parser");
    }
    assertThat(dependencies(Jvm.file(Jvm.JARS, "tracejdbc-parser-", ".pom")))
        .noneMatch(d -> d.contains("jsqlparser"));
  }

  private static List<String> classesOf(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> classes = new ArrayList<>();
      for (ZipEntry entry : Collections.list(file.entries())) {
        if (entry.getName().endsWith(".class")) {
          classes.add(entry.getName());
        }
      }
      return classes;
    }
  }

  private static String text(JarFile jar, String entry) throws IOException {
    ZipEntry found = jar.getEntry(entry);
    assertThat(found).as("%s in %s", entry, jar.getName()).isNotNull();
    return new String(jar.getInputStream(found).readAllBytes(), StandardCharsets.UTF_8);
  }

  /** {@code groupId:artifactId:scope}, or {@code ...:optional} for an optional one. */
  private static List<String> dependencies(Path pom) throws Exception {
    Element project =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(pom.toFile())
            .getDocumentElement();
    List<String> dependencies = new ArrayList<>();
    NodeList nodes = project.getElementsByTagName("dependency");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element dependency = (Element) nodes.item(i);
      String scope = child(dependency, "scope", "compile");
      dependencies.add(
          child(dependency, "groupId", "")
              + ":"
              + child(dependency, "artifactId", "")
              + ":"
              + (child(dependency, "optional", "false").equals("true") ? "optional" : scope));
    }
    return dependencies;
  }

  private static String child(Element element, String name, String absent) {
    NodeList children = element.getElementsByTagName(name);
    return children.getLength() == 0 ? absent : children.item(0).getTextContent().strip();
  }
}
