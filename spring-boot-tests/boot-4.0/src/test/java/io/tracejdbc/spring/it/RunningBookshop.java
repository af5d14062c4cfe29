package io.tracejdbc.spring.it;

import io.tracejdbc.spring.it.app.Bookshop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The bookshop, started as its users start it, on a port of its own, and called over HTTP. */
final class RunningBookshop implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  private RunningBookshop(ConfigurableApplicationContext context) {
    this.context = context;
    this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  /**
   * Started with {@code profile}, the beans of {@code extra} and {@code properties}, which are the
   * application's defaults: its application.properties would override them.
   */
  static RunningBookshop start(
      String profile, Database database, List<Class<?>> extra, String... properties) {
    List<Class<?>> sources = new ArrayList<>(List.of(Bookshop.class));
    sources.addAll(extra);
    List<String> all = new ArrayList<>(database.properties());
    all.add("server.port=0");
    all.add("spring.application.name=bookshop");
    all.addAll(List.of(properties));
    return new RunningBookshop(
        new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
            .profiles(profile)
            .properties(all.toArray(String[]::new))
            .run());
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** The status and body of {@code method} {@code path}. */
  Response call(String method, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + path, e);
    }
  }

  record Response(int status, String body) {}

  @Override
  public void close() {
    context.close();
  }
}
