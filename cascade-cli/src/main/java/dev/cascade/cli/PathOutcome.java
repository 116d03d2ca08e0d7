package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.record.MarketRecorder;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What one simulated path did to each instrument, for sweeps and attribution: the change from the
 * starting price and the largest drawdown, both in percent, indexed by instrument id.
 */
record PathOutcome(double[] changePct, double[] maxDrawdownPct) {

  /**
   * One path to run: a seed and what to leave out.
   *
   * @param seed the path's seed
   * @param without mechanisms, families, groups or shock types left out
   */
  record Job(long seed, Set<String> without) {}

  /**
   * Runs paths in parallel on {@code threads} threads; the outcomes come back in job order, so
   * results do not depend on the thread count.
   */
  static PathOutcome[] runAll(ScenarioSpec s, List<Job> jobs, AgentRegistry registry, int threads)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<PathOutcome>> futures = new ArrayList<>();
      for (Job j : jobs) {
        futures.add(pool.submit(() -> of(s, j.seed(), j.without(), registry)));
      }
      PathOutcome[] out = new PathOutcome[jobs.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = futures.get(k).get();
      }
      return out;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a simulation failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs one path of a scenario (nothing written) and measures it. */
  static PathOutcome of(ScenarioSpec s, long seed, Set<String> off, AgentRegistry registry) {
    Simulation sim = Simulations.resolve(s, seed, off, registry);
    // Only the change and the drawdown are read: a recorder without a sink and without watched
    // levels keeps a few numbers per instrument, however long the path.
    MarketRecorder rec = new MarketRecorder(sim.exchange(), sim.clock(), 60);
    OffsetDateTime from = s.episode().from();
    if (from != null) {
      rec.measureFrom(Time.ofInstant(from.toInstant()));
    }
    sim.addListener(rec);
    sim.run(Time.NANOS_PER_HOUR, (t, e) -> {});
    int n = sim.instruments().size();
    double[] ch = new double[n];
    double[] dd = new double[n];
    for (Instrument ins : sim.instruments()) {
      int i = ins.id();
      ch[i] = rec.changePct(i);
      dd[i] = 100.0 * rec.maxDrawdown(i);
    }
    return new PathOutcome(ch, dd);
  }
}
