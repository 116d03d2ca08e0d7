package dev.cascade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.Mechanisms;
import dev.cascade.scenario.ScenarioSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code cascade attribute FILE --seeds N}: how much of each asset's move each mechanism caused.
 * Runs the full scenario, the scenario without each mechanism, and the scenario without all of them
 * (the direct shock alone), over the same N seeds: common random numbers, so differences are paired
 * seed by seed.
 */
@Command(
    name = "attribute",
    mixinStandardHelpOptions = true,
    description = {
      "Attributes each asset's move to the mechanisms of a scenario.",
      "Runs the full scenario, each ablation (--without one mechanism) and the direct shock alone"
          + " (every mechanism off) over the same seeds, in parallel across cores, and prints per"
          + " asset: the change and drawdown with everything on, each mechanism's contribution"
          + " (full minus ablated, paired by seed: mean, its standard error and a 95%% Student-t"
          + " interval) and the amplification ratio (full change / change from the direct shock"
          + " alone).",
      "Keeps each finished run in <out>.partial until the output is written, so that --resume"
          + " continues a stopped attribution."
    })
final class AttributeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file")
  Path file;

  @Option(
      names = "--json",
      description = "print attribution.json on standard output instead of the table")
  boolean json;

  @Option(
      names = "--seeds",
      paramLabel = "N|A-B",
      defaultValue = "8",
      description =
          "seeds per variant: N seeds from --first-seed, or the seeds A to B inclusive (default:"
              + " ${DEFAULT-VALUE})")
  String seedsText;

  /** How many seeds, from {@link #firstSeed}: set from {@code --seeds}. */
  private int seeds;

  @Option(
      names = "--first-seed",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "seeds run S, S+1, ..., S+N-1: any 64-bit integers, negative ones included"
              + " (default: ${DEFAULT-VALUE})")
  long firstSeed;

  @Option(
      names = "--mechanisms",
      paramLabel = "M",
      split = ",",
      description = "mechanisms to attribute (default: every mechanism the scenario has)")
  List<String> mechanisms;

  @Option(
      names = "--breach",
      paramLabel = "CONDITION",
      description =
          "also count, per mechanism, the seeds on which the full run breaches CONDITION (as"
              + " reverse-stress spells it, e.g. \"SPY drawdown >= 10%%\") and the run without"
              + " the mechanism does not: where it was needed for the breach")
  String breach;

  @Mixin ShockScaleOption scale;

  @Mixin ThreadsOption threads;

  @Mixin SparkOption spark;

  @Mixin ForceOption force;

  @Mixin BatchOptions batch;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "where to write attribution.json and .csv (default: runs/<scenario>-attribution)")
  Path out;

  /**
   * One asset's attribution. Standard errors and intervals are null for a single seed.
   *
   * @param symbol instrument
   * @param fullChangePct mean change with everything on, percent
   * @param fullChangeSe its standard error
   * @param fullChangeSd its standard deviation over seeds
   * @param fullDrawdownPct mean max drawdown with everything on, percent
   * @param fullDrawdownSe its standard error
   * @param directChangePct mean change with every mechanism off (the direct shock alone)
   * @param directChangeSe its standard error
   * @param amplification full change / direct change (null when the direct change is ~0)
   * @param amplificationCi its 95% paired-bootstrap interval over seeds (null for one seed, or when
   *     a resample's direct change is ~0)
   * @param contributions per mechanism, in mechanism order
   */
  record AssetAttribution(
      String symbol,
      double fullChangePct,
      Double fullChangeSe,
      double fullChangeSd,
      double fullDrawdownPct,
      Double fullDrawdownSe,
      double directChangePct,
      Double directChangeSe,
      Double amplification,
      SampleStats.Interval amplificationCi,
      List<Contribution> contributions) {}

  /**
   * A mechanism's contribution to one asset (full minus ablated, paired by seed): the mean of the
   * paired differences, its standard error and a 95% Student-t interval (n - 1 degrees of freedom).
   *
   * @param mechanism name
   * @param changePp contribution to the change, percentage points (negative: pushed it down)
   * @param changeSe its standard error
   * @param changeSd standard deviation of the paired differences over seeds
   * @param changeCi 95% interval of the mean contribution
   * @param drawdownPp contribution to the max drawdown, percentage points
   * @param drawdownSe its standard error
   * @param drawdownSd standard deviation of the paired differences over seeds
   * @param drawdownCi 95% interval of the mean contribution
   */
  record Contribution(
      String mechanism,
      double changePp,
      Double changeSe,
      double changeSd,
      SampleStats.Interval changeCi,
      double drawdownPp,
      Double drawdownSe,
      double drawdownSd,
      SampleStats.Interval drawdownCi) {}

  /**
   * What {@code attribution.json} holds.
   *
   * @param scenario name
   * @param seeds seeds used
   * @param mechanisms attributed, in order
   * @param resumedRuns runs found done in the partial directory and not run again
   * @param warnings figures the number of seeds cannot support
   * @param assets per instrument
   * @param scaling the {@code --scale-*} flags every run had, as in {@code summary.json} ({@code
   *     shockScaling}, {@code leverageScaling}, {@code flowScaling}, {@code liquidityScaling});
   *     absent when none
   * @param breach the {@code --breach} counts; absent without it
   */
  /**
   * A breach condition over the attribution's runs: how many seeds breach in the full run, with
   * every mechanism off, and without each mechanism, and on how many seeds each mechanism was
   * needed for the full run's breach (it breaches, the run without the mechanism does not) or
   * prevented one (the reverse). Breach probabilities carry 95% Wilson intervals.
   */
  record Breach(
      String condition, int seeds, Count full, Count newsAlone, List<MechanismBreach> mechanisms) {}

  /** Breaching seeds out of the attribution's, with the 95% Wilson interval of the probability. */
  record Count(int breaches, double lo, double hi) {}

  /**
   * @param without breaching seeds without the mechanism
   * @param needed seeds where the full run breaches and the run without it does not
   * @param prevented seeds where the run without it breaches and the full run does not
   */
  record MechanismBreach(String mechanism, Count without, int needed, int prevented) {}

  record Attribution(
      String scenario,
      List<Long> seeds,
      List<String> mechanisms,
      int resumedRuns,
      List<String> warnings,
      List<AssetAttribution> assets,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
          Map<String, Object> scaling,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Breach breach) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    SeedRange.Seeds range = SeedRange.parse(seedsText, firstSeed, 100_000);
    seeds = range.count();
    firstSeed = range.first();
    int nThreads = threads.resolve("attribute", err);
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
    List<String> present = Mechanisms.presentIn(scenario);
    List<String> mechs =
        mechanisms == null ? present : List.copyOf(new LinkedHashSet<>(mechanisms));
    for (String m : mechs) {
      if (!present.contains(m)) {
        err.println(
            "cascade attribute: '"
                + m
                + "' is not a mechanism of this scenario; it has: "
                + (present.isEmpty() ? "none" : String.join(", ", present)));
        return 2;
      }
    }
    if (mechs.isEmpty()) {
      err.println(
          "cascade attribute: this scenario has no mechanism to attribute (known: "
              + String.join(", ", Mechanisms.names())
              + ")");
      return 2;
    }

    Path target = out != null ? out : Path.of("runs", scenario.name() + "-attribution");
    // Refused before any path runs; checked again when the results are moved into place.
    OutputDirectory.checkTarget(target, force.force);

    // Variants: 0 = full, 1..m = without one mechanism, m+1 = direct shock alone.
    List<Set<String>> variants = new ArrayList<>();
    variants.add(Set.of());
    for (String m : mechs) {
      variants.add(Set.of(m));
    }
    variants.add(Set.copyOf(mechs));
    int nv = variants.size();
    PathOutcome[][] results = new PathOutcome[nv][seeds];
    List<PathOutcome.Job> jobs = new ArrayList<>();
    List<String> variantNames = new ArrayList<>();
    for (int v = 0; v < nv; v++) {
      Set<String> off = variants.get(v);
      variantNames.add(off.isEmpty() ? "-" : String.join(",", new TreeSet<>(off)));
      for (int k = 0; k < seeds; k++) {
        jobs.add(new PathOutcome.Job(firstSeed + k, off));
      }
    }
    List<String> symbols = new ArrayList<>();
    scenario.instruments().forEach(i -> symbols.add(i.symbol()));
    PartialRun.Experiment experiment =
        new PartialRun.Experiment(
            "attribute",
            scenario.name(),
            PartialRun.Experiment.sha256(loaded.text() + scale.describe()),
            firstSeed,
            seeds,
            variantNames,
            symbols);
    PathBatch pathBatch =
        new PathBatch(scenario, loaded.text(), file.toString(), scale.scaling(), jobs, registry);
    BatchRun.Result ran;
    String ranOn;
    try (PathExecutor executor = spark.open("attribute", threads, nThreads)) {
      ranOn = executor.describe();
      ran = BatchRun.run("attribute", experiment, pathBatch, target, batch, executor, err);
    }
    PathOutcome[] all = ran.outcomes();
    for (int v = 0, f = 0; v < nv; v++) {
      for (int k = 0; k < seeds; k++, f++) {
        results[v][k] = all[f];
      }
    }
    double wall = ran.wallSeconds();

    List<Long> seedList = new ArrayList<>();
    for (int k = 0; k < seeds; k++) {
      seedList.add(firstSeed + k);
    }
    List<AssetAttribution> assets = new ArrayList<>();
    for (int i = 0; i < scenario.instruments().size(); i++) {
      double[] fullChange = column(results[0], i, true);
      double[] direct = column(results[nv - 1], i, true);
      double[] fullDd = column(results[0], i, false);
      List<Contribution> cs = new ArrayList<>();
      for (int m = 0; m < mechs.size(); m++) {
        double[] dc = diff(fullChange, column(results[m + 1], i, true));
        double[] dd = diff(fullDd, column(results[m + 1], i, false));
        cs.add(
            new Contribution(
                mechs.get(m),
                SampleStats.round4(SampleStats.mean(dc)),
                SampleStats.round4(SampleStats.se(dc)),
                SampleStats.round4(SampleStats.sd(dc)),
                SampleStats.round4(SampleStats.meanInterval(dc)),
                SampleStats.round4(SampleStats.mean(dd)),
                SampleStats.round4(SampleStats.se(dd)),
                SampleStats.round4(SampleStats.sd(dd)),
                SampleStats.round4(SampleStats.meanInterval(dd))));
      }
      double full = SampleStats.mean(fullChange);
      double dir = SampleStats.mean(direct);
      assets.add(
          new AssetAttribution(
              scenario.instruments().get(i).symbol(),
              SampleStats.round4(full),
              SampleStats.round4(SampleStats.se(fullChange)),
              SampleStats.round4(SampleStats.sd(fullChange)),
              SampleStats.round4(SampleStats.mean(fullDd)),
              SampleStats.round4(SampleStats.se(fullDd)),
              SampleStats.round4(dir),
              SampleStats.round4(SampleStats.se(direct)),
              Math.abs(dir) < 0.01 ? null : SampleStats.round4(full / dir),
              Math.abs(dir) < 0.01
                  ? null
                  : SampleStats.round4(SampleStats.ratioInterval(fullChange, direct, 0.01)),
              cs));
    }
    List<String> warnings =
        seeds < 2
            ? List.of(
                "1 seed: no standard errors and no intervals (they need at least 2 seeds, the"
                    + " contributions being paired differences over seeds)")
            : List.of();
    Attribution a =
        new Attribution(
            scenario.name(),
            seedList,
            mechs,
            ran.resumed(),
            warnings,
            assets,
            scale.records(),
            condition == null ? null : breaches(condition, mechs, results));

    OutputDirectory dir;
    try {
      dir = OutputDirectory.open(target, force.force, "attribute", err);
    } catch (RuntimeException e) {
      ran.partial().close();
      throw e;
    }
    boolean committed = false;
    try {
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(dir.file("attribution.json").toFile(), a);
      writeCsv(dir.file("attribution.csv"), a);
      loaded.copyTo(dir.file("scenario.yaml"));
      Path where = dir.commit();
      committed = true;
      ran.partial().delete(err);
      if (json) {
        outW.print(
            java.nio.file.Files.readString(
                where.resolve("attribution.json"), java.nio.charset.StandardCharsets.UTF_8));
        outW.println();
      } else {
        outW.print(render(a, nv * seeds, wall, ranOn));
        outW.println("run: " + where);
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

  /**
   * The attribution as text.
   *
   * @param ranOn where its paths ran: "4 threads", "Spark local[2]"
   */
  /**
   * The breach counts over the runs: variant 0 the full run, 1..m without one mechanism, m + 1
   * every mechanism off.
   */
  static Breach breaches(BreachCondition c, List<String> mechs, PathOutcome[][] results) {
    int n = results[0].length;
    boolean[] full = new boolean[n];
    for (int k = 0; k < n; k++) {
      full[k] = c.test(results[0][k]);
    }
    List<MechanismBreach> out = new ArrayList<>();
    for (int m = 0; m < mechs.size(); m++) {
      int without = 0;
      int needed = 0;
      int prevented = 0;
      for (int k = 0; k < n; k++) {
        boolean w = c.test(results[m + 1][k]);
        without += w ? 1 : 0;
        needed += full[k] && !w ? 1 : 0;
        prevented += !full[k] && w ? 1 : 0;
      }
      out.add(new MechanismBreach(mechs.get(m), count(without, n), needed, prevented));
    }
    int nFull = 0;
    int nNone = 0;
    for (int k = 0; k < n; k++) {
      nFull += full[k] ? 1 : 0;
      nNone += c.test(results[results.length - 1][k]) ? 1 : 0;
    }
    return new Breach(c.text(), n, count(nFull, n), count(nNone, n), out);
  }

  private static Count count(int k, int n) {
    double[] w = ReverseStress.wilson(k, n);
    return new Count(k, SampleStats.round4(w[0]), SampleStats.round4(w[1]));
  }

  static String render(Attribution a, int runs, double wall, String ranOn) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "attribution of %s over %d seeds (%d runs on %s in %.1f s%s)%n"
                + "contribution = full minus without the mechanism, paired by seed: mean ± standard"
                + " error [95%% Student-t interval], percentage points (negative = pushed the price"
                + " down)%n%n",
            a.scenario(),
            a.seeds().size(),
            runs,
            ranOn,
            wall,
            a.resumedRuns() > 0 ? ", " + a.resumedRuns() + " runs resumed from disk" : ""));
    if (a.scaling() != null && !a.scaling().isEmpty()) {
      List<String> parts = new ArrayList<>();
      a.scaling().forEach((k, v) -> parts.add(k + " " + v));
      b.append("every run scaled: ").append(String.join(", ", parts)).append(String.format("%n%n"));
    }
    for (AssetAttribution x : a.assets()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-8s full %+7.2f%% ± %s (max dd %.2f%%)   direct shock alone %+7.2f%% ± %s"
                  + "   amplification %s%n",
              x.symbol(),
              x.fullChangePct(),
              se(x.fullChangeSe()),
              x.fullDrawdownPct(),
              x.directChangePct(),
              se(x.directChangeSe()),
              x.amplification() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.2fx", x.amplification())
                      + (x.amplificationCi() == null
                          ? ""
                          : String.format(
                              Locale.ROOT,
                              " [%.2f, %.2f]",
                              x.amplificationCi().lo(),
                              x.amplificationCi().hi()))));
      for (Contribution c : x.contributions()) {
        b.append(
            String.format(
                Locale.ROOT,
                "    %-22s change %+7.2f ± %-5s %-18s  drawdown %+7.2f ± %-5s %s%n",
                c.mechanism(),
                c.changePp(),
                se(c.changeSe()),
                SweepCommand.interval(c.changeCi()),
                c.drawdownPp(),
                se(c.drawdownSe()),
                SweepCommand.interval(c.drawdownCi())));
      }
    }
    if (a.breach() != null) {
      Breach x = a.breach();
      b.append(
          String.format(
              Locale.ROOT,
              "%nbreach \"%s\": the full run on %s, every mechanism off on %s (95%% Wilson"
                  + " intervals of the probability)%n",
              x.condition(),
              of(x.full(), x.seeds()),
              of(x.newsAlone(), x.seeds())));
      b.append(
          String.format(
              Locale.ROOT,
              "    %-22s %-30s %8s %10s%n",
              "mechanism",
              "breaches without it",
              "needed",
              "prevented"));
      for (MechanismBreach m : x.mechanisms()) {
        b.append(
            String.format(
                Locale.ROOT,
                "    %-22s %-30s %8d %10d%n",
                m.mechanism(),
                of(m.without(), x.seeds()),
                m.needed(),
                m.prevented()));
      }
      b.append(
          "    (needed: seeds where the full run breaches and the run without the mechanism does"
              + " not; prevented: the reverse)\n");
    }
    for (String w : a.warnings()) {
      b.append("warning: ").append(w).append('\n');
    }
    return b.toString();
  }

  private static String of(Count c, int seeds) {
    return String.format(Locale.ROOT, "%d of %d [%.2f, %.2f]", c.breaches(), seeds, c.lo(), c.hi());
  }

  private static String se(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static void writeCsv(Path f, Attribution a) throws IOException {
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write(
          "symbol,mechanism,changePp,changeSd,drawdownPp,drawdownSd,fullChangePct,directChangePct,"
              + "changeSe,changeCiLo,changeCiHi,drawdownSe,drawdownCiLo,drawdownCiHi\n");
      for (AssetAttribution x : a.assets()) {
        for (Contribution c : x.contributions()) {
          w.write(
              String.format(
                  Locale.ROOT,
                  "%s,%s,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%s,%s,%s,%s,%s,%s\n",
                  Csv.field(x.symbol()),
                  Csv.field(c.mechanism()),
                  c.changePp(),
                  c.changeSd(),
                  c.drawdownPp(),
                  c.drawdownSd(),
                  x.fullChangePct(),
                  x.directChangePct(),
                  csv(c.changeSe()),
                  csv(c.changeCi() == null ? null : c.changeCi().lo()),
                  csv(c.changeCi() == null ? null : c.changeCi().hi()),
                  csv(c.drawdownSe()),
                  csv(c.drawdownCi() == null ? null : c.drawdownCi().lo()),
                  csv(c.drawdownCi() == null ? null : c.drawdownCi().hi())));
        }
      }
    }
  }

  private static String csv(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static double[] column(PathOutcome[] runs, int instrument, boolean change) {
    double[] v = new double[runs.length];
    for (int k = 0; k < runs.length; k++) {
      v[k] = change ? runs[k].changePct()[instrument] : runs[k].maxDrawdownPct()[instrument];
    }
    return v;
  }

  private static double[] diff(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      d[k] = a[k] - b[k];
    }
    return d;
  }
}
