package io.tracejdbc.packaging;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A program in a JVM of its own, started as users start it: this JDK's java, a class path. */
final class Jvm {
  /** The jars this build made and downloaded for the tests (packaging-tests/pom.xml). */
  static final Path JARS = Path.of(System.getProperty("packaging.jars"));

  /** The driver jar and the OpenTracing jars it needs: README's folder for a tool. */
  static final Path DRIVER_FOLDER = JARS.resolve("driver");

  /** The programs of src/main. */
  static final Path CLASSES = Path.of(System.getProperty("packaging.classes"));

  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private Jvm() {}

  /** The one file of {@code folder} whose name starts with {@code prefix} and ends with suffix. */
  static Path file(Path folder, String prefix, String suffix) {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> found =
          files
              .filter(f -> f.getFileName().toString().startsWith(prefix))
              .filter(f -> f.getFileName().toString().endsWith(suffix))
              .collect(Collectors.toList());
      if (found.size() != 1) {
        throw new AssertionError(
            "expected one " + prefix + "*" + suffix + " in " + folder + ", found " + found);
      }
      return found.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path jar(String prefix) {
    return file(JARS, prefix, ".jar");
  }

  /** A class path of jars, class folders and {@code folder/*} entries, in this order. */
  static String classPath(Object... entries) {
    return Arrays.stream(entries)
        .map(Object::toString)
        .collect(Collectors.joining(File.pathSeparator));
  }

  static String allJarsOf(Path folder) {
    return folder.resolve("*").toString();
  }

  /** {@code java -cp classPath mainClass} with English log levels, in a new JVM. */
  static Run java(String classPath, String mainClass, String... jvmOptions) {
    List<String> command = new ArrayList<>(List.of(JAVA, "-Duser.language=en"));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", classPath, mainClass));
    return run(CLASSES, command);
  }

  /** Runs {@code command} in {@code directory}, its input closed; fails if it hangs. */
  static Run run(Path directory, List<String> command) {
    try {
      Path out = Files.createTempFile("packaging", ".out");
      Path err = Files.createTempFile("packaging", ".err");
      try {
        Process process =
            new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError("still running after 2 minutes: " + command);
        }
        return new Run(command, process.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.delete(out);
        Files.delete(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** What a program printed, and how it ended. */
  record Run(List<String> command, int exitCode, String out, String err) {
    /** The lines of standard output that start with {@code prefix}, without it. */
    List<String> outLines(String prefix) {
      return out.lines()
          .filter(line -> line.startsWith(prefix))
          .map(line -> line.substring(prefix.length()))
          .collect(Collectors.toList());
    }

    /** The log lines (java.util.logging's format: the level, a colon, the message). */
    List<String> logLines(String level) {
      return err.lines().filter(line -> line.startsWith(level + ": ")).collect(Collectors.toList());
    }

    @Override
    public String toString() {
      return String.join(" ", command)
          + "\nexit "
          + exitCode
          + "\n--- out\n"
          + out
          + "--- err\n"
          + err;
    }
  }
}
