package io.tracejdbc.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.packaging.Jvm.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sqlline command of README.md's "Using the driver in a tool", taken from the README and run as
 * written, in a folder laid out as the README says, with a tracer that prints its spans.
 */
class ReadmeSqllineIT {
  private static final Path README = Path.of(System.getProperty("packaging.readme"));
  private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```");

  @Test
  void theReadmesSqllineCommandRunsStatementsThroughTheDriverWithTheToolsTracer(@TempDir Path dir)
      throws IOException {
    List<String> command = readmeCommand("sqlline.SqlLine");
    Path drivers = Files.createDirectory(dir.resolve("drivers"));
    try (Stream<Path> driverFolder = Files.list(Jvm.DRIVER_FOLDER)) {
      for (Path jar : driverFolder.collect(Collectors.toList())) {
        copyInto(drivers, jar);
      }
    }
    copyInto(drivers, Jvm.jar("sqlite-jdbc-"));
    copyInto(drivers, Jvm.jar("opentracing-tracerresolver-"));
    copyInto(drivers, Path.of(System.getProperty("packaging.tracerJar")));
    copyInto(drivers, Jvm.jar("opentracing-mock-"));
    copyInto(dir, Jvm.jar("sqlline-"));

    assertThat(command.get(0)).isEqualTo("java");
    command.set(0, Jvm.JAVA);
    Run run = Jvm.run(dir, command);

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).as("%s", run).contains("1 row selected");
    assertThat(run.outLines("span: ")).as("%s", run).containsExactly("select");
  }

  /** The words of the one shell command in the README that runs {@code mainClass}. */
  private static List<String> readmeCommand(String mainClass) throws IOException {
    Matcher blocks = CODE_BLOCK.matcher(Files.readString(README));
    List<String> commands = new ArrayList<>();
    while (blocks.find()) {
      if (blocks.group(1).contains(mainClass)) {
        commands.add(blocks.group(1).replace("\\\n", " ").strip());
      }
    }
    assertThat(commands).as("README blocks running %s", mainClass).hasSize(1);
    return words(commands.get(0));
  }

  /** Splits a shell command at spaces outside double quotes, and drops the quotes. */
  private static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    boolean quoted = false;
    for (char c : command.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  private static void copyInto(Path folder, Path file) throws IOException {
    Files.copy(file, folder.resolve(file.getFileName()));
  }
}
