package io.tracejdbc.demo;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.driver.TracingOptions;
import io.tracejdbc.opentelemetry.OpenTelemetryTracing;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A small bookstore whose SQL is traced by tracejdbc into an OpenTelemetry SDK, natively ({@link
 * OpenTelemetryTracing}), and printed as one waterfall per trace.
 *
 * <pre>
 * mvn -q -pl demo exec:java                                  # an embedded SQLite file
 * mvn -q -pl demo exec:java -Dexec.args="--url jdbc:tracing:postgresql://127.0.0.1:5432/test?user=postgres"
 * mvn -q -pl demo exec:java -Dexec.args="--zipkin http://127.0.0.1:9411"  # also to a Zipkin server
 * </pre>
 *
 * <p>Each "request" is a span of the application; tracejdbc's spans hang under it through the
 * registry API: a statement mark, a connection mark over a transaction, the current span. The demo
 * drops the tables it creates when it is done.
 */
public final class Bookstore {
  /** The {@code service.name} of the bookstore's spans, as Zipkin lists it. */
  static final String SERVICE_NAME = "tracejdbc-bookstore";

  private static final String USAGE =
      "usage: Bookstore [--url jdbc:tracing:<your database URL>] [--zipkin http://127.0.0.1:9411]";

  private static final String[][] AUTHORS = {
    {"1", "Ursula K. Le Guin"},
    {"2", "Octavia E. Butler"},
    {"3", "Stanislaw Lem"},
    {"4", "Iain M. Banks"},
    {"5", "N. K. Jemisin"},
    {"6", "Ted Chiang"},
  };
  private static final Object[][] BOOKS = {
    {1, 1, "A Wizard of Earthsea", 1299, 4},
    {2, 1, "The Dispossessed", 1499, 2},
    {3, 1, "The Left Hand of Darkness", 1399, 1},
    {4, 2, "Kindred", 1199, 6},
    {5, 2, "Parable of the Sower", 1299, 3},
    {6, 2, "Dawn", 1099, 0},
    {7, 3, "Solaris", 1199, 5},
    {8, 3, "The Cyberiad", 1399, 2},
    {9, 4, "Excession", 1499, 3},
    {10, 5, "The Fifth Season", 1299, 4},
    {11, 6, "Exhalation", 1399, 2},
  };

  private final String url;
  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  private Bookstore(String url, OpenTelemetry openTelemetry) {
    this.url = url;
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer("bookstore");
  }

  /**
   * Runs the bookstore on {@code --url <jdbc:tracing:...>}, or on a SQLite file in a temp dir; with
   * {@code --zipkin <Zipkin's base URL>}, also sends its spans to that Zipkin server.
   */
  public static void main(String[] args) throws Exception {
    boolean colour = System.console() != null;
    String url = null;
    String zipkin = null;
    try {
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        if (args[i].equals("--url")) {
          url = args[i + 1];
        } else if (args[i].equals("--zipkin")) {
          zipkin = zipkinBaseUrl(args[i + 1]);
        } else {
          throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    }
    if (url != null) {
      run(url, zipkin, System.out, colour);
      return;
    }
    Path dir = Files.createTempDirectory("tracejdbc-demo");
    Path file = dir.resolve("bookstore.db");
    try {
      run("jdbc:tracing:sqlite:" + file, zipkin, System.out, colour);
    } finally {
      Files.deleteIfExists(file);
      Files.delete(dir);
    }
  }

  /** {@code value} as Zipkin's base URL, without a trailing slash; an http(s) URL only. */
  static String zipkinBaseUrl(String value) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null
        || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException(
          "--zipkin takes Zipkin's base URL, such as" + " http://127.0.0.1:9411; got: " + value);
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  /**
   * Runs every request against {@code url} and prints their traces to {@code out}; with {@code
   * zipkin} (a base URL, or null), also sends them to that Zipkin server before returning.
   */
  static void run(String url, String zipkin, PrintStream out, boolean colour) throws SQLException {
    // a warm-up round, traced into spans that are thrown away: not shown, but the JIT and the
    // one-time work of the first N+1 found (its warning goes to the log now) are done
    try (SdkTracerProvider discarding =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanCollector()))
            .build()) {
      OpenTelemetrySdk warmUp = OpenTelemetrySdk.builder().setTracerProvider(discarding).build();
      OpenTelemetryTracing.init(warmUp);
      Bookstore unseen = new Bookstore(url, warmUp);
      unseen.dropTables(); // left by an interrupted run
      unseen.serveRequests();
      unseen.dropTables();
    }

    SpanCollector spans = new SpanCollector();
    try (SdkTracerProvider provider = tracerProvider(spans, zipkin)) {
      OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
      OpenTelemetryTracing.init(sdk);
      Bookstore store = new Bookstore(url, sdk);
      try {
        store.serveRequests();
        out.println("tracejdbc demo: a bookstore on " + url);
        out.println("tracejdbc -> OpenTelemetry SDK (natively), after a warm-up round not shown");
        Waterfall waterfall = new Waterfall(out, colour);
        List<SpanData> finished = spans.finished();
        waterfall.print(finished);
        out.println();
        out.println(
            "Not traced: the report's SELECT COUNT(*), run with traceAllQueries=false, unmarked.");
        out.println(
            "N+1 #n: the nth run of one statement under one request, from nPlusOneThreshold=5 on;");
        out.println("the request's event names it. The joined page runs one query instead.");
        out.println();
        out.println("The span of the failed statement, every attribute:");
        finished.stream()
            .filter(span -> span.getAttributes().get(AttributeKey.stringKey("error.type")) != null)
            .findFirst()
            .ifPresent(waterfall::printAttributes);
      } finally {
        store.dropTables();
      }
    }
    if (zipkin != null) {
      out.println();
      out.println("In Zipkin: " + zipkin + "/zipkin/?serviceName=" + SERVICE_NAME);
    }
  }

  /** Spans go to the waterfall's collector, and in batches to Zipkin when there is one. */
  private static SdkTracerProvider tracerProvider(SpanCollector spans, String zipkin) {
    SdkTracerProviderBuilder provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(AttributeKey.stringKey("service.name"), SERVICE_NAME))))
            .addSpanProcessor(SimpleSpanProcessor.create(spans));
    if (zipkin != null) {
      provider.addSpanProcessor(
          BatchSpanProcessor.builder(
                  ZipkinSpanExporter.builder().setEndpoint(zipkin + "/api/v2/spans").build())
              .build());
    }
    return provider.build();
  }

  private void serveRequests() throws SQLException {
    migrate();
    importCatalogue();
    listBooks("Le Guin");
    listAuthorsOneByOne();
    listAuthorsJoined();
    placeOrder(1001, 3, 1);
    placeOrder(1002, 3, 1);
    nightlyReport();
  }

  /** Schema creation under a span made current: the statements are its children. */
  private void migrate() throws SQLException {
    Span migration = tracer.spanBuilder("migrate schema").startSpan();
    try (Scope current = migration.makeCurrent();
        Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "CREATE TABLE demo_authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
      s.executeUpdate(
          "CREATE TABLE demo_books (id INTEGER PRIMARY KEY,"
              + " author_id INTEGER NOT NULL REFERENCES demo_authors (id), title VARCHAR(200) NOT NULL,"
              + " price_cents INTEGER NOT NULL, stock INTEGER NOT NULL CHECK (stock >= 0))");
      s.executeUpdate(
          "CREATE TABLE demo_orders (id INTEGER PRIMARY KEY,"
              + " book_id INTEGER NOT NULL REFERENCES demo_books (id), quantity INTEGER NOT NULL)");
      s.executeUpdate("CREATE INDEX demo_books_author ON demo_books (author_id)");
    } finally {
      migration.end();
    }
  }

  /** Two batch inserts in one transaction, traced through a connection mark. */
  private void importCatalogue() throws SQLException {
    Span request = tracer.spanBuilder("POST /catalogue").startSpan();
    try (Connection c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      OpenTelemetryTracing.setParentSpan(c, request);
      try (PreparedStatement authors =
          c.prepareStatement("INSERT INTO demo_authors (id, name) VALUES (?, ?)")) {
        for (String[] author : AUTHORS) {
          authors.setInt(1, Integer.parseInt(author[0]));
          authors.setString(2, author[1]);
          authors.addBatch();
        }
        authors.executeBatch();
      }
      try (PreparedStatement books =
          c.prepareStatement(
              "INSERT INTO demo_books (id, author_id, title, price_cents, stock) VALUES (?, ?, ?, ?, ?)")) {
        for (Object[] book : BOOKS) {
          for (int i = 0; i < book.length; i++) {
            books.setObject(i + 1, book[i]);
          }
          books.addBatch();
        }
        books.executeBatch();
      }
      c.commit();
    } finally {
      request.end();
    }
  }

  /** A query traced through a statement mark: this execution only, under the request. */
  private void listBooks(String author) throws SQLException {
    Span request = tracer.spanBuilder("GET /books?q=" + author).startSpan();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement query =
            c.prepareStatement(
                "SELECT b.title, b.price_cents FROM demo_books b"
                    + " JOIN demo_authors a ON a.id = b.author_id WHERE a.name LIKE ? ORDER BY b.title")) {
      query.setString(1, "%" + author + "%");
      OpenTelemetryTracing.setParentSpan(query, request);
      try (ResultSet books = query.executeQuery()) {
        while (books.next()) {
          books.getString(1);
        }
      }
    } finally {
      request.end();
    }
  }

  /**
   * An N+1 query: the list of authors, then each author's books one query at a time, under the
   * request made current. From the fifth author on, tracejdbc flags the books query as an N+1.
   */
  private void listAuthorsOneByOne() throws SQLException {
    Span request = tracer.spanBuilder("GET /authors").startSpan();
    try (Scope current = request.makeCurrent();
        Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet authors = s.executeQuery("SELECT id, name FROM demo_authors ORDER BY name")) {
      while (authors.next()) {
        try (PreparedStatement books =
            c.prepareStatement("SELECT title FROM demo_books WHERE author_id = ? ORDER BY title")) {
          books.setInt(1, authors.getInt(1));
          try (ResultSet titles = books.executeQuery()) {
            while (titles.next()) {
              titles.getString(1);
            }
          }
        }
      }
    } finally {
      request.end();
    }
  }

  /** The same page without the N+1: one query joins the authors to their books. */
  private void listAuthorsJoined() throws SQLException {
    Span request = tracer.spanBuilder("GET /authors (joined)").startSpan();
    try (Scope current = request.makeCurrent();
        Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT a.name, b.title FROM demo_authors a"
                    + " LEFT JOIN demo_books b ON b.author_id = a.id ORDER BY a.name, b.title")) {
      while (rows.next()) {
        rows.getString(2);
      }
    } finally {
      request.end();
    }
  }

  /**
   * An order in a transaction traced through a connection mark: it commits, or, when the stock
   * would go below zero, the CHECK constraint fails and the transaction rolls back.
   */
  private void placeOrder(int orderId, int bookId, int quantity) throws SQLException {
    Span request = tracer.spanBuilder("POST /orders").setAttribute("order.id", orderId).startSpan();
    try (Connection c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      OpenTelemetryTracing.setParentSpan(c, request);
      try (PreparedStatement stock =
              c.prepareStatement("SELECT stock FROM demo_books WHERE id = ?");
          PreparedStatement order =
              c.prepareStatement(
                  "INSERT INTO demo_orders (id, book_id, quantity) VALUES (?, ?, ?)");
          PreparedStatement take =
              c.prepareStatement("UPDATE demo_books SET stock = stock - ? WHERE id = ?")) {
        stock.setInt(1, bookId);
        stock.executeQuery().close();
        order.setInt(1, orderId);
        order.setInt(2, bookId);
        order.setInt(3, quantity);
        order.executeUpdate();
        take.setInt(1, quantity);
        take.setInt(2, bookId);
        take.executeUpdate();
        c.commit();
      } catch (SQLException outOfStock) {
        request.setStatus(StatusCode.ERROR, "out of stock");
        c.rollback();
      }
    } finally {
      request.end();
    }
  }

  /**
   * With traceAllQueries off, only marked statements are traced: the unmarked count is not, the
   * marked sum becomes a trace of its own (no request around it).
   */
  private void nightlyReport() throws SQLException {
    OpenTelemetryTracing.init(
        openTelemetry, TracingOptions.builder().traceAllQueries(false).build());
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT COUNT(*) FROM demo_orders").close();
      TracingDriver.setTraced(s);
      s.executeQuery(
              "SELECT SUM(b.price_cents * o.quantity) FROM demo_orders o"
                  + " JOIN demo_books b ON b.id = o.book_id")
          .close();
    }
  }

  private void dropTables() throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate("DROP TABLE IF EXISTS demo_orders");
      s.executeUpdate("DROP TABLE IF EXISTS demo_books");
      s.executeUpdate("DROP TABLE IF EXISTS demo_authors");
    }
  }
}
