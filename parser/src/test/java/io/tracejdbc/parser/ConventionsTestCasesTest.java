package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenTelemetry's own SQL test cases (semconv/db-sql-test-cases.json, see the README beside it):
 * the classifier gives every case's {@code db.query.summary}.
 */
class ConventionsTestCasesTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("summaryCases")
  void summarizesTheQueryAsTheConventionsDo(String name, String query, String summary) {
    assertThat(SqlClassifier.classify(query).querySummary()).isEqualTo(summary);
  }

  @Test
  void readsEveryCaseOfTheFile() throws IOException {
    assertThat(summaryCases()).hasSize(24);
  }

  @SuppressWarnings("unchecked")
  static List<Arguments> summaryCases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Object element : (List<Object>) Json.parse(resource())) {
      Map<String, Object> testCase = (Map<String, Object>) element;
      Map<String, Object> input = (Map<String, Object>) testCase.get("input");
      Map<String, Object> expected = (Map<String, Object>) testCase.get("expected");
      if (expected.containsKey("db.query.summary")) {
        cases.add(
            Arguments.of(
                testCase.get("name"), input.get("query"), expected.get("db.query.summary")));
      }
    }
    return cases;
  }

  private static String resource() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            ConventionsTestCasesTest.class.getResourceAsStream(
                "/semconv/db-sql-test-cases.json"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Just enough JSON for the file: objects, arrays, strings, literals. */
  private static final class Json {
    private final String text;
    private int pos;

    private Json(String text) {
      this.text = text;
    }

    static Object parse(String text) {
      Json json = new Json(text);
      Object value = json.value();
      json.skipSpace();
      if (json.pos != text.length()) {
        throw new IllegalArgumentException("trailing text at " + json.pos);
      }
      return value;
    }

    private Object value() {
      skipSpace();
      char c = text.charAt(pos);
      if (c == '{') {
        Map<String, Object> object = new LinkedHashMap<>();
        pos++;
        if (!skip('}')) {
          do {
            skipSpace();
            String key = string();
            expect(':');
            object.put(key, value());
          } while (skip(','));
          expect('}');
        }
        return object;
      }
      if (c == '[') {
        List<Object> array = new ArrayList<>();
        pos++;
        if (!skip(']')) {
          do {
            array.add(value());
          } while (skip(','));
          expect(']');
        }
        return array;
      }
      if (c == '"') {
        return string();
      }
      for (String literal : new String[] {"true", "false", "null"}) {
        if (text.startsWith(literal, pos)) {
          pos += literal.length();
          return literal.equals("null") ? null : Boolean.valueOf(literal);
        }
      }
      throw new IllegalArgumentException("unexpected '" + c + "' at " + pos);
    }

    private String string() {
      if (text.charAt(pos) != '"') {
        throw new IllegalArgumentException("expected a string at " + pos);
      }
      StringBuilder out = new StringBuilder();
      pos++;
      while (text.charAt(pos) != '"') {
        char c = text.charAt(pos++);
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escaped = text.charAt(pos++);
        switch (escaped) {
          case 'n':
            out.append('\n');
            break;
          case 't':
            out.append('\t');
            break;
          case 'r':
            out.append('\r');
            break;
          case 'b':
            out.append('\b');
            break;
          case 'f':
            out.append('\f');
            break;
          case 'u':
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
            break;
          default:
            out.append(escaped);
        }
      }
      pos++;
      return out.toString();
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private boolean skip(char c) {
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!skip(c)) {
        throw new IllegalArgumentException("expected '" + c + "' at " + pos);
      }
    }
  }
}
