package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.Distribution;
import dev.cascade.kernel.Time;
import dev.cascade.record.MarketRecorder;
import dev.cascade.record.RunSummary;
import dev.cascade.record.TapeHash;
import dev.cascade.scenario.AgentGroupSpec;
import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * Simulated method of moments: finds the free parameters whose simulated moments, averaged over a
 * fixed set of seeds (common random numbers: every candidate runs the same seeds), come closest to
 * the targets. The objective is Q(θ) = Σ w_k ((m̄_k(θ) − target_k) / scale_k)². Parameters are
 * searched normalised to [0, 1] by their bounds, with BOBYQA (two or more parameters) or Brent's
 * method (one). Each candidate's paths run in memory, nothing written; the same inputs give the
 * same evaluations in the same order.
 */
final class Calibration {
  /** What a moment contributes when some seed leaves it undefined (no spread sample, no bars). */
  static final double UNDEFINED_PENALTY = 1e6;

  /** Spread and depth sampling period, simulated seconds: {@code cascade run}'s default. */
  static final double SAMPLE_SECONDS = 5;

  /**
   * One evaluated candidate.
   *
   * @param index 1-based evaluation number
   * @param values the free parameters, in the targets file's order
   * @param objective Q
   * @param means each moment's mean over the seeds
   * @param standardErrors each moment's standard error over the seeds (NaN for one seed)
   */
  record Evaluation(
      int index, double[] values, double objective, double[] means, double[] standardErrors) {}

  /** Told of each evaluation as it finishes. */
  interface Listener {
    void evaluated(Evaluation e);
  }

  private final ScenarioSpec scenario;
  private final CalibrationTargets targets;
  private final List<Long> seeds;
  private final AgentRegistry registry;
  private final int threads;
  private final Listener listener;
  private final List<Evaluation> evaluations = new ArrayList<>();
  private final Map<List<Double>, Evaluation> cache = new HashMap<>();
  private String stopped = "not run";

  Calibration(
      ScenarioSpec scenario,
      CalibrationTargets targets,
      List<Long> seeds,
      AgentRegistry registry,
      int threads,
      Listener listener) {
    this.scenario = scenario;
    this.targets = targets;
    this.seeds = List.copyOf(seeds);
    this.registry = registry;
    this.threads = threads;
    this.listener = listener;
  }

  /** Every evaluation so far, in order. */
  List<Evaluation> evaluations() {
    return List.copyOf(evaluations);
  }

  /**
   * Why the search ended: {@code converged} (the optimiser's own criterion), {@code evaluation
   * budget used}, or the optimiser's message when it stopped for another reason.
   */
  String stopped() {
    return stopped;
  }

  /** The evaluation with the lowest objective (the earliest of equals). */
  Evaluation best() {
    Evaluation b = null;
    for (Evaluation e : evaluations) {
      if (b == null || e.objective() < b.objective()) {
        b = e;
      }
    }
    return b;
  }

  /**
   * Evaluates the start, then searches until the optimiser converges or {@code maxEvaluations}
   * candidates have been run.
   */
  void run(int maxEvaluations) throws InterruptedException {
    List<CalibrationTargets.Free> free = targets.free();
    int n = free.size();
    double[] start = new double[n];
    for (int i = 0; i < n; i++) {
      start[i] = free.get(i).toUnit(free.get(i).start());
    }
    try {
      // The start is always the first evaluation, whatever the optimiser does first.
      unit(start, maxEvaluations);
      if (n == 1) {
        new BrentOptimizer(1e-3, 1e-4)
            .optimize(
                new MaxEval(maxEvaluations),
                new UnivariateObjectiveFunction(u -> unit(new double[] {u}, maxEvaluations)),
                GoalType.MINIMIZE,
                new SearchInterval(0, 1, start[0]));
      } else {
        double[] lo = new double[n];
        double[] hi = new double[n];
        java.util.Arrays.fill(hi, 1);
        new BOBYQAOptimizer(2 * n + 1, 0.25, 1e-3)
            .optimize(
                new MaxEval(maxEvaluations),
                new ObjectiveFunction(u -> unit(u, maxEvaluations)),
                GoalType.MINIMIZE,
                new InitialGuess(start),
                new SimpleBounds(lo, hi));
      }
      stopped = "converged";
    } catch (MathIllegalStateException e) {
      // The evaluation budget ran out (or the search stalled): the best candidate so far stands.
      stopped = evaluations.size() >= maxEvaluations ? "evaluation budget used" : e.getMessage();
    } catch (Interrupted e) {
      throw e.cause;
    }
  }

  /** Wraps an interruption through the optimiser, which takes no checked exceptions. */
  private static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient InterruptedException cause;

    Interrupted(InterruptedException cause) {
      this.cause = cause;
    }
  }

  private double unit(double[] u, int maxEvaluations) {
    List<CalibrationTargets.Free> free = targets.free();
    double[] v = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      v[i] = free.get(i).fromUnit(u[i]);
    }
    List<Double> key = new ArrayList<>();
    for (double x : v) {
      key.add(x);
    }
    Evaluation known = cache.get(key);
    if (known != null) {
      return known.objective();
    }
    if (evaluations.size() >= maxEvaluations) {
      throw new MathIllegalStateException(
          org.hipparchus.exception.LocalizedCoreFormats.MAX_COUNT_EXCEEDED, maxEvaluations);
    }
    try {
      Evaluation e = evaluate(v);
      cache.put(key, e);
      return e.objective();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interrupted(e);
    }
  }

  /** Runs the seeds at these parameter values (in the targets file's order) and scores them. */
  Evaluation evaluate(double[] values) throws InterruptedException {
    ScenarioSpec s = apply(scenario, targets.free(), values);
    List<RunSummary> runs = summaries(s, seeds, registry, threads);
    List<CalibrationTargets.Moment> moments = targets.moments();
    double[] means = new double[moments.size()];
    double[] ses = new double[moments.size()];
    double q = 0;
    for (int k = 0; k < moments.size(); k++) {
      CalibrationTargets.Moment m = moments.get(k);
      double[] x = new double[runs.size()];
      for (int j = 0; j < runs.size(); j++) {
        x[j] = m.of(runs.get(j).instruments().get(m.instrument()));
      }
      means[k] = SampleStats.mean(x);
      ses[k] = x.length > 1 ? SampleStats.sd(x) / Math.sqrt(x.length) : Double.NaN;
      if (Double.isFinite(means[k])) {
        double z = (means[k] - m.target()) / m.scale();
        q += m.weight() * z * z;
      } else {
        q += m.weight() * UNDEFINED_PENALTY;
      }
    }
    Evaluation e = new Evaluation(evaluations.size() + 1, values.clone(), q, means, ses);
    evaluations.add(e);
    listener.evaluated(e);
    return e;
  }

  /** The scenario with the free parameters set to {@code values}. */
  static ScenarioSpec apply(ScenarioSpec s, List<CalibrationTargets.Free> free, double[] values) {
    List<AgentGroupSpec> agents = new ArrayList<>(s.agents());
    List<InstrumentSpec> instruments = new ArrayList<>(s.instruments());
    for (int i = 0; i < free.size(); i++) {
      CalibrationTargets.Free f = free.get(i);
      double v = values[i];
      if (f.group() >= 0) {
        AgentGroupSpec g = agents.get(f.group());
        Map<String, Distribution> params = new HashMap<>(g.params());
        params.put(f.param(), Distribution.fixed(v));
        agents.set(
            f.group(),
            new AgentGroupSpec(
                g.family(), g.name(), g.count(), g.instruments(), g.cash(), g.holdings(), params));
      } else {
        InstrumentSpec x = instruments.get(f.instrument());
        instruments.set(f.instrument(), x.withFundamentalVolPct(v));
      }
    }
    return new ScenarioSpec(
        s.name(),
        s.description(),
        s.seed(),
        s.start(),
        s.end(),
        instruments,
        agents,
        s.rules(),
        s.shocks(),
        s.episode(),
        s.factors(),
        s.scale());
  }

  /** Each seed's run summary, in seed order, on {@code threads} threads. */
  static List<RunSummary> summaries(
      ScenarioSpec s, List<Long> seeds, AgentRegistry registry, int threads)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, seeds.size()));
    try {
      List<Future<RunSummary>> futures = new ArrayList<>();
      for (long seed : seeds) {
        futures.add(pool.submit(() -> summary(s, seed, registry)));
      }
      List<RunSummary> out = new ArrayList<>();
      for (Future<RunSummary> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CliFailure f) {
        throw f;
      }
      throw new IllegalStateException("a simulation failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One path's summary, as {@code cascade run} would write it, in memory. */
  static RunSummary summary(ScenarioSpec s, long seed, AgentRegistry registry) {
    Simulation sim = Simulations.resolve(s, seed, Set.of(), registry);
    MarketRecorder rec = MarketRecorder.of(sim, SAMPLE_SECONDS);
    TapeHash hash = new TapeHash();
    sim.addListener(hash);
    sim.addListener(rec);
    rec.start();
    sim.run(Time.NANOS_PER_HOUR, (t, e) -> {});
    rec.finish();
    return RunSummary.of(sim, rec, hash, 0);
  }
}
