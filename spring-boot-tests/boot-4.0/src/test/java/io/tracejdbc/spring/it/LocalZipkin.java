package io.tracejdbc.spring.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Zipkin server (the {@code zipkin-server} exec jar the build copies to {@code zipkin.jar}) in a
 * child JVM, on a port the system picks, keeping spans in memory. {@link #close()} stops the
 * server; so does the end of the test JVM.
 */
final class LocalZipkin implements AutoCloseable {
  /** Armeria's line once the server accepts requests: {@code Serving HTTP at /[::]:40123 - ...}. */
  private static final Pattern SERVING = Pattern.compile("Serving HTTP at \\S*:(\\d+) ");

  /** A first start reads a 130 MB jar; a busy two-core machine takes tens of seconds. */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private static final String END_OF_OUTPUT = "\u0000end of output";

  private final Process process;
  private final Thread stopAtExit;
  private final List<String> output = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private String baseUrl;

  private LocalZipkin(Process process) {
    this.process = process;
    this.stopAtExit = new Thread(process::destroyForcibly, "stop zipkin");
    Runtime.getRuntime().addShutdownHook(stopAtExit);
  }

  /** A server that answers, or {@link Unavailable} saying why not (with no process left). */
  static LocalZipkin start() throws Unavailable {
    Path jar = Path.of(System.getProperty("zipkin.jar", "target/zipkin/zipkin-server.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new Unavailable(
          "no Zipkin server jar at "
              + jar.toAbsolutePath()
              + " (the build copies io.zipkin:zipkin-server:exec there)",
          null);
    }
    Process process;
    try {
      process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-XX:TieredStopAtLevel=1", // C1 only: a quicker start, and the test sends little
                  "-jar",
                  jar.toString(),
                  "--server.port=0")
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new Unavailable("cannot run java -jar " + jar + ": " + e, null);
    }
    LocalZipkin zipkin = new LocalZipkin(process);
    zipkin.awaitServing();
    return zipkin;
  }

  /** {@code http://127.0.0.1:<port>}. */
  String baseUrl() {
    return baseUrl;
  }

  /** The body of {@code GET <baseUrl><pathAndQuery>}, which must answer 200. */
  String get(String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + pathAndQuery + ": " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + pathAndQuery, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: GET " + pathAndQuery, e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().removeShutdownHook(stopAtExit);
  }

  /**
   * Reads the server's output until it says it is serving, then checks its health once. The output
   * keeps being drained afterwards, so the server never blocks on a full pipe.
   */
  private void awaitServing() throws Unavailable {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> drain(lines), "zipkin output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (baseUrl == null) {
      String line;
      try {
        line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        line = null;
      }
      if (line == null) {
        unavailable("Zipkin did not start within " + START_TIMEOUT, output());
      } else if (line.equals(END_OF_OUTPUT)) {
        unavailable("Zipkin stopped before serving", output());
      }
      output.add(line);
      Matcher serving = SERVING.matcher(line);
      if (serving.find()) {
        baseUrl = "http://127.0.0.1:" + serving.group(1);
      }
    }
    String health;
    try {
      health = get("/health");
    } catch (RuntimeException e) {
      health = e.toString();
    }
    if (!health.contains("\"UP\"")) {
      unavailable("Zipkin on " + baseUrl + " is not healthy: " + health, output());
    }
  }

  private void drain(BlockingQueue<String> lines) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("reading Zipkin's output failed: " + e);
    }
    lines.add(END_OF_OUTPUT);
  }

  private String output() {
    return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
  }

  /** Stops this server, which cannot serve. */
  private void unavailable(String reason, String output) throws Unavailable {
    close();
    throw new Unavailable(reason, output);
  }

  /** Why Zipkin cannot run here, with the end of its output when it said anything. */
  static final class Unavailable extends Exception {
    Unavailable(String reason, String output) {
      super(output == null ? reason : reason + "; its last output:\n" + output);
    }
  }
}
