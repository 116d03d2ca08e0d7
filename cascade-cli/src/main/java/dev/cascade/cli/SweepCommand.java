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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cascade sweep FILE --seeds N}: a Monte Carlo stress test of a scenario. Runs it over N
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
          + " the distribution of its change and its max drawdown (mean with its standard error,"
          + " sd, 5/50/95%%, worst, expected shortfall of the worst 5%%), with 95%% bootstrap"
          + " intervals, and a warning when there are too few paths for a figure.",
      "Writes sweep.json, sweep-paths.csv and .parquet (one row per path and asset) and scenario.yaml; keeps"
          + " each finished path in <out>.partial until then, so that --resume continues a"
          + " stopped sweep."
    })
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file")
  Path file;

  @Option(
      names = "--json",
      description = "print sweep.json on standard output instead of the table")
  boolean json;

  @Option(
      names = "--seeds",
      paramLabel = "N|A-B",
      description =
          "the paths' seeds: N seeds from --first-seed, or the seeds A to B inclusive (default:"
              + " 100)")
  String seedsText;

  /** {@code --paths N}, the old name of {@code --seeds N}: kept, hidden, for one release. */
  @Option(names = "--paths", paramLabel = "N", hidden = true)
  void oldPaths(String n) {
    seedsText = n;
    oldPathsUsed = true;
  }

  private boolean oldPathsUsed;

  /** How many paths (seeds from {@link #firstSeed}): set from {@code --seeds}. */
  private int paths;

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

  @Mixin SparkOption spark;

  @Mixin ForceOption force;

  @Mixin BatchOptions batch;

  @Option(
      names = "--breach",
      paramLabel = "CONDITION",
      description =
          "also count the paths that breach CONDITION (as reverse-stress spells it, e.g. \"SPY"
              + " drawdown >= 10%%\"): their share with its 95%% Wilson interval, and their seeds")
  String breach;

  @Mixin ShockScaleOption scale;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where to write the results (default: runs/<scenario>-sweep)")
  Path out;

  /**
   * One asset's distribution over the paths; percent. Intervals are 95% percentile-bootstrap
   * intervals ({@link SampleStats}); standard errors and intervals are null for a single path.
   *
   * @param symbol instrument
   * @param changeMean mean change over the episode
   * @param changeMeanSe its standard error
   * @param changeSd sample standard deviation of the change
   * @param changeP5 5th percentile of the change
   * @param changeP5Ci its interval
   * @param changeP50 median change
   * @param changeP50Ci its interval
   * @param changeP95 95th percentile of the change
   * @param changeP95Ci its interval
   * @param changeWorst lowest change
   * @param changeEs5 expected shortfall: mean change of the worst ceil(5% n) paths
   * @param changeEs5Ci its interval
   * @param drawdownMean mean max drawdown
   * @param drawdownMeanSe its standard error
   * @param drawdownP95 95th percentile of the max drawdown
   * @param drawdownP95Ci its interval
   * @param drawdownWorst largest max drawdown
   */
  record AssetDistribution(
      String symbol,
      double changeMean,
      Double changeMeanSe,
      double changeSd,
      double changeP5,
      SampleStats.Interval changeP5Ci,
      double changeP50,
      SampleStats.Interval changeP50Ci,
      double changeP95,
      SampleStats.Interval changeP95Ci,
      double changeWorst,
      double changeEs5,
      SampleStats.Interval changeEs5Ci,
      double drawdownMean,
      Double drawdownMeanSe,
      double drawdownP95,
      SampleStats.Interval drawdownP95Ci,
      double drawdownWorst) {}

  /**
   * How the figures were computed, written beside them.
   *
   * @param quantiles the quantile estimator
   * @param expectedShortfall its definition
   * @param intervals how intervals are made
   * @param resamples bootstrap resamples per interval
   * @param bootstrapSeed seed of the bootstrap's random stream
   * @param level confidence level
   */
  record Method(
      String quantiles,
      String expectedShortfall,
      String intervals,
      int resamples,
      long bootstrapSeed,
      double level) {
    static Method current() {
      return new Method(
          "R-7 (Hipparchus Percentile: linear between order statistics, as R and NumPy)",
          "mean change of the worst ceil(5% x paths) paths",
          "percentile bootstrap: paths resampled with replacement",
          SampleStats.RESAMPLES,
          SampleStats.BOOTSTRAP_SEED,
          SampleStats.LEVEL);
    }
  }

  /**
   * What sweep.json holds: the experiment and its results.
   *
   * @param scenario name
   * @param firstSeed first seed
   * @param paths number of paths (seeds firstSeed .. firstSeed + paths - 1)
   * @param without left out on every path
   * @param wallSeconds wall-clock time of the sweep (of this process's share when resumed)
   * @param resumedPaths paths found done in the partial directory and not run again
   * @param method how the statistics were computed
   * @param warnings figures the number of paths cannot support, with the rule
   * @param assets per instrument
   * @param shockScaling the shocks' scaling ({@code all}, {@code byLabel}); absent when none
   * @param leverageScaling participants' leverage factor ({@code --scale-leverage}); absent when 1
   * @param flowScaling investor flows' factor ({@code --scale-flows}); absent when 1
   * @param liquidityScaling the liquidity providers' factor ({@code --scale-liquidity}); absent
   *     when 1
   * @param breach the {@code --breach} count; absent without it
   */
  record Sweep(
      String scenario,
      long firstSeed,
      int paths,
      List<String> without,
      double wallSeconds,
      int resumedPaths,
      Method method,
      List<String> warnings,
      List<AssetDistribution> assets,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Map<String, Object> shockScaling,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Double leverageScaling,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Double flowScaling,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Double liquidityScaling,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Breach breach) {}

  /**
   * The paths that breach a condition ({@code --breach}).
   *
   * @param condition canonical spelling
   * @param breaches paths that breach
   * @param lo lower end of the 95% Wilson interval of the breach probability
   * @param hi upper end
   * @param seeds the breaching paths' seeds
   */
  record Breach(String condition, int breaches, double lo, double hi, List<Long> seeds) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    if (oldPathsUsed) {
      err.println("cascade sweep: --paths is now --seeds; the old name goes in the next release");
    }
    SeedRange.Seeds range =
        SeedRange.parse(seedsText == null ? "100" : seedsText, firstSeed, 1_000_000);
    paths = range.count();
    firstSeed = range.first();
    int nThreads = threads.resolve("sweep", err);
    if (nThreads < 0) {
      return 2;
    }
    AgentRegistry registry = StandardFamilies.registry();
    ScenarioFiles.Loaded loaded = ScenarioFiles.load(file, registry, err);
    if (loaded == null) {
      return 2;
    }
    ScenarioSpec scenario = scale.apply(loaded.spec());
    BreachCondition condition = breach == null ? null : BreachCondition.parse(breach, scenario);
    Set<String> off = new LinkedHashSet<>(without);
    String unknown =
        RunCommand.unknownWithout(
            "sweep",
            scenario,
            off,
            spec.commandLine().getParseResult().hasMatchedOption("--without"));
    if (unknown != null) {
      err.println(unknown);
      return 2;
    }
    Path target = out != null ? out : Path.of("runs", scenario.name() + "-sweep");
    // Refused before any path runs; checked again when the results are moved into place.
    OutputDirectory.checkTarget(target, force.force);

    List<PathOutcome.Job> jobs = new ArrayList<>();
    for (int k = 0; k < paths; k++) {
      jobs.add(new PathOutcome.Job(firstSeed + k, off));
    }
    List<String> symbols = new ArrayList<>();
    scenario.instruments().forEach(i -> symbols.add(i.symbol()));
    PartialRun.Experiment experiment =
        new PartialRun.Experiment(
            "sweep",
            scenario.name(),
            // the shock scaling is part of what was run: a resume must use the same
            PartialRun.Experiment.sha256(loaded.text() + scale.describe()),
            firstSeed,
            paths,
            List.of(off.isEmpty() ? "-" : String.join(",", new TreeSet<>(off))),
            symbols);
    PathBatch pathBatch =
        new PathBatch(scenario, loaded.text(), file.toString(), scale.scaling(), jobs, registry);
    BatchRun.Result ran;
    String where;
    try (PathExecutor executor = spark.open("sweep", threads, nThreads)) {
      where = executor.describe();
      ran = BatchRun.run("sweep", experiment, pathBatch, target, batch, executor, err);
    }
    PathOutcome[] results = ran.outcomes();
    double wall = ran.wallSeconds();
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
            ran.resumed(),
            Method.current(),
            SampleStats.warnings(paths, "paths"),
            assets,
            scale.record(),
            (Double) scale.records().get("leverageScaling"),
            (Double) scale.records().get("flowScaling"),
            (Double) scale.records().get("liquidityScaling"),
            condition == null ? null : breaches(condition, results, firstSeed));

    OutputDirectory dir;
    try {
      dir = OutputDirectory.open(target, force.force, "sweep", err);
    } catch (RuntimeException e) {
      ran.partial().close();
      throw e;
    }
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
                    "%d,%s,%.4f,%.4f\n",
                    firstSeed + k,
                    Csv.field(assets.get(i).symbol()),
                    results[k].changePct()[i],
                    results[k].maxDrawdownPct()[i]));
          }
        }
      }
      RunTables.sweepPathsToParquet(dir.path(), scenario.name());
      loaded.copyTo(dir.file("scenario.yaml"));
      Path dirPath = dir.commit();
      committed = true;
      ran.partial().delete(err);
      if (json) {
        outW.print(Files.readString(dirPath.resolve("sweep.json"), StandardCharsets.UTF_8));
        outW.println();
      } else {
        outW.print(render(sweep, where));
        outW.println("run: " + dirPath);
      }
      outW.flush();
      return 0;
    } finally {
      if (!committed) {
        dir.abandon();
        ran.partial().close();
      }
    }
  }

  static AssetDistribution distribution(String symbol, double[] change, double[] drawdown) {
    double[] c = change.clone();
    double[] d = drawdown.clone();
    Arrays.sort(c);
    Arrays.sort(d);
    SampleStats.Interval[] ci =
        SampleStats.bootstrap(
            c,
            List.of(
                SampleStats.quantileOf(SampleStats.TAIL),
                SampleStats.quantileOf(0.5),
                SampleStats.quantileOf(1 - SampleStats.TAIL),
                SampleStats.shortfallOf(SampleStats.TAIL)));
    SampleStats.Interval[] dci =
        SampleStats.bootstrap(d, List.of(SampleStats.quantileOf(1 - SampleStats.TAIL)));
    return new AssetDistribution(
        symbol,
        SampleStats.round4(SampleStats.mean(c)),
        SampleStats.round4(SampleStats.se(c)),
        SampleStats.round4(SampleStats.sd(c)),
        SampleStats.round4(SampleStats.quantile(c, SampleStats.TAIL)),
        SampleStats.round4(ci[0]),
        SampleStats.round4(SampleStats.quantile(c, 0.5)),
        SampleStats.round4(ci[1]),
        SampleStats.round4(SampleStats.quantile(c, 1 - SampleStats.TAIL)),
        SampleStats.round4(ci[2]),
        SampleStats.round4(c[0]),
        SampleStats.round4(SampleStats.expectedShortfall(c, SampleStats.TAIL)),
        SampleStats.round4(ci[3]),
        SampleStats.round4(SampleStats.mean(d)),
        SampleStats.round4(SampleStats.se(d)),
        SampleStats.round4(SampleStats.quantile(d, 1 - SampleStats.TAIL)),
        SampleStats.round4(dci[0]),
        SampleStats.round4(d[d.length - 1]));
  }

  static String render(Sweep s, int threads) {
    return render(s, threads + " threads");
  }

  /**
   * The sweep as text.
   *
   * @param where where its paths ran: "4 threads", "Spark local[2]"
   */
  /** The paths of a sweep (seeds firstSeed, firstSeed + 1, ...) that breach {@code c}. */
  static Breach breaches(BreachCondition c, PathOutcome[] results, long firstSeed) {
    List<Long> seeds = new ArrayList<>();
    for (int k = 0; k < results.length; k++) {
      if (c.test(results[k])) {
        seeds.add(firstSeed + k);
      }
    }
    double[] w = ReverseStress.wilson(seeds.size(), results.length);
    return new Breach(
        c.text(),
        seeds.size(),
        SampleStats.round4(w[0]),
        SampleStats.round4(w[1]),
        List.copyOf(seeds));
  }

  static String render(Sweep s, String where) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "sweep of %s: %d paths (seeds %d..%d) on %s in %.1f s%s%s%n%n",
            s.scenario(),
            s.paths(),
            s.firstSeed(),
            s.firstSeed() + s.paths() - 1,
            where,
            s.wallSeconds(),
            s.resumedPaths() > 0 ? " (" + s.resumedPaths() + " paths resumed from disk)" : "",
            s.without().isEmpty() ? "" : ", without " + String.join(", ", s.without())));
    b.append(
        String.format(
            Locale.ROOT,
            "%-8s %8s %6s %7s %8s %8s %8s %8s %8s   %8s %6s %8s %8s%n",
            "ticker",
            "chg mean",
            "se",
            "sd",
            "p5",
            "p50",
            "p95",
            "worst",
            "ES 5%",
            "dd mean",
            "se",
            "dd p95",
            "dd worst"));
    for (AssetDistribution a : s.assets()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-8s %+8.2f %6s %7.2f %+8.2f %+8.2f %+8.2f %+8.2f %+8.2f   %8.2f %6s %8.2f %8.2f%n",
              a.symbol(),
              a.changeMean(),
              se(a.changeMeanSe()),
              a.changeSd(),
              a.changeP5(),
              a.changeP50(),
              a.changeP95(),
              a.changeWorst(),
              a.changeEs5(),
              a.drawdownMean(),
              se(a.drawdownMeanSe()),
              a.drawdownP95(),
              a.drawdownWorst()));
    }
    b.append("(percent; change from the starting price; dd = largest peak-to-trough fall;")
        .append(" se = standard error of the mean)\n");
    if (s.breach() != null) {
      Breach x = s.breach();
      b.append(
          String.format(
              Locale.ROOT,
              "%nbreach \"%s\": %d of %d paths, probability %.2f [%.2f, %.2f] (95%% Wilson)%s%n",
              x.condition(),
              x.breaches(),
              s.paths(),
              (double) x.breaches() / s.paths(),
              x.lo(),
              x.hi(),
              x.seeds().isEmpty()
                  ? ""
                  : "; seeds "
                      + String.join(", ", x.seeds().stream().map(String::valueOf).toList())));
    }
    if (s.paths() >= 2) {
      b.append(
          String.format(
              Locale.ROOT,
              "%n95%% bootstrap intervals (percentile, %d resamples, seed %d):%n",
              s.method().resamples(),
              s.method().bootstrapSeed()));
      b.append(
          String.format(
              Locale.ROOT,
              "%-8s %-18s %-18s %-18s %-18s %s%n",
              "ticker",
              "p5",
              "p50",
              "p95",
              "ES 5%",
              "dd p95"));
      for (AssetDistribution a : s.assets()) {
        b.append(
            String.format(
                Locale.ROOT,
                "%-8s %-18s %-18s %-18s %-18s %s%n",
                a.symbol(),
                interval(a.changeP5Ci()),
                interval(a.changeP50Ci()),
                interval(a.changeP95Ci()),
                interval(a.changeEs5Ci()),
                interval(a.drawdownP95Ci())));
      }
    }
    for (String w : s.warnings()) {
      b.append("warning: ").append(w).append('\n');
    }
    return b.toString();
  }

  private static String se(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  static String interval(SampleStats.Interval i) {
    return i == null ? "-" : String.format(Locale.ROOT, "[%+.2f, %+.2f]", i.lo(), i.hi());
  }
}
