package dev.cascade.cli;

import dev.cascade.analytics.CauseChains;
import dev.cascade.analytics.CauseTable;
import dev.cascade.analytics.TapeTrade;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
      List<TapeTrade> trades = readTrades(run, causes.size());
      CauseChains.Report report = CauseChains.analyze(causes, trades);
      spec.commandLine()
          .getOut()
          .printf(
              "cause chains of %s (%d causes, %d trades)%n%n%s",
              run, causes.size(), trades.size(), ChainText.render(report, steps));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (CsvFile.CsvException e) {
      spec.commandLine().getErr().println("cascade explain: " + e.getMessage());
      return 2;
    }
  }

  static List<TapeTrade> readTrades(Path runDir, int causeCount) throws CsvFile.CsvException {
    CsvFile f =
        CsvFile.readTable(
            runDir,
            "trades",
            "timeNanos",
            "symbol",
            "price",
            "qty",
            "notional",
            "aggressor",
            "buyCauseId",
            "sellCauseId");
    int cTime = f.column("timeNanos");
    int cSym = f.column("symbol");
    int cPrice = f.column("price");
    int cQty = f.column("qty");
    int cNotional = f.column("notional");
    int cAggr = f.column("aggressor");
    int cBuy = f.column("buyCauseId");
    int cSell = f.column("sellCauseId");
    List<TapeTrade> out = new ArrayList<>(f.rows());
    for (int r = 0; r < f.rows(); r++) {
      String aggr = f.get(r, cAggr);
      if (!aggr.equals("buy") && !aggr.equals("sell")) {
        throw f.error(r, "aggressor: expected buy or sell, found '" + aggr + "'");
      }
      long buy = f.getLong(r, cBuy);
      long sell = f.getLong(r, cSell);
      if (buy < 0 || buy >= causeCount || sell < 0 || sell >= causeCount) {
        throw f.error(r, "cause id out of range of causes.csv (" + causeCount + " causes)");
      }
      out.add(
          new TapeTrade(
              f.getLong(r, cTime),
              f.get(r, cSym),
              f.getDouble(r, cPrice),
              f.getLong(r, cQty),
              f.getDouble(r, cNotional),
              aggr.equals("buy"),
              (int) buy,
              (int) sell));
    }
    return out;
  }
}
