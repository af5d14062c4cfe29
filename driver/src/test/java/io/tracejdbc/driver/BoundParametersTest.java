package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code captureParameters} shows of each value: positional parameters by 0-based index, named
 * ones by name, content never read from streams.
 */
class BoundParametersTest {
  /** The parameters a backend is handed, in order. */
  private static final class Recording extends InertTelemetry {
    final Map<String, String> parameters = new LinkedHashMap<>();

    @Override
    public void parameter(Object span, String key, String value) {
      parameters.put(key, value);
    }
  }

  @Test
  void positionalValuesByZeroBasedIndexThenNamedOnesByName() {
    BoundParameters bound = new BoundParameters();
    bound.set(2, 7L);
    bound.set(1, "a");
    bound.setNull(40);
    bound.set("name", "b");
    bound.setStream("doc", new StringReader("never read"), 10);
    Recording telemetry = new Recording();

    bound.record(telemetry, telemetry);

    assertThat(telemetry.parameters)
        .containsExactly(
            Map.entry("0", "a"),
            Map.entry("1", "7"),
            Map.entry("39", "null"),
            Map.entry("name", "b"),
            Map.entry("doc", "<stream 10 characters>"));
  }

  @Test
  void clearedParametersShowNothing() {
    BoundParameters bound = new BoundParameters();
    bound.set(1, "a");
    bound.set("n", "b");
    bound.clear();
    Recording telemetry = new Recording();

    bound.record(telemetry, telemetry);

    assertThat(telemetry.parameters).isEmpty();
  }

  @Test
  void valuesAreShownByWhatTheyAreWhenTheyMayBeLargeOrBinary() {
    assertThat(BoundParameters.shown("x".repeat(256))).isEqualTo("x".repeat(256));
    assertThat(BoundParameters.shown("x".repeat(257))).isEqualTo("x".repeat(256) + "...");
    assertThat(BoundParameters.shown(new byte[5])).isEqualTo("<binary 5 bytes>");
    assertThat(BoundParameters.shown(new ByteArrayInputStream(new byte[3]))).isEqualTo("<stream>");
    assertThat(BoundParameters.shown(new int[] {1, 2})).isEqualTo("<array>");
    assertThat(BoundParameters.shown(java.math.BigDecimal.TEN)).isEqualTo("10");
  }
}
