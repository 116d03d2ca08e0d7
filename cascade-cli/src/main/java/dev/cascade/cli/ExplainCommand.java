package dev.cascade.cli;

import dev.cascade.analytics.CauseChains;
import dev.cascade.analytics.CauseFlow;
import dev.cascade.analytics.CauseTable;
import dev.cascade.analytics.TapeTrade;
import dev.cascade.report.RunDataException;
import dev.cascade.report.RunTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cascade explain RUN}: the cause chains of a run, from its causes.csv and trades.csv. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explains a run: the root shocks, the mechanisms each set off in order, the volume and"
          + " price impact of each step, and the depth of the longest chain.",
      "Every trade counts for the cause of its aggressor order (the one that moved the price).",
      "Reads causes and trades from the run's Parquet files (or its CSV files)."
    })
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "a run directory")
  Path run;

  @Option(
      names = "--steps",
      paramLabel = "N",
      defaultValue = "12",
      description = "steps shown per shock (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(
      names = "--json",
      description =
          "print the chains as JSON (every step of every chain, --steps not applied) instead of"
              + " the text")
  boolean json;

  @Override
  public Integer call() {
    if (!Files.isDirectory(run)) {
      spec.commandLine().getErr().println("cascade explain: " + run + ": not a run directory");
      return 2;
    }
    if (steps < 1) {
      spec.commandLine().getErr().println("cascade explain: --steps must be at least 1");
      return 2;
    }
    try {
      CauseTable causes = CauseCsv.read(run);
      CauseFlow flow = readTrades(run, causes.size());
      CauseChains.Report report = CauseChains.analyze(causes, flow);
      if (json) {
        spec.commandLine().getOut().println(toJson(report, causes.size(), flow.trades()));
        spec.commandLine().getOut().flush();
        return 0;
      }
      spec.commandLine()
          .getOut()
          .printf(
              "cause chains of %s (%d causes, %d trades)%n%n%s",
              run, causes.size(), flow.trades(), ChainText.render(report, steps, realScale(run)));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (RunDataException e) {
      spec.commandLine().getErr().println("cascade explain: " + e.getMessage());
      return 2;
    }
  }

  /**
   * The report as JSON: {@code run}, {@code causes}, {@code trades}, {@code longestDepth}, {@code
   * longestPath}, and {@code shocks} and {@code background}, each a list of chains ({@code root},
   * {@code kind}, {@code label}, {@code time} as ISO-8601 UTC, {@code timeNanos}, {@code
   * aggressiveLots}, {@code steps}: {@code path}, {@code depth}, {@code causes}, {@code
   * aggressiveLots}, {@code notional}, {@code impactBps} per instrument).
   */
  private String toJson(CauseChains.Report report, int causeCount, long trades) {
    java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
    root.put("run", run.toString());
    root.put("causes", causeCount);
    root.put("trades", trades);
    root.put("longestDepth", report.longestDepth());
    root.put("longestPath", report.longestPath());
    root.put("shocks", chains(report.shocks()));
    root.put("background", chains(report.background()));
    return JsonText.pretty(root);
  }

  private static List<Object> chains(List<CauseChains.Chain> chains) {
    List<Object> out = new java.util.ArrayList<>();
    for (CauseChains.Chain c : chains) {
      java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
      o.put("root", c.root());
      o.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
      o.put("label", c.label());
      o.put("time", java.time.Instant.ofEpochSecond(0, c.time()).toString());
      o.put("timeNanos", c.time());
      o.put("aggressiveLots", c.aggressiveLots());
      o.put("steps", c.steps());
      out.add(o);
    }
    return out;
  }

  /**
   * Real dollars per simulated dollar from the run's summary.json {@code scale}, or 0 when it has
   * none (or no readable summary: the chains need only the causes and trades).
   */
  static double realScale(Path runDir) {
    Path summary = runDir.resolve("summary.json");
    try {
      com.fasterxml.jackson.databind.JsonNode k =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(summary.toFile())
              .path("scale")
              .path("realDollarsPerSimulatedDollar");
      return k.isNumber() && k.asDouble() > 0 ? k.asDouble() : 0;
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** The run's trades summed by aggressor cause, in one pass: the tape is not held in memory. */
  static CauseFlow readTrades(Path runDir, int causeCount) throws RunDataException {
    Path file = runDir.resolve("trades.csv");
    CauseFlow out = new CauseFlow();
    int[] c = new int[8];
    RunTable.read(
        file,
        List.of(
            "timeNanos",
            "symbol",
            "price",
            "qty",
            "notional",
            "aggressor",
            "buyCauseId",
            "sellCauseId"),
        idx -> System.arraycopy(idx, 0, c, 0, 8),
        row -> {
          String aggr = row.text(c[5]);
          if (!aggr.equals("buy") && !aggr.equals("sell")) {
            throw new RunDataException(
                file, row.line(), "aggressor: expected buy or sell, found '" + aggr + "'");
          }
          long buy = row.whole(c[6]);
          long sell = row.whole(c[7]);
          if (buy < 0 || buy >= causeCount || sell < 0 || sell >= causeCount) {
            throw new RunDataException(
                file, row.line(), "cause id out of range of the causes (" + causeCount + ")");
          }
          out.add(
              new TapeTrade(
                  row.whole(c[0]),
                  row.text(c[1]),
                  row.number(c[2]),
                  row.whole(c[3]),
                  row.number(c[4]),
                  aggr.equals("buy"),
                  (int) buy,
                  (int) sell));
        });
    return out;
  }
}
