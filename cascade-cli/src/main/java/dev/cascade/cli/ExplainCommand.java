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
      long[] times = shockRoots(causes).stream().mapToLong(id -> causes.time()[id]).toArray();
      ShockMoves moves = new ShockMoves(times);
      CauseFlow flow = readTrades(run, causes.size(), moves::add);
      CauseChains.Report report = CauseChains.analyze(causes, flow);
      java.util.Map<Integer, java.util.Map<String, Double>> movesByRoot =
          moves.byRoot(report.shocks());
      if (json) {
        spec.commandLine()
            .getOut()
            .println(toJson(report, causes.size(), flow.trades(), movesByRoot));
        spec.commandLine().getOut().flush();
        return 0;
      }
      spec.commandLine()
          .getOut()
          .printf(
              "cause chains of %s (%d causes, %d trades)%n%n%s",
              run,
              causes.size(),
              flow.trades(),
              ChainText.render(report, steps, realScale(run), movesByRoot));
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
   * aggressiveLots}, {@code notional}, {@code impactBps} per instrument); a shock's chain also has
   * {@code movesBps}, each instrument's price move over the minute after it ({@link ShockMoves}),
   * and {@code moveWindowSeconds}.
   */
  private String toJson(
      CauseChains.Report report,
      int causeCount,
      long trades,
      java.util.Map<Integer, java.util.Map<String, Double>> moves) {
    java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
    root.put("run", run.toString());
    root.put("causes", causeCount);
    root.put("trades", trades);
    root.put("longestDepth", report.longestDepth());
    root.put("longestPath", report.longestPath());
    root.put("shocks", chains(report.shocks(), moves));
    root.put("background", chains(report.background(), java.util.Map.of()));
    return JsonText.pretty(root);
  }

  private static List<Object> chains(
      List<CauseChains.Chain> chains, java.util.Map<Integer, java.util.Map<String, Double>> moves) {
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
      if (moves.containsKey(c.root())) {
        o.put("movesBps", moves.get(c.root()));
        o.put("moveWindowSeconds", ShockMoves.WINDOW_SECONDS);
      }
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

  /** The root causes of kind shock. */
  static List<Integer> shockRoots(CauseTable causes) {
    List<Integer> out = new java.util.ArrayList<>();
    for (int id = 1; id < causes.size(); id++) {
      if (causes.kind().get(id) == dev.cascade.cause.CauseKind.SHOCK && causes.root(id) == id) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * The run's trades summed by aggressor cause, in one pass: the tape is not held in memory; each
   * trade is also passed to {@code also}.
   */
  static CauseFlow readTrades(
      Path runDir, int causeCount, java.util.function.Consumer<TapeTrade> also)
      throws RunDataException {
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
          TapeTrade t =
              new TapeTrade(
                  row.whole(c[0]),
                  row.text(c[1]),
                  row.number(c[2]),
                  row.whole(c[3]),
                  row.number(c[4]),
                  aggr.equals("buy"),
                  (int) buy,
                  (int) sell);
          out.add(t);
          also.accept(t);
        });
    return out;
  }
}
