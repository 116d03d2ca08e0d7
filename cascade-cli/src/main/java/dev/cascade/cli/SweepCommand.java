package dev.cascade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.ScenarioSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cascade sweep FILE --paths N}: a Monte Carlo stress test of a scenario. Runs it over N
 * seeds in parallel across cores and reports, per asset, the distribution of the change over the
 * episode and of the largest drawdown: mean, standard deviation, quantiles and the expected
 * shortfall of the worst 5% of paths. The random experiment is written down: scenario, seeds and
 * ablations are in sweep.json beside the results.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Monte Carlo stress test: runs a scenario over many seeds in parallel and prints, per asset,"
          + " the distribution of its change and its max drawdown (mean, sd, 5/50/95%%, worst,"
          + " expected shortfall of the worst 5%%).",
      "Writes sweep.json, sweep-paths.csv (one row per path and asset) and scenario.yaml."
    })
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file")
  Path file;

  @Option(
      names = "--paths",
      paramLabel = "N",
      defaultValue = "100",
      description = "paths (seeds) to run (default: ${DEFAULT-VALUE})")
  int paths;

  @Option(
      names = "--first-seed",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "paths use seeds S, S+1, ..., S+N-1: any 64-bit integers, negative ones included"
              + " (default: ${DEFAULT-VALUE})")
  long firstSeed;

  @Option(
      names = "--without",
      paramLabel = "M",
      split = ",",
      description = "leave out mechanisms, families, groups or shock types on every path")
  List<String> without = new ArrayList<>();

  @Mixin ThreadsOption threads;

  @Mixin ForceOption force;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where to write the results (default: runs/<scenario>-sweep)")
  Path out;

  /**
   * One asset's distribution over the paths; percent.
   *
   * @param symbol instrument
   * @param changeMean mean change over the episode
   * @param changeSd its sample standard deviation
   * @param changeP5 5th percentile of the change
   * @param changeP50 median change
   * @param changeP95 95th percentile of the change
   * @param changeWorst lowest change
   * @param changeEs5 expected shortfall: mean change of the worst 5% of paths
   * @param drawdownMean mean max drawdown
   * @param drawdownP95 95th percentile of the max drawdown
   * @param drawdownWorst largest max drawdown
   */
  record AssetDistribution(
      String symbol,
      double changeMean,
      double changeSd,
      double changeP5,
      double changeP50,
      double changeP95,
      double changeWorst,
      double changeEs5,
      double drawdownMean,
      double drawdownP95,
      double drawdownWorst) {}

  /**
   * What sweep.json holds: the experiment and its results.
   *
   * @param scenario name
   * @param firstSeed first seed
   * @param paths number of paths (seeds firstSeed .. firstSeed + paths - 1)
   * @param without left out on every path
   * @param wallSeconds wall-clock time of the sweep
   * @param assets per instrument
   */
  record Sweep(
      String scenario,
      long firstSeed,
      int paths,
      List<String> without,
      double wallSeconds,
      List<AssetDistribution> assets) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    if (paths < 1 || paths > 1_000_000) {
      err.println("cascade sweep: --paths must be in [1, 1000000], got " + paths);
      return 2;
    }
    String seedError = SeedRange.check("--first-seed", firstSeed, "--paths", paths);
    if (seedError != null) {
      err.println("cascade sweep: " + seedError);
      return 2;
    }
    int nThreads = threads.resolve("sweep", err);
    if (nThreads < 0) {
      return 2;
    }
    AgentRegistry registry = StandardFamilies.registry();
    ScenarioFiles.Loaded loaded = ScenarioFiles.load(file, registry, err);
    if (loaded == null) {
      return 2;
    }
    ScenarioSpec scenario = loaded.spec();
    Set<String> off = new LinkedHashSet<>(without);
    List<String> unknown = RunCommand.unknownNames(scenario, off);
    if (!unknown.isEmpty()) {
      err.println(
          "cascade sweep: --without names no mechanism, family, group or shock type of this"
              + " scenario: "
              + String.join(", ", unknown));
      return 2;
    }
    Path target = out != null ? out : Path.of("runs", scenario.name() + "-sweep");
    // Refused before any path runs; checked again when the results are moved into place.
    OutputDirectory.checkTarget(target, force.force);

    long wall0 = System.nanoTime();
    List<PathOutcome.Job> jobs = new ArrayList<>();
    for (int k = 0; k < paths; k++) {
      jobs.add(new PathOutcome.Job(firstSeed + k, off));
    }
    PathOutcome[] results = PathOutcome.runAll(scenario, jobs, registry, nThreads);
    double wall = (System.nanoTime() - wall0) / 1e9;
    List<AssetDistribution> assets = new ArrayList<>();
    for (int i = 0; i < scenario.instruments().size(); i++) {
      double[] ch = new double[paths];
      double[] dd = new double[paths];
      for (int k = 0; k < paths; k++) {
        ch[k] = results[k].changePct()[i];
        dd[k] = results[k].maxDrawdownPct()[i];
      }
      assets.add(distribution(scenario.instruments().get(i).symbol(), ch, dd));
    }
    Sweep sweep =
        new Sweep(
            scenario.name(),
            firstSeed,
            paths,
            List.copyOf(off),
            Math.round(wall * 1000) / 1000.0,
            assets);

    OutputDirectory dir = OutputDirectory.open(target, force.force, "sweep", err);
    boolean committed = false;
    try {
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(dir.file("sweep.json").toFile(), sweep);
      try (Writer w =
          Files.newBufferedWriter(dir.file("sweep-paths.csv"), StandardCharsets.UTF_8)) {
        w.write("seed,symbol,changePct,maxDrawdownPct\n");
        for (int k = 0; k < paths; k++) {
          for (int i = 0; i < assets.size(); i++) {
            w.write(
                String.format(
                    Locale.ROOT,
                    "%d,%s,%.4f,%.4f%n",
                    firstSeed + k,
                    assets.get(i).symbol(),
                    results[k].changePct()[i],
                    results[k].maxDrawdownPct()[i]));
          }
        }
      }
      loaded.copyTo(dir.file("scenario.yaml"));
      Path where = dir.commit();
      committed = true;
      outW.print(render(sweep, nThreads));
      outW.println("run: " + where);
      outW.flush();
      return 0;
    } finally {
      if (!committed) {
        dir.abandon();
      }
    }
  }

  static AssetDistribution distribution(String symbol, double[] change, double[] drawdown) {
    double[] c = change.clone();
    double[] d = drawdown.clone();
    Arrays.sort(c);
    Arrays.sort(d);
    int tail = Math.max(1, (int) Math.ceil(0.05 * c.length));
    double es = 0;
    for (int k = 0; k < tail; k++) {
      es += c[k];
    }
    return new AssetDistribution(
        symbol,
        SampleStats.round4(SampleStats.mean(c)),
        SampleStats.round4(SampleStats.sd(c)),
        SampleStats.round4(SampleStats.quantile(c, 0.05)),
        SampleStats.round4(SampleStats.quantile(c, 0.5)),
        SampleStats.round4(SampleStats.quantile(c, 0.95)),
        SampleStats.round4(c[0]),
        SampleStats.round4(es / tail),
        SampleStats.round4(SampleStats.mean(d)),
        SampleStats.round4(SampleStats.quantile(d, 0.95)),
        SampleStats.round4(d[d.length - 1]));
  }

  private static String render(Sweep s, int threads) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "sweep of %s: %d paths (seeds %d..%d) on %d threads in %.1f s%s%n%n",
            s.scenario(),
            s.paths(),
            s.firstSeed(),
            s.firstSeed() + s.paths() - 1,
            threads,
            s.wallSeconds(),
            s.without().isEmpty() ? "" : ", without " + String.join(", ", s.without())));
    b.append(
        String.format(
            Locale.ROOT,
            "%-8s %8s %7s %8s %8s %8s %8s %8s   %8s %8s %8s%n",
            "ticker",
            "chg mean",
            "sd",
            "p5",
            "p50",
            "p95",
            "worst",
            "ES 5%",
            "dd mean",
            "dd p95",
            "dd worst"));
    for (AssetDistribution a : s.assets()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-8s %+8.2f %7.2f %+8.2f %+8.2f %+8.2f %+8.2f %+8.2f   %8.2f %8.2f %8.2f%n",
              a.symbol(),
              a.changeMean(),
              a.changeSd(),
              a.changeP5(),
              a.changeP50(),
              a.changeP95(),
              a.changeWorst(),
              a.changeEs5(),
              a.drawdownMean(),
              a.drawdownP95(),
              a.drawdownWorst()));
    }
    b.append("(percent; change from the starting price; dd = largest peak-to-trough fall)\n");
    return b.toString();
  }
}
