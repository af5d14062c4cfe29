package io.tracejdbc.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracejdbc.driver.TracingDriver;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The demo runs on the driver jar that users install, not the driver module's classes: its parser
 * and JSqlParser inside it, relocated, and neither of them on the class path.
 */
class PackagedDriverTest {

  @Test
  void theDriverIsItsShadedJar() throws ClassNotFoundException {
    URL jar = locationOf(TracingDriver.class);

    assertThat(jar.getPath())
        .as("the demo needs the packaged driver: run mvn verify (or install), not mvn test")
        .matches(".*/tracejdbc-driver-[^/]*\\.jar");
    assertThat(locationOf(Class.forName("io.tracejdbc.driver.shaded.parser.SqlClassifier")))
        .isEqualTo(jar);
    assertThat(
            locationOf(Class.forName("io.tracejdbc.driver.shaded.jsqlparser.parser.CCJSqlParser")))
        .isEqualTo(jar);
  }

  @Test
  void neitherJsqlParserNorTheParserModuleIsOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("net.sf.jsqlparser.parser.CCJSqlParser"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("io.tracejdbc.parser.SqlClassifier"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  private static URL locationOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
