package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

/**
 * Whatever JSqlParser does (a class missing from another version on the classpath, an error deep in
 * a parse), classification degrades to the lexer's answer and never reaches the caller.
 */
class ParserFailuresTest {

  /** Loads the parser and JSqlParser on their own, hiding classes that JSqlParser 4.x lacks. */
  private static final class OlderJsqlParserLoader extends URLClassLoader {
    OlderJsqlParserLoader() {
      super(
          new URL[] {location(SqlClassifier.class), location(CCJSqlParserUtil.class)},
          ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.endsWith(".ParenthesedInsert") || name.endsWith(".CreateTrigger")) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }

    private static URL location(Class<?> type) {
      return type.getProtectionDomain().getCodeSource().getLocation();
    }
  }

  @Test
  void aJsqlParserMissingClassesDegradesToTheLexersAnswer() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("INSERT INTO orders (id) VALUES (1)", "insert");
    expected.put("select count(*) from (select 1) x", "select");
    expected.put("WITH a AS (SELECT 1) SELECT * FROM a", "select");
    expected.put("CREATE TRIGGER t AFTER INSERT ON users BEGIN SELECT 1; END", "create-trigger");
    expected.put("PRAGMA foreign_keys = ON", "pragma");
    expected.put("VACUUM", "vacuum");

    try (OlderJsqlParserLoader loader = new OlderJsqlParserLoader()) {
      Class<?> classifier = loader.loadClass(SqlClassifier.class.getName());
      assertThat(classifier.getClassLoader()).isSameAs(loader);
      Method classify = classifier.getMethod("classify", String.class);
      for (Map.Entry<String, String> statement : expected.entrySet()) {
        Object info = classify.invoke(null, statement.getKey());
        Object operation = info.getClass().getMethod("operation").invoke(info);
        assertThat(operation).as(statement.getKey()).isEqualTo(statement.getValue());
      }
    }
  }
}
