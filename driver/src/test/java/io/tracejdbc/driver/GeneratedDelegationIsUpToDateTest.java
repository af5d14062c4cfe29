package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The checked-in pass-through is what {@link DelegationGenerator} writes from this JDK's {@code
 * java.sql}, and each tracing class writes exactly the methods its base leaves to it.
 */
class GeneratedDelegationIsUpToDateTest {
  private static final String REGENERATE =
      "regenerate it from the repository root with: " + DelegationGenerator.COMMAND;

  @Test
  void theCheckedInDelegationIsWhatTheGeneratorWrites() throws IOException {
    assertThat(Files.readString(DelegationGenerator.FILE))
        .as("%s is out of date; %s", DelegationGenerator.FILE, REGENERATE)
        .isEqualTo(DelegationGenerator.source());
  }

  @Test
  void eachTracingClassWritesExactlyWhatItsBaseLeavesToIt() throws ClassNotFoundException {
    for (DelegationGenerator.Base base : DelegationGenerator.BASES) {
      Class<?> tracing = Class.forName(getClass().getPackageName() + "." + base.tracingClass());
      List<String> leftToIt =
          base.methods().stream()
              .filter(base::leavesToTracingClass)
              .map(GeneratedDelegationIsUpToDateTest::signature)
              .collect(Collectors.toList());
      List<String> written =
          base.methods().stream()
              .filter(method -> declares(tracing, method))
              .map(GeneratedDelegationIsUpToDateTest::signature)
              .collect(Collectors.toList());
      assertThat(written)
          .as(
              "the methods of %s that %s writes: change the names DelegationGenerator leaves to"
                  + " it, then %s",
              base.iface().getSimpleName(), base.tracingClass(), REGENERATE)
          .isEqualTo(leftToIt);
    }
  }

  private static boolean declares(Class<?> type, Method method) {
    return Arrays.stream(type.getDeclaredMethods())
        .anyMatch(
            own ->
                own.getName().equals(method.getName())
                    && Arrays.equals(own.getParameterTypes(), method.getParameterTypes()));
  }

  private static String signature(Method method) {
    return method.getName()
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
