package io.tracejdbc.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the given command line, then prints the results as a markdown table (contender
 * by workload: ns/op ± error, ratio to raw) and checks them against design.md's budget.
 */
public final class Report {
  /** A column of the table: a benchmark method, and what one of its operations is divided into. */
  private static final class Workload {
    final String benchmark;
    final String title;
    final int divisor;

    Workload(String benchmark, String title, int divisor) {
      this.benchmark = benchmark;
      this.title = title;
      this.divisor = divisor;
    }
  }

  private static final String POINT_SELECT = "SqliteBenchmark.pointSelect";
  private static final String LITERAL = "SqliteBenchmark.statementLiteral";
  private static final String BATCH = "SqliteBenchmark.batchInsert";
  private static final String MISS = "SqliteBenchmark.classificationMiss";
  private static final String PG_POINT_SELECT = "PostgresqlBenchmark.pointSelect";
  private static final String SHIM_SPAN = "ShimSpanBenchmark.span";
  private static final String SPAN_AROUND = "ShimSpanBenchmark.spanAroundPointSelect";

  private static final List<Workload> WORKLOADS = List.of(
      new Workload(POINT_SELECT, "SQLite point select", 1),
      new Workload(LITERAL, "SQLite Statement, new literal", 1),
      new Workload(BATCH, "SQLite batch of 100", 1),
      new Workload(BATCH, "per batched row", SqliteBenchmark.BATCH_ROWS),
      new Workload(MISS, "SQLite first sight (cache miss)", 1),
      new Workload(PG_POINT_SELECT, "PostgreSQL point select", 1));

  /** Score and error of each benchmark ("Class.method") and contender ("" when it has none). */
  private final Map<String, Result<?>> results = new HashMap<>();

  private Report(Collection<RunResult> runs) {
    for (RunResult run : runs) {
      String benchmark = run.getParams().getBenchmark();
      String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      String contender = run.getParams().getParam("contender");
      results.put(key(shortName, contender == null ? "" : contender), run.getPrimaryResult());
    }
  }

  public static void main(String[] args) throws Exception {
    Collection<RunResult> runs = new Runner(new CommandLineOptions(args)).run();
    Report report = new Report(runs);
    System.out.println();
    System.out.println(report.table());
    System.out.println(report.budget());
  }

  String table() {
    List<Workload> columns = new ArrayList<>();
    for (Workload workload : WORKLOADS) {
      if (hasAny(workload.benchmark)) columns.add(workload);
    }
    StringBuilder out = new StringBuilder("| contender |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Workload column : columns) {
      out.append(' ').append(column.title).append(" |");
      rule.append("---:|");
    }
    out.append('\n').append(rule).append('\n');
    for (String contender : Contenders.ALL) {
      StringBuilder row = new StringBuilder("| ").append(contender).append(" |");
      boolean any = false;
      for (Workload column : columns) {
        Result<?> result = results.get(key(column.benchmark, contender));
        Result<?> raw = results.get(key(column.benchmark, Contenders.RAW));
        row.append(' ');
        if (result != null) {
          any = true;
          row.append(format(result.getScore() / column.divisor)).append(" ± ")
              .append(format(result.getScoreError() / column.divisor));
          if (raw != null) {
            row.append(String.format(Locale.ROOT, " (%.2fx)", result.getScore() / raw.getScore()));
          }
        }
        row.append(" |");
      }
      if (any) out.append(row).append('\n');
    }
    Result<?> span = results.get(key(SHIM_SPAN, ""));
    if (span != null) {
      out.append("\nShim span floor (one span, eight tags, OpenTelemetry SDK), alone: ")
          .append(format(span.getScore())).append(" ± ").append(format(span.getScoreError()))
          .append(" ns/op\n");
    }
    Result<?> around = results.get(key(SPAN_AROUND, ""));
    if (around != null) {
      out.append("\nThe same span by hand around raw sqlite-jdbc's point select: ")
          .append(format(around.getScore())).append(" ± ").append(format(around.getScoreError()))
          .append(" ns/op\n");
    }
    return out.toString();
  }

  /** design.md's performance budget, each line MET or MISSED with the numbers behind it. */
  String budget() {
    List<String> lines = new ArrayList<>();
    ratio(lines, POINT_SELECT, Contenders.TRACEJDBC_NOOP, 1.05, "no-op tracer, point select");
    ratio(lines, BATCH, Contenders.TRACEJDBC_NOOP, 1.02, "no-op tracer, per batched row");
    for (Workload workload : WORKLOADS) {
      if (workload.divisor == 1) {
        Double over = overRaw(workload.benchmark, Contenders.TRACEJDBC_OFF);
        if (over != null) {
          lines.add(verdict(over <= 50, "tracing off, " + workload.title + ": "
              + format(over) + " ns over raw (budget 50)"));
        }
      }
    }
    for (Workload workload : WORKLOADS) {
      if (workload.divisor != 1) continue;
      beats(lines, workload, Contenders.TRACEJDBC_OTEL, Contenders.JAVA_JDBC_OTEL, Contenders.OTEL_JDBC);
      beats(lines, workload, Contenders.TRACEJDBC_NOOP, Contenders.JAVA_JDBC_NOOP, Contenders.P6SPY);
    }
    Double over = overRaw(MISS, Contenders.TRACEJDBC_NOOP);
    if (over != null) {
      lines.add(verdict(over < 100_000, "first sight of a statement: " + format(over)
          + " ns over raw (budget: well under 100 us)"));
    }
    Result<?> otel = results.get(key(POINT_SELECT, Contenders.TRACEJDBC_OTEL));
    over = overRaw(POINT_SELECT, Contenders.TRACEJDBC_OTEL);
    Result<?> span = results.get(key(SHIM_SPAN, ""));
    if (over != null && span != null) {
      double beyond = over - span.getScore();
      lines.add(verdict(beyond <= 60, "OTel SDK, point select: " + format(over)
          + " ns over raw, " + format(beyond) + " ns beyond the span alone (budget 60)"));
    }
    Result<?> around = results.get(key(SPAN_AROUND, ""));
    if (otel != null && around != null) {
      double beyond = otel.getScore() - around.getScore();
      lines.add(verdict(beyond <= 60, "OTel SDK, point select: " + format(beyond)
          + " ns beyond raw with the span by hand (budget 60)"));
    }
    StringBuilder out = new StringBuilder("Budget (design.md):\n");
    for (String line : lines) out.append("- ").append(line).append('\n');
    return out.toString();
  }

  private void ratio(List<String> lines, String benchmark, String contender, double budget,
      String what) {
    Result<?> result = results.get(key(benchmark, contender));
    Result<?> raw = results.get(key(benchmark, Contenders.RAW));
    if (result == null || raw == null) return;
    double ratio = result.getScore() / raw.getScore();
    lines.add(verdict(ratio <= budget, String.format(Locale.ROOT, "%s: %.3fx raw (budget %.2fx)",
        what, ratio, budget)));
  }

  private void beats(List<String> lines, Workload workload, String contender, String... peers) {
    Result<?> ours = results.get(key(workload.benchmark, contender));
    if (ours == null) return;
    for (String peer : peers) {
      Result<?> theirs = results.get(key(workload.benchmark, peer));
      if (theirs == null) continue;
      lines.add(verdict(ours.getScore() < theirs.getScore(), contender + " vs " + peer + ", "
          + workload.title + ": " + format(ours.getScore()) + " vs " + format(theirs.getScore())
          + " ns"));
    }
  }

  private Double overRaw(String benchmark, String contender) {
    Result<?> result = results.get(key(benchmark, contender));
    Result<?> raw = results.get(key(benchmark, Contenders.RAW));
    return result == null || raw == null ? null : result.getScore() - raw.getScore();
  }

  private boolean hasAny(String benchmark) {
    for (String contender : Contenders.ALL) {
      if (results.containsKey(key(benchmark, contender))) return true;
    }
    return false;
  }

  private static String verdict(boolean met, String line) {
    return (met ? "MET: " : "MISSED: ") + line;
  }

  private static String format(double nanos) {
    return Math.abs(nanos) >= 100 ? String.format(Locale.ROOT, "%,.0f", nanos)
        : String.format(Locale.ROOT, "%.1f", nanos);
  }

  private static String key(String benchmark, String contender) {
    return benchmark + '/' + contender;
  }
}
