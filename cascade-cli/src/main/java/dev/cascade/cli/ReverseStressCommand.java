package dev.cascade.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.Mechanisms;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.ShockScaling;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cascade reverse-stress FILE --breach CONDITION}: the smallest stress that breaks a
 * condition. For each seed (common random numbers: the same seed at every scale), the breach
 * indicator is bisected over the scale of one lever (the shocks, one labelled shock, participants'
 * leverage or investor flows), giving the path's critical scale; the critical scale at a breach
 * probability is their quantile, with an order-statistic interval, and the breach-probability curve
 * their empirical distribution ({@link ReverseStress}; docs/model.md, "Reverse stress testing").
 */
@Command(
    name = "reverse-stress",
    mixinStandardHelpOptions = true,
    description = {
      "Reverse stress test: finds, seed by seed, the smallest scale of the shocks (or of one"
          + " shock, of leverage, of flows) at which a breach condition holds, by bisection with"
          + " the same random streams at every scale, and prints the critical scale at a breach"
          + " probability with its distribution-free interval, the paths that never breach, the"
          + " breach-probability curve with Wilson intervals and, with --mechanisms, the breach"
          + " probability at the critical scale with each mechanism off.",
      "Conditions: SYM drawdown >= N%%, SYM change <= N%% (or >=), SYM < LEVEL, SYM > LEVEL,"
          + " group NAME liquidated, insurance-fund exhausted, adl, halt.",
      "Writes reverse-stress.json and scenario.yaml; keeps each evaluated (seed, scale) in"
          + " <out>.partial until then, so that --resume continues a stopped search."
    })
final class ReverseStressCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file")
  Path file;

  @Option(
      names = "--breach",
      required = true,
      paramLabel = "CONDITION",
      description =
          "what counts as a breach, e.g. \"SPY drawdown >= 10%%\", \"SPY change <= -5%%\","
              + " \"SPY < 540\", \"group funds liquidated\", \"insurance-fund exhausted\","
              + " \"adl\", \"halt\"")
  String breach;

  @Option(
      names = "--probability",
      paramLabel = "P",
      defaultValue = "0.5",
      description =
          "breach probability of the critical scale, in (0, 1) (default: ${DEFAULT-VALUE})")
  double probability;

  @Option(
      names = "--scale",
      paramLabel = "LEVER",
      defaultValue = "shocks",
      description =
          "what is scaled: shocks, shock:LABEL, leverage, flows, or withdrawal (the share of the"
              + " liquidity providers taken away, below 1; give --max-scale below 1) (default:"
              + " ${DEFAULT-VALUE})")
  String lever;

  @Option(
      names = "--seeds",
      paramLabel = "N|A-B",
      defaultValue = "8",
      description =
          "N seeds from --first-seed, or the range A-B, inclusive (default: ${DEFAULT-VALUE})")
  String seeds;

  @Option(
      names = "--first-seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "first seed when --seeds is a count (default: ${DEFAULT-VALUE})")
  long firstSeed;

  @Option(
      names = "--max-scale",
      paramLabel = "X",
      defaultValue = "10",
      description =
          "largest scale tried, in (0, 100]; a path that does not breach there never breaches"
              + " (default: ${DEFAULT-VALUE})")
  double maxScale;

  @Option(
      names = "--tolerance",
      paramLabel = "T",
      defaultValue = "0.05",
      description =
          "bisection stops when the bracket is this narrow, in scale units (default:"
              + " ${DEFAULT-VALUE})")
  double tolerance;

  @Option(
      names = "--mechanisms",
      description =
          "at the critical scale, run every seed with each mechanism off and report the breach"
              + " probability and its shift")
  boolean mechanisms;

  @Option(
      names = "--mechanism-search",
      description =
          "with each mechanism off in turn, search every seed's critical scale again and report"
              + " the critical scale without it (a search per mechanism and seed: about as many"
              + " runs again per mechanism as the search itself)")
  boolean mechanismSearch;

  @Mixin ThreadsOption threads;

  @Mixin SparkOption spark;

  @Mixin ForceOption force;

  @Mixin BatchOptions batch;

  @Mixin ShockScaleOption base;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where to write the results (default: runs/<scenario>-reverse-stress)")
  Path out;

  /**
   * One path's result.
   *
   * @param seed seed
   * @param criticalScale smallest scale found to breach; null: none up to the largest scale
   * @param evaluations simulations the search ran (or found done)
   * @param nonMonotone a scale above the critical one did not breach
   */
  record PathResult(long seed, Double criticalScale, int evaluations, boolean nonMonotone) {}

  /**
   * One mechanism switched off at the critical scale.
   *
   * @param mechanism name
   * @param breachProbabilityOff share of the seeds breaching with it off
   * @param lo Wilson 95% interval of that share
   * @param hi Wilson 95% interval of that share
   * @param shift off minus on (negative: the mechanism made breaches)
   * @param madeBreach seeds breaching with it on but not off
   * @param preventedBreach seeds breaching with it off but not on
   */
  record MechanismRow(
      String mechanism,
      double breachProbabilityOff,
      double lo,
      double hi,
      double shift,
      int madeBreach,
      int preventedBreach) {}

  /**
   * The mechanisms' table.
   *
   * @param scale the critical scale they were run at
   * @param breachProbability share of the seeds breaching there with every mechanism on
   * @param lo its Wilson interval
   * @param hi its Wilson interval
   * @param rows per mechanism
   */
  record MechanismTable(
      double scale, double breachProbability, double lo, double hi, List<MechanismRow> rows) {}

  /**
   * One mechanism off, the critical scale searched again ({@code --mechanism-search}).
   *
   * @param mechanism name
   * @param criticalScale the critical scale at the same breach probability without it (null: not
   *     reached up to maxScale)
   * @param interval its order-statistic interval
   * @param shift criticalScale minus the critical scale with every mechanism on (positive: the
   *     mechanism lowers the stress needed to breach)
   * @param seedsHigher seeds whose critical scale rose by more than the tolerance without it
   * @param seedsLower seeds whose critical scale fell by more than the tolerance without it
   * @param paths each seed's critical scale without it, in seed order (null: never breached)
   */
  record MechanismScale(
      String mechanism,
      Double criticalScale,
      ReverseStress.Quantile interval,
      Double shift,
      int seedsHigher,
      int seedsLower,
      List<Double> paths) {}

  /**
   * What reverse-stress.json holds.
   *
   * @param scenario name
   * @param condition the breach condition, canonical
   * @param lever what was scaled
   * @param probability breach probability of the critical scale
   * @param seeds the seeds
   * @param maxScale largest scale tried
   * @param tolerance bisection tolerance
   * @param baseScaling scalings applied before the search ({@code --scale-shocks} and the rest)
   * @param wallSeconds wall-clock time of this process's share
   * @param resumedEvaluations evaluations found done in the partial directory
   * @param method how the figures are made
   * @param criticalScale the critical scale (null: not reached up to maxScale)
   * @param interval its order-statistic interval and coverage
   * @param neverBreached seeds that did not breach up to maxScale
   * @param nonMonotoneSeeds seeds whose indicator was found not monotone
   * @param paths per seed
   * @param curve breach probability by scale
   * @param mechanisms with --mechanisms, at the critical scale
   * @param mechanismScales with --mechanism-search, the critical scale with each mechanism off
   */
  record Result(
      String scenario,
      String condition,
      String lever,
      double probability,
      List<Long> seeds,
      double maxScale,
      double tolerance,
      Map<String, Object> baseScaling,
      double wallSeconds,
      int resumedEvaluations,
      Map<String, String> method,
      Double criticalScale,
      ReverseStress.Quantile interval,
      int neverBreached,
      List<Long> nonMonotoneSeeds,
      List<PathResult> paths,
      List<ReverseStress.CurvePoint> curve,
      @JsonInclude(JsonInclude.Include.NON_NULL) MechanismTable mechanisms,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<MechanismScale> mechanismScales) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    if (!(probability > 0 && probability < 1)) {
      throw CliFailure.usage("--probability must be in (0, 1), got " + num(probability));
    }
    if (!(maxScale > 0 && maxScale <= ShockScaling.MAX_FACTOR)) {
      throw CliFailure.usage("--max-scale must be in (0, 100], got " + num(maxScale));
    }
    if (!(tolerance > 0 && tolerance <= maxScale)) {
      throw CliFailure.usage(
          "--tolerance must be in (0, --max-scale " + num(maxScale) + "], got " + num(tolerance));
    }
    List<Long> seedList = SeedRange.parse(seeds, firstSeed, 100_000).list();
    int nThreads = threads.resolve("reverse-stress", err);
    if (nThreads < 0) {
      return 2;
    }
    AgentRegistry registry = StandardFamilies.registry();
    ScenarioFiles.Loaded loaded = ScenarioFiles.load(file, registry, err);
    if (loaded == null) {
      return 2;
    }
    ScenarioSpec scenario = base.apply(loaded.spec());
    ScaleLever how = ScaleLever.parse(lever, scenario, registry);
    if (how.kind().equals("withdrawal") && !(maxScale < 1)) {
      throw CliFailure.usage(
          "--scale withdrawal takes the share of the liquidity providers taken away, below 1: give"
              + " --max-scale below 1 (e.g. 0.9), got "
              + num(maxScale));
    }
    BreachCondition condition = BreachCondition.parse(breach, scenario);
    ScenarioSpec atMax = how.apply(scenario, maxScale, registry);
    String beyond = Scaling.beyondBounds(atMax);
    if (beyond != null) {
      throw CliFailure.usage(
          "--max-scale "
              + num(maxScale)
              + ": "
              + beyond
              + "; "
              + withinBounds(how, scenario, registry));
    }
    try {
      ShockScaleOption.checkMetaorders(scenario, atMax);
    } catch (CliFailure f) {
      throw CliFailure.usage(
          "--max-scale " + num(maxScale) + ": " + f.getMessage() + "; lower --max-scale");
    }
    Path target = out != null ? out : Path.of("runs", scenario.name() + "-reverse-stress");
    OutputDirectory.checkTarget(target, force.force);

    List<String> symbols = new ArrayList<>();
    scenario.instruments().forEach(i -> symbols.add(i.symbol()));
    PartialRun.Experiment experiment =
        new PartialRun.Experiment(
            "reverse-stress",
            scenario.name(),
            PartialRun.Experiment.sha256(
                loaded.text()
                    + base.describe()
                    + "\n--breach "
                    + condition.text()
                    + " --scale "
                    + how.text()
                    + " --max-scale "
                    + num(maxScale)
                    + " --tolerance "
                    + num(tolerance)),
            seedList.get(0),
            seedList.size(),
            List.of("-"),
            symbols);
    EvaluationLog log = EvaluationLog.open(target, experiment, batch.resume, err);
    Thread onSignal =
        new Thread(
            () -> {
              err.println(
                  System.lineSeparator()
                      + "cascade reverse-stress: stopped; the evaluations done are kept in "
                      + log.path()
                      + ": the same command with --resume continues");
              err.flush();
            },
            "cascade-resume-note");
    Runtime.getRuntime().addShutdownHook(onSignal);
    boolean committed = false;
    try {
      if (log.resumed() > 0) {
        err.println(
            "cascade reverse-stress: resuming "
                + log.path()
                + ": "
                + log.resumed()
                + " evaluations done");
        err.flush();
      }
      Evaluations eval =
          new Evaluations(
              log,
              new PathBatch(
                  scenario,
                  loaded.text(),
                  file.toString(),
                  base.scaling(),
                  how,
                  List.of(),
                  registry),
              condition);
      long wall0 = System.nanoTime();
      String ranOn;
      List<ReverseStress.Search> searches;
      MechanismTable table = null;
      List<MechanismScale> scales = null;
      ReverseStress.Quantile q;
      List<ReverseStress.CurvePoint> curve;
      List<Double> critical = new ArrayList<>();
      List<PathResult> paths = new ArrayList<>();
      List<Long> nonMonotone = new ArrayList<>();
      int never = 0;
      try (PathExecutor executor = spark.open("reverse-stress", threads, nThreads)) {
        ranOn = executor.describe();
        List<PathOutcome.Job> variants = new ArrayList<>();
        for (long seed : seedList) {
          variants.add(new PathOutcome.Job(seed, Set.of()));
        }
        searches = searchAll(variants, null, eval, executor, "reverse-stress", "seeds", err);
        for (int k = 0; k < seedList.size(); k++) {
          ReverseStress.Search s = searches.get(k);
          critical.add(s.critical() == null ? null : round6(s.critical()));
          paths.add(
              new PathResult(
                  seedList.get(k),
                  s.critical() == null ? null : round6(s.critical()),
                  s.evaluations().size(),
                  s.nonMonotone()));
          never += s.critical() == null ? 1 : 0;
          if (s.nonMonotone()) {
            nonMonotone.add(seedList.get(k));
          }
        }
        q = ReverseStress.quantile(critical, probability);
        curve = ReverseStress.curve(critical, ReverseStress.grid(critical, maxScale));
        if (mechanisms && q.value() != null) {
          table = mechanisms(scenario, seedList, q.value(), eval, executor, err);
        } else if (mechanisms) {
          err.println(
              "cascade reverse-stress: no critical scale up to --max-scale, so no mechanism"
                  + " table");
          err.flush();
        }
        if (mechanismSearch) {
          scales = mechanismScales(scenario, seedList, critical, q, eval, executor, err);
        }
      } catch (PathExecutor.Failure f) {
        throw new CliFailure(
            BatchRun.HALTED,
            f.getMessage()
                + "; the evaluations done are kept in "
                + log.path()
                + ": the same command with --resume continues");
      }
      double wall = (System.nanoTime() - wall0) / 1e9;
      Result r =
          new Result(
              scenario.name(),
              condition.text(),
              how.text(),
              probability,
              seedList,
              maxScale,
              tolerance,
              base.records(),
              Math.round(wall * 1000) / 1000.0,
              log.resumed(),
              method(),
              q.value(),
              q,
              never,
              nonMonotone,
              paths,
              curve,
              table,
              scales);

      OutputDirectory dir = OutputDirectory.open(target, force.force, "reverse-stress", err);
      try {
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValue(dir.file("reverse-stress.json").toFile(), r);
        loaded.copyTo(dir.file("scenario.yaml"));
        Path where = dir.commit();
        committed = true;
        log.delete(err);
        outW.print(render(r, ranOn));
        outW.println("run: " + where);
        outW.flush();
        return 0;
      } finally {
        if (!committed) {
          dir.abandon();
        }
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting: the note is printed.
      }
      if (!committed) {
        log.close();
      }
    }
  }

  /**
   * The breach indicator at (seed, scale, mechanisms off): from the partial directory's log when it
   * was evaluated before, else run as a batch of paths on the executor (local threads or Spark),
   * each answer logged as its path reaches this process.
   */
  private final class Evaluations {
    private final EvaluationLog log;
    private final PathBatch batch0;
    private final BreachCondition condition;
    private final AtomicInteger recorded = new AtomicInteger();

    Evaluations(EvaluationLog log, PathBatch batch0, BreachCondition condition) {
      this.log = log;
      this.batch0 = batch0;
      this.condition = condition;
    }

    private static String key(long seed, double scale, Set<String> off) {
      return EvaluationLog.key(
          seed, scale, off.isEmpty() ? "-" : String.join("+", new TreeSet<>(off)));
    }

    /** The logged answer, or null when not evaluated yet. */
    Boolean done(long seed, double scale, Set<String> off) {
      return log.get(key(seed, scale, off));
    }

    /** The answers of the jobs, in order; those already logged are not run again. */
    Boolean[] run(PathExecutor executor, List<PathOutcome.Job> jobs, Runnable onEach)
        throws InterruptedException {
      Boolean[] res = new Boolean[jobs.size()];
      List<PathOutcome.Job> todo = new ArrayList<>();
      List<Integer> at = new ArrayList<>();
      for (int j = 0; j < jobs.size(); j++) {
        PathOutcome.Job job = jobs.get(j);
        res[j] = done(job.seed(), job.scale(), job.without());
        if (res[j] == null) {
          todo.add(job);
          at.add(j);
        } else {
          onEach.run();
        }
      }
      if (todo.isEmpty()) {
        return res;
      }
      PathOutcome[] out =
          executor.runAll(
              batch0.withJobs(todo),
              Map.of(),
              (k, o) -> {
                PathOutcome.Job job = todo.get(k);
                log.record(key(job.seed(), job.scale(), job.without()), condition.test(o));
                onEach.run();
                if (batch.haltAfter != null && recorded.incrementAndGet() >= batch.haltAfter) {
                  log.close();
                  throw new CliFailure(
                      BatchRun.HALTED,
                      "stopped after "
                          + batch.haltAfter
                          + " evaluations as asked (--halt-after); --resume continues from "
                          + log.path());
                }
              });
      for (int k = 0; k < todo.size(); k++) {
        res[at.get(k)] = condition.test(out[k]);
      }
      return res;
    }
  }

  /**
   * Bisects every variant (a seed, what is off) at once, in rounds: each round evaluates every
   * unfinished variant's next scale together on the executor (local threads or Spark tasks). A
   * variant's scales depend only on its own answers, so the rounds change no result.
   */
  private List<ReverseStress.Search> searchAll(
      List<PathOutcome.Job> variants,
      List<Double> starts,
      Evaluations eval,
      PathExecutor executor,
      String task,
      String unit,
      PrintWriter err)
      throws InterruptedException {
    List<ReverseStress.Bisection> open = new ArrayList<>();
    for (int k = 0; k < variants.size(); k++) {
      Double start = starts == null ? null : starts.get(k);
      open.add(
          start == null
              ? new ReverseStress.Bisection(maxScale, tolerance)
              : new ReverseStress.Bisection(maxScale, tolerance, start));
    }
    try (Progress progress =
        Progress.start(err, Progress.forBatch(batch.noProgress), task, unit, variants.size(), 0)) {
      boolean[] finished = new boolean[variants.size()];
      while (true) {
        List<PathOutcome.Job> jobs = new ArrayList<>();
        List<Integer> whose = new ArrayList<>();
        for (int k = 0; k < variants.size(); k++) {
          if (finished[k]) {
            continue;
          }
          PathOutcome.Job v = variants.get(k);
          ReverseStress.Bisection bis = open.get(k);
          Double x = bis.next();
          for (Boolean had; x != null && (had = eval.done(v.seed(), x, v.without())) != null; ) {
            bis.record(x, had);
            x = bis.next();
          }
          if (x == null) {
            finished[k] = true;
            progress.step();
          } else {
            jobs.add(new PathOutcome.Job(v.seed(), v.without(), x));
            whose.add(k);
          }
        }
        if (jobs.isEmpty()) {
          break;
        }
        Boolean[] res = eval.run(executor, jobs, () -> {});
        for (int j = 0; j < jobs.size(); j++) {
          open.get(whose.get(j)).record(jobs.get(j).scale(), res[j]);
        }
      }
      progress.finish();
    }
    List<ReverseStress.Search> out = new ArrayList<>();
    for (ReverseStress.Bisection bis : open) {
      out.add(bis.result());
    }
    return out;
  }

  /**
   * {@code --mechanism-search}: each mechanism off, every seed's critical scale searched again
   * (common random numbers), bracketing from the seed's critical scale with every mechanism on, and
   * the critical scale at the same breach probability with its interval.
   */
  private List<MechanismScale> mechanismScales(
      ScenarioSpec scenario,
      List<Long> seedList,
      List<Double> withAll,
      ReverseStress.Quantile all,
      Evaluations eval,
      PathExecutor executor,
      PrintWriter err)
      throws InterruptedException {
    List<String> mechs = Mechanisms.presentIn(scenario);
    List<PathOutcome.Job> variants = new ArrayList<>();
    List<Double> starts = new ArrayList<>();
    for (String m : mechs) {
      for (int k = 0; k < seedList.size(); k++) {
        variants.add(new PathOutcome.Job(seedList.get(k), Set.of(m)));
        // From the seed's own critical scale with every mechanism on: a mechanism that moves it
        // little costs a few simulations.
        starts.add(withAll.get(k));
      }
    }
    List<ReverseStress.Search> found =
        searchAll(
            variants, starts, eval, executor, "reverse-stress mechanism search", "searches", err);
    int n = seedList.size();
    List<MechanismScale> rows = new ArrayList<>();
    for (int m = 0; m < mechs.size(); m++) {
      List<Double> critical = new ArrayList<>();
      int higher = 0;
      int lower = 0;
      for (int k = 0; k < n; k++) {
        Double c = found.get(m * n + k).critical();
        critical.add(c == null ? null : round6(c));
        double off = c == null ? Double.POSITIVE_INFINITY : round6(c);
        Double on0 = withAll.get(k);
        double on = on0 == null ? Double.POSITIVE_INFINITY : on0;
        higher += off > on + tolerance ? 1 : 0;
        lower += off < on - tolerance ? 1 : 0;
      }
      ReverseStress.Quantile q = ReverseStress.quantile(critical, probability);
      Double shift =
          q.value() == null || all.value() == null ? null : round6(q.value() - all.value());
      rows.add(new MechanismScale(mechs.get(m), q.value(), q, shift, higher, lower, critical));
    }
    return rows;
  }

  private MechanismTable mechanisms(
      ScenarioSpec scenario,
      List<Long> seedList,
      double scale,
      Evaluations eval,
      PathExecutor executor,
      PrintWriter err)
      throws InterruptedException {
    List<String> mechs = Mechanisms.presentIn(scenario);
    int n = seedList.size();
    List<PathOutcome.Job> jobs = new ArrayList<>();
    for (int v = 0; v <= mechs.size(); v++) {
      Set<String> off = v == 0 ? Set.of() : Set.of(mechs.get(v - 1));
      for (long seed : seedList) {
        jobs.add(new PathOutcome.Job(seed, off, scale));
      }
    }
    Boolean[] res;
    try (Progress progress =
        Progress.start(
            err,
            Progress.forBatch(batch.noProgress),
            "reverse-stress mechanisms",
            "runs",
            jobs.size(),
            0)) {
      res = eval.run(executor, jobs, progress::step);
      progress.finish();
    }
    int on = 0;
    for (int k = 0; k < n; k++) {
      on += res[k] ? 1 : 0;
    }
    double[] w = ReverseStress.wilson(on, n);
    List<MechanismRow> rows = new ArrayList<>();
    for (int m = 0; m < mechs.size(); m++) {
      int offCount = 0;
      int made = 0;
      int prevented = 0;
      for (int k = 0; k < n; k++) {
        boolean withIt = res[k];
        boolean without = res[(m + 1) * n + k];
        offCount += without ? 1 : 0;
        made += withIt && !without ? 1 : 0;
        prevented += !withIt && without ? 1 : 0;
      }
      double[] wm = ReverseStress.wilson(offCount, n);
      rows.add(
          new MechanismRow(
              mechs.get(m),
              round6((double) offCount / n),
              round6(wm[0]),
              round6(wm[1]),
              round6((double) (offCount - on) / n),
              made,
              prevented));
    }
    return new MechanismTable(scale, round6((double) on / n), round6(w[0]), round6(w[1]), rows);
  }

  static Map<String, String> method() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "search",
        "common random numbers: each seed's breach indicator bisected over the scale; bracket from"
            + " 1, 2, 4, ... up to maxScale, halved to the tolerance; the path's critical scale is"
            + " the smallest scale found to breach; one check at min(maxScale, 1.5 x critical)");
    m.put("quantile", "order statistic s_(k), k = ceil(p n); never-breaching paths count as +inf");
    m.put(
        "interval",
        "distribution-free: [s_(l), s_(u)] with Binomial(n, p) ranks l, u, coverage B(u-1) -"
            + " B(l-1) >= 95% when n allows");
    m.put("curve", "empirical CDF of the critical scales; Wilson 95% score intervals");
    return m;
  }

  static String render(Result r, String where) {
    StringBuilder b = new StringBuilder();
    List<Long> s = r.seeds();
    b.append(
        String.format(
            Locale.ROOT,
            "reverse stress of %s: breach \"%s\", scaling %s, %d seeds (%d..%d) on %s"
                + " in %.1f s%s%n%n",
            r.scenario(),
            r.condition(),
            r.lever(),
            s.size(),
            s.get(0),
            s.get(s.size() - 1),
            where,
            r.wallSeconds(),
            r.resumedEvaluations() > 0
                ? " (" + r.resumedEvaluations() + " evaluations resumed from disk)"
                : ""));
    ReverseStress.Quantile q = r.interval();
    b.append(
        String.format(
            Locale.ROOT,
            "critical scale at P(breach) = %s: %s   interval [%s, %s] (order statistics %d..%d,"
                + " coverage %.1f%%%s)%n",
            num(r.probability()),
            scale(r.criticalScale(), r.maxScale()),
            q.lo() == null ? "+inf" : scale(q.lo(), r.maxScale()),
            q.hi() == null ? "+inf" : scale(q.hi(), r.maxScale()),
            q.lowerRank(),
            q.upperRank(),
            100 * q.coverage(),
            q.lowerRank() == 0 && q.upperRank() == s.size() + 1
                ? "; too few seeds for a bounded 95% interval"
                : ""));
    b.append(
        String.format(
            Locale.ROOT,
            "paths never breaching up to %s: %d of %d; non-monotone paths: %s%n",
            num(r.maxScale()),
            r.neverBreached(),
            s.size(),
            r.nonMonotoneSeeds().isEmpty() ? "none found" : r.nonMonotoneSeeds().toString()));
    b.append(String.format(Locale.ROOT, "%n%-8s %10s %6s%n", "seed", "critical", "runs"));
    for (PathResult p : r.paths()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-8d %10s %6d%s%n",
              p.seed(),
              scale(p.criticalScale(), r.maxScale()),
              p.evaluations(),
              p.nonMonotone() ? "  non-monotone" : ""));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%nbreach probability by scale (95%% Wilson intervals):%n%8s %6s %9s %s%n",
            "scale",
            "paths",
            "P(breach)",
            "interval"));
    for (ReverseStress.CurvePoint c : r.curve()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%8s %6d %9.2f [%.2f, %.2f]%n",
              num(c.scale()),
              c.breaching(),
              c.probability(),
              c.lo(),
              c.hi()));
    }
    MechanismTable m = r.mechanisms();
    if (m != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "%nmechanisms at scale %s: P(breach) %.2f [%.2f, %.2f] with every mechanism on%n"
                  + "%-20s %9s %-14s %7s %6s %9s%n",
              num(m.scale()),
              m.breachProbability(),
              m.lo(),
              m.hi(),
              "mechanism off",
              "P(breach)",
              "interval",
              "shift",
              "made",
              "prevented"));
      for (MechanismRow row : m.rows()) {
        b.append(
            String.format(
                Locale.ROOT,
                "%-20s %9.2f [%.2f, %.2f] %+7.2f %6d %9d%n",
                row.mechanism(),
                row.breachProbabilityOff(),
                row.lo(),
                row.hi(),
                row.shift(),
                row.madeBreach(),
                row.preventedBreach()));
      }
      b.append(
          "(shift: P(breach) with it off minus with it on; made: seeds that breach only with it"
              + " on)\n");
    }
    if (r.mechanismScales() != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "%ncritical scale with each mechanism off (P(breach) = %s; every mechanism on: %s):%n"
                  + "%-20s %10s %-22s %8s %7s %6s%n",
              num(r.probability()),
              scale(r.criticalScale(), r.maxScale()),
              "mechanism off",
              "critical",
              "interval",
              "shift",
              "higher",
              "lower"));
      for (MechanismScale ms : r.mechanismScales()) {
        ReverseStress.Quantile qs = ms.interval();
        b.append(
            String.format(
                Locale.ROOT,
                "%-20s %10s %-22s %8s %7d %6d%n",
                ms.mechanism(),
                scale(ms.criticalScale(), r.maxScale()),
                "["
                    + (qs.lo() == null ? "+inf" : scale(qs.lo(), r.maxScale()))
                    + ", "
                    + (qs.hi() == null ? "+inf" : scale(qs.hi(), r.maxScale()))
                    + "]",
                ms.shift() == null ? "-" : String.format(Locale.ROOT, "%+.3f", ms.shift()),
                ms.seedsHigher(),
                ms.seedsLower()));
      }
      b.append(
          "(shift: critical scale without it minus with every mechanism on; higher/lower: seeds"
              + " whose own critical scale rose/fell by more than the tolerance without it)\n");
    }
    return b.toString();
  }

  private static String scale(Double v, double max) {
    return v == null
        ? "none <= " + num(max)
        : String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  /**
   * The largest scale at which every shock stays within {@code ShockBounds}, found by bisection on
   * (0, --max-scale] (the shocks' sizes grow with the scale), rounded down to three figures, and
   * the shock that passes them just above it: the rest of the refusal of a --max-scale beyond it.
   */
  private String withinBounds(ScaleLever how, ScenarioSpec scenario, AgentRegistry registry) {
    double lo = 0;
    double hi = maxScale;
    for (int k = 0; k < 60; k++) {
      double mid = (lo + hi) / 2;
      if (Scaling.beyondBounds(how.apply(scenario, mid, registry)) == null) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double safe =
        new java.math.BigDecimal(lo)
            .round(new java.math.MathContext(3, java.math.RoundingMode.DOWN))
            .doubleValue();
    return "every shock stays within them up to a scale of "
        + num(safe)
        + " (above it "
        + Scaling.beyondBounds(how.apply(scenario, hi, registry))
        + "): lower --max-scale";
  }

  private static String num(double v) {
    return ShockScaleOption.num(v);
  }
}
