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
      spec.commandLine()
          .getOut()
          .printf(
              "cause chains of %s (%d causes, %d trades)%n%n%s",
              run, causes.size(), flow.trades(), ChainText.render(report, steps));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (RunDataException e) {
      spec.commandLine().getErr().println("cascade explain: " + e.getMessage());
      return 2;
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
