package io.tracejdbc.demo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints traces as waterfalls, 80 columns wide: one line per span, indented under its parent, with
 * a bar whose offset and length show its start and duration on the trace's time axis.
 *
 * <pre>
 * POST /orders                 |================|  1.52 ms  ERROR
 *   SELECT demo_books          |=               | 0.090 ms
 *   UPDATE demo_books          |     ====       | 0.310 ms  ERROR 23514
 *
 * GET /authors                 |================|  1.10 ms  N+1: SELECT demo_books
 *   SELECT demo_books          |           =    | 0.040 ms  N+1 #5
 * </pre>
 */
final class Waterfall {
  static final int WIDTH = 80;
  private static final int NAME = 28;
  private static final int BAR = 16;

  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
  private static final AttributeKey<Long> ROWS = AttributeKey.longKey("tracejdbc.rows_affected");
  private static final AttributeKey<Long> BATCH = AttributeKey.longKey("db.operation.batch.size");
  private static final AttributeKey<String> STATUS_CODE =
      AttributeKey.stringKey("db.response.status_code");
  private static final AttributeKey<Long> N_PLUS_ONE =
      AttributeKey.longKey("tracejdbc.n_plus_one.count");
  private static final AttributeKey<String> SUMMARY = AttributeKey.stringKey("db.query.summary");

  private static final String RESET = "\u001b[0m";
  private static final String DIM = "\u001b[2m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";

  private final PrintStream out;
  private final boolean colour;

  Waterfall(PrintStream out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  /** Prints every trace among {@code spans}, in the order their roots started. */
  void print(List<SpanData> spans) {
    Map<String, List<SpanData>> traces =
        spans.stream()
            .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
            .collect(
                Collectors.groupingBy(
                    SpanData::getTraceId, LinkedHashMap::new, Collectors.toList()));
    int number = 0;
    for (List<SpanData> trace : traces.values()) {
      number++;
      long start = trace.get(0).getStartEpochNanos();
      long end = trace.stream().mapToLong(SpanData::getEndEpochNanos).max().orElse(start);
      String rule = "-- trace " + number + "/" + traces.size() + ", " + duration(end - start) + " ";
      out.println();
      out.println(paint(DIM, rule + "-".repeat(WIDTH - rule.length())));
      Set<String> ids = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
      for (SpanData span : trace) {
        if (!ids.contains(span.getParentSpanId())) {
          printTree(span, trace, 0, start, Math.max(1, end - start));
        }
      }
    }
  }

  /** Prints all the attributes of {@code span}, one per line, for a closer look. */
  void printAttributes(SpanData span) {
    out.println(
        paint(BOLD, span.getName())
            + paint(DIM, "  (status " + span.getStatus().getStatusCode() + ")"));
    span.getAttributes().forEach((key, value) -> out.println("  " + key.getKey() + " = " + value));
  }

  private void printTree(SpanData span, List<SpanData> trace, int depth, long start, long total) {
    out.println(line(span, depth, start, total));
    for (SpanData child : trace) {
      if (child.getParentSpanId().equals(span.getSpanId())) {
        printTree(child, trace, depth + 1, start, total);
      }
    }
  }

  private String line(SpanData span, int depth, long start, long total) {
    boolean failed = span.getStatus().getStatusCode() == StatusCode.ERROR;
    boolean database = span.getAttributes().get(SYSTEM) != null;
    String colourOf = failed ? RED : database ? GREEN : CYAN;

    String name = fit(" ".repeat(2 * depth) + span.getName(), NAME);
    int offset = (int) ((span.getStartEpochNanos() - start) * BAR / total);
    int length =
        (int)
            Math.round(
                (span.getEndEpochNanos() - span.getStartEpochNanos()) * (double) BAR / total);
    offset = Math.min(offset, BAR - 1);
    length = Math.max(1, Math.min(length, BAR - offset));
    String bar = " ".repeat(offset) + "=".repeat(length) + " ".repeat(BAR - offset - length);
    String took =
        String.format(
            Locale.ROOT, "%8s", duration(span.getEndEpochNanos() - span.getStartEpochNanos()));
    String tags = fit(tags(span, failed), WIDTH - NAME - BAR - took.length() - 6);
    boolean nPlusOne = tags.contains("N+1");

    return paint(database ? "" : BOLD, String.format(Locale.ROOT, "%-" + NAME + "s", name))
        + " |"
        + paint(colourOf, bar)
        + "| "
        + took
        + (tags.isEmpty() ? "" : "  " + paint(failed ? RED : nPlusOne ? YELLOW : DIM, tags));
  }

  private static String tags(SpanData span, boolean failed) {
    List<String> tags = new ArrayList<>();
    if (failed) {
      String code = span.getAttributes().get(STATUS_CODE);
      tags.add(code != null ? "ERROR " + code : "ERROR");
    }
    Long batch = span.getAttributes().get(BATCH);
    if (batch != null) tags.add("batch=" + batch);
    Long rows = span.getAttributes().get(ROWS);
    if (rows != null) tags.add("rows=" + rows);
    Long repeated = span.getAttributes().get(N_PLUS_ONE);
    if (repeated != null) tags.add("N+1 #" + repeated);
    span.getEvents().stream()
        .filter(event -> event.getName().equals("tracejdbc.n_plus_one"))
        .forEach(event -> tags.add("N+1: " + event.getAttributes().get(SUMMARY)));
    return String.join(" ", tags);
  }

  static String duration(long nanos) {
    if (nanos >= 1_000_000_000L) return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    if (nanos >= 1_000_000L) return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }

  private static String fit(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 2) + "..";
  }

  private String paint(String code, String text) {
    return colour && !code.isEmpty() ? code + text + RESET : text;
  }
}
