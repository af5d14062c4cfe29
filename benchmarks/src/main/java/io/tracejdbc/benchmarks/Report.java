package io.tracejdbc.benchmarks;

import io.tracejdbc.benchmarks.FirstSightBenchmark.Shape;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the given command line, then prints the results as markdown tables (contender by
 * workload: ns/op ± error, ratio to raw in the same run; the classifier alone by statement shape)
 * and checks them against design.md's budget.
 */
public final class Report {
  /**
   * A column of a table: a benchmark method with its parameters other than the contender ({@code
   * "distinct=100"}, or {@code ""}), and what one of its operations is divided into.
   */
  private static final class Workload {
    final String benchmark;
    final String params;
    final String title;
    final int divisor;

    Workload(String benchmark, String params, String title, int divisor) {
      this.benchmark = benchmark;
      this.params = params;
      this.title = title;
      this.divisor = divisor;
    }

    Workload(String benchmark, String title) {
      this(benchmark, "", title, 1);
    }
  }

  private static final String POINT_SELECT = "SqliteBenchmark.pointSelect";
  private static final String LITERAL = "SqliteBenchmark.statementLiteral";
  private static final String BATCH = "SqliteBenchmark.batchInsert";
  private static final String MISS = "SqliteBenchmark.classificationMiss";
  private static final String PG_POINT_SELECT = "PostgresqlBenchmark.pointSelect";
  private static final String SHIM_SPAN = "ShimSpanBenchmark.span";
  private static final String SPAN_AROUND = "ShimSpanBenchmark.spanAroundPointSelect";
  private static final String ROUND_ROBIN = "PreparedRoundRobinBenchmark.prepareExecuteClose";
  private static final String MULTI_ROW = "MultiRowInsertBenchmark.insert";
  private static final String FIRST_SIGHT = "FirstSightBenchmark.classify";

  /** The round robin's sizes, as in its {@code @Param}, smallest first. */
  private static final List<Integer> DISTINCT = List.of(100, 1500, 3000, 10_000);

  private static final Workload POINT_SELECT_WORKLOAD =
      new Workload(POINT_SELECT, "SQLite point select");
  private static final Workload MISS_WORKLOAD =
      new Workload(MISS, "SQLite first sight (cache miss)");

  /** The few statements a service runs again and again, all cached. */
  private static final List<Workload> FRIENDLY =
      List.of(
          POINT_SELECT_WORKLOAD,
          new Workload(LITERAL, "SQLite Statement, new literal"),
          new Workload(BATCH, "SQLite batch of 100"),
          new Workload(BATCH, "", "per batched row", SqliteBenchmark.BATCH_ROWS),
          MISS_WORKLOAD,
          new Workload(PG_POINT_SELECT, "PostgreSQL point select"));

  /** Many distinct statements, prepared and closed every time, as ORMs run them (issue 11). */
  private static final List<Workload> MANY_STATEMENTS = manyStatements();

  /** Score and error by benchmark ("Class.method"), contender ("" when none) and other params. */
  private final Map<String, Result<?>> results = new HashMap<>();

  private Report(Collection<RunResult> runs) {
    for (RunResult run : runs) {
      String benchmark = run.getParams().getBenchmark();
      String shortName =
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      String contender = "";
      Map<String, String> others = new TreeMap<>();
      for (String name : run.getParams().getParamsKeys()) {
        String value = run.getParams().getParam(name);
        if (name.equals("contender")) {
          contender = value;
        } else {
          others.put(name, value);
        }
      }
      StringBuilder params = new StringBuilder();
      others.forEach(
          (name, value) ->
              params
                  .append(params.length() == 0 ? "" : ",")
                  .append(name)
                  .append('=')
                  .append(value));
      results.put(key(shortName, contender, params.toString()), run.getPrimaryResult());
    }
  }

  public static void main(String[] args) throws Exception {
    Collection<RunResult> runs = new Runner(new CommandLineOptions(args)).run();
    Report report = new Report(runs);
    System.out.println();
    System.out.println(report.tables());
    System.out.println(report.budget());
  }

  private static List<Workload> manyStatements() {
    List<Workload> workloads = new ArrayList<>();
    for (int distinct : DISTINCT) {
      workloads.add(
          new Workload(
              ROUND_ROBIN,
              "distinct=" + distinct,
              String.format(Locale.ROOT, "prepared round robin, %,d distinct", distinct),
              1));
    }
    workloads.add(new Workload(MULTI_ROW, "multi-row insert, 1-64 rows"));
    return List.copyOf(workloads);
  }

  String tables() {
    StringBuilder out = new StringBuilder();
    out.append(table(FRIENDLY));
    Result<?> span = result(SHIM_SPAN, "", "");
    if (span != null) {
      out.append("\nShim span floor (one span, eight tags, OpenTelemetry SDK), alone: ")
          .append(format(span.getScore()))
          .append(" ± ")
          .append(format(span.getScoreError()))
          .append(" ns/op\n");
    }
    Result<?> around = result(SPAN_AROUND, "", "");
    if (around != null) {
      out.append("\nThe same span by hand around raw sqlite-jdbc's point select: ")
          .append(format(around.getScore()))
          .append(" ± ")
          .append(format(around.getScoreError()))
          .append(" ns/op\n");
    }
    String many = table(MANY_STATEMENTS);
    if (!many.isEmpty()) out.append('\n').append(many);
    out.append(firstSight());
    return out.toString();
  }

  /** Contenders by {@code workloads}, with the columns that have results; "" when none has. */
  private String table(List<Workload> workloads) {
    List<Workload> columns = new ArrayList<>();
    for (Workload workload : workloads) {
      if (hasAny(workload)) columns.add(workload);
    }
    if (columns.isEmpty()) return "";
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
        Result<?> result = result(column, contender);
        Result<?> raw = result(column, Contenders.RAW);
        row.append(' ');
        if (result != null) {
          any = true;
          row.append(format(result.getScore() / column.divisor))
              .append(" ± ")
              .append(format(result.getScoreError() / column.divisor));
          if (raw != null) {
            row.append(String.format(Locale.ROOT, " (%.2fx)", result.getScore() / raw.getScore()));
          }
        }
        row.append(" |");
      }
      if (any) out.append(row).append('\n');
    }
    return out.toString();
  }

  /** The classifier alone on never-seen statements, by shape, and their mean; "" when not run. */
  private String firstSight() {
    StringBuilder out =
        new StringBuilder("\n| first sight, SqlClassifier.classify | ns/op |\n")
            .append("|---|---:|\n");
    int count = 0;
    for (Shape shape : Shape.values()) {
      Result<?> result = result(FIRST_SIGHT, "", "shape=" + shape);
      if (result == null) continue;
      count++;
      out.append("| ")
          .append(shape.name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(" | ")
          .append(format(result.getScore()))
          .append(" ± ")
          .append(format(result.getScoreError()))
          .append(" |\n");
    }
    Double mean = firstSightMean();
    if (mean != null) {
      out.append("| **mean of the ")
          .append(count)
          .append(" shapes** | ")
          .append(format(mean))
          .append(" |\n");
    }
    return count == 0 ? "" : out.toString();
  }

  /** design.md's performance budget, each line MET or MISSED with the numbers behind it. */
  String budget() {
    List<String> lines = new ArrayList<>();
    ratio(lines, POINT_SELECT, "", Contenders.TRACEJDBC_NOOP, 1.05, "no-op tracer, point select");
    ratio(lines, BATCH, "", Contenders.TRACEJDBC_NOOP, 1.02, "no-op tracer, per batched row");
    for (int distinct : DISTINCT) {
      ratio(
          lines,
          ROUND_ROBIN,
          "distinct=" + distinct,
          Contenders.TRACEJDBC_NOOP,
          1.10,
          String.format(Locale.ROOT, "no-op tracer, prepared round robin over %,d", distinct));
    }
    for (String contender :
        List.of(
            Contenders.TRACEJDBC_NOOP,
            Contenders.TRACEJDBC_OTEL,
            Contenders.TRACEJDBC_OTEL_NATIVE)) {
      flatCost(lines, contender);
    }
    List<Workload> all = new ArrayList<>(FRIENDLY);
    all.addAll(MANY_STATEMENTS);
    for (Workload workload : all) {
      if (workload.divisor != 1) continue;
      Double over = overRaw(workload, Contenders.TRACEJDBC_OFF);
      if (over != null) {
        lines.add(
            verdict(
                over <= 50,
                "tracing off, "
                    + workload.title
                    + ": "
                    + format(over)
                    + " ns over raw (budget 50)"));
      }
    }
    for (Workload workload : all) {
      if (workload.divisor != 1) continue;
      beats(
          lines,
          workload,
          Contenders.TRACEJDBC_OTEL_NATIVE,
          Contenders.OTEL_JDBC,
          Contenders.TRACEJDBC_OTEL,
          Contenders.JAVA_JDBC_OTEL);
      beats(
          lines,
          workload,
          Contenders.TRACEJDBC_OTEL,
          Contenders.JAVA_JDBC_OTEL,
          Contenders.OTEL_JDBC);
      beats(
          lines, workload, Contenders.TRACEJDBC_NOOP, Contenders.JAVA_JDBC_NOOP, Contenders.P6SPY);
    }
    Double over = overRaw(MISS_WORKLOAD, Contenders.TRACEJDBC_NOOP);
    if (over != null) {
      lines.add(
          verdict(
              over <= 5_000,
              "first sight of a statement, through the driver: "
                  + format(over)
                  + " ns over raw (budget 5 us)"));
    }
    Double mean = firstSightMean();
    if (mean != null) {
      lines.add(
          verdict(
              mean <= 5_000,
              "first sight, SqlClassifier.classify, mean over the"
                  + " shapes measured: "
                  + format(mean)
                  + " ns (budget 5 us)"));
    }
    Result<?> otel = result(POINT_SELECT, Contenders.TRACEJDBC_OTEL, "");
    over = overRaw(POINT_SELECT_WORKLOAD, Contenders.TRACEJDBC_OTEL);
    Result<?> span = result(SHIM_SPAN, "", "");
    if (over != null && span != null) {
      double beyond = over - span.getScore();
      lines.add(
          verdict(
              beyond <= 60,
              "OTel SDK, point select: "
                  + format(over)
                  + " ns over raw, "
                  + format(beyond)
                  + " ns beyond the span alone (budget 60)"));
    }
    Result<?> around = result(SPAN_AROUND, "", "");
    if (otel != null && around != null) {
      double beyond = otel.getScore() - around.getScore();
      lines.add(
          verdict(
              beyond <= 60,
              "OTel SDK, point select: "
                  + format(beyond)
                  + " ns beyond raw with the span by hand (budget 60)"));
    }
    StringBuilder out = new StringBuilder("Budget (design.md):\n");
    for (String line : lines) out.append("- ").append(line).append('\n');
    return out.toString();
  }

  private void ratio(
      List<String> lines,
      String benchmark,
      String params,
      String contender,
      double budget,
      String what) {
    Result<?> result = result(benchmark, contender, params);
    Result<?> raw = result(benchmark, Contenders.RAW, params);
    if (result == null || raw == null) return;
    double ratio = result.getScore() / raw.getScore();
    lines.add(
        verdict(
            ratio <= budget,
            String.format(Locale.ROOT, "%s: %.3fx raw (budget %.2fx)", what, ratio, budget)));
  }

  /** The round robin's cost at its largest size within 1.10x of its cost at its smallest. */
  private void flatCost(List<String> lines, String contender) {
    int smallest = DISTINCT.get(0);
    int largest = DISTINCT.get(DISTINCT.size() - 1);
    Result<?> small = result(ROUND_ROBIN, contender, "distinct=" + smallest);
    Result<?> large = result(ROUND_ROBIN, contender, "distinct=" + largest);
    if (small == null || large == null) return;
    double ratio = large.getScore() / small.getScore();
    lines.add(
        verdict(
            ratio <= 1.10,
            String.format(
                Locale.ROOT,
                "%s, prepared round robin: %,d distinct cost %.3fx what %,d cost (budget 1.10x)",
                contender,
                largest,
                ratio,
                smallest)));
  }

  private void beats(List<String> lines, Workload workload, String contender, String... peers) {
    Result<?> ours = result(workload, contender);
    if (ours == null) return;
    for (String peer : peers) {
      Result<?> theirs = result(workload, peer);
      if (theirs == null) continue;
      lines.add(
          verdict(
              ours.getScore() < theirs.getScore(),
              contender
                  + " vs "
                  + peer
                  + ", "
                  + workload.title
                  + ": "
                  + format(ours.getScore())
                  + " vs "
                  + format(theirs.getScore())
                  + " ns"));
    }
  }

  private Double overRaw(Workload workload, String contender) {
    Result<?> result = result(workload, contender);
    Result<?> raw = result(workload, Contenders.RAW);
    return result == null || raw == null ? null : result.getScore() - raw.getScore();
  }

  /** The mean score of the first-sight shapes measured, or null when none was. */
  private Double firstSightMean() {
    double sum = 0;
    int count = 0;
    for (Shape shape : Shape.values()) {
      Result<?> result = result(FIRST_SIGHT, "", "shape=" + shape);
      if (result == null) continue;
      sum += result.getScore();
      count++;
    }
    return count == 0 ? null : sum / count;
  }

  private boolean hasAny(Workload workload) {
    for (String contender : Contenders.ALL) {
      if (result(workload, contender) != null) return true;
    }
    return false;
  }

  private Result<?> result(Workload workload, String contender) {
    return result(workload.benchmark, contender, workload.params);
  }

  private Result<?> result(String benchmark, String contender, String params) {
    return results.get(key(benchmark, contender, params));
  }

  private static String verdict(boolean met, String line) {
    return (met ? "MET: " : "MISSED: ") + line;
  }

  private static String format(double nanos) {
    return Math.abs(nanos) >= 100
        ? String.format(Locale.ROOT, "%,.0f", nanos)
        : String.format(Locale.ROOT, "%.1f", nanos);
  }

  private static String key(String benchmark, String contender, String params) {
    return benchmark + '/' + contender + '/' + params;
  }
}
