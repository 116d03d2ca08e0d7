package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.derivatives.InsuranceFund;
import dev.cascade.kernel.Time;
import dev.cascade.margin.PrimeBroker;
import dev.cascade.market.Instrument;
import dev.cascade.record.Halt;
import dev.cascade.record.MarketRecorder;
import dev.cascade.record.TapeHash;
import dev.cascade.scenario.AgentGroupSpec;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one simulated path did, for sweeps, attribution and reverse stress tests: per instrument
 * (indexed by instrument id) the change from the starting price and the largest drawdown, both in
 * percent, and the lowest and highest trade prices of the run (currency units); then the events a
 * breach condition can ask about ({@link Events}), and the path's tape hash ({@link TapeHash}: the
 * same seed gives the same hash wherever the path runs, on a local thread or a Spark executor). A
 * path read back from a partial directory has only the first two ({@code low}, {@code high} NaN,
 * {@code events} and {@code tapeHash} null).
 *
 * <p>Public and serializable for the Spark runner (module cascade-spark), which ships paths to
 * executors and their outcomes back.
 */
public record PathOutcome(
    double[] changePct,
    double[] maxDrawdownPct,
    double[] low,
    double[] high,
    Events events,
    String tapeHash)
    implements Serializable {

  /**
   * What happened on a path beyond prices.
   *
   * @param liquidatedGroups agent groups with at least one account a broker or venue liquidated
   * @param insuranceExhausted the perpetual venue's insurance fund stopped taking positions over:
   *     auto-deleveraging ran, or its equity ended at or below zero
   * @param adl auto-deleveraging closed at least one position
   * @param marketHalt a market-wide halt (level 1, 2 or 3) stopped trading
   */
  public record Events(
      Set<String> liquidatedGroups, boolean insuranceExhausted, boolean adl, boolean marketHalt)
      implements Serializable {}

  /** Prices only: what a partial directory keeps. */
  PathOutcome(double[] changePct, double[] maxDrawdownPct) {
    this(changePct, maxDrawdownPct, nan(changePct.length), nan(changePct.length), null, null);
  }

  /** Without a tape hash. */
  PathOutcome(double[] changePct, double[] maxDrawdownPct, double[] low, double[] high, Events e) {
    this(changePct, maxDrawdownPct, low, high, e, null);
  }

  private static double[] nan(int n) {
    double[] v = new double[n];
    java.util.Arrays.fill(v, Double.NaN);
    return v;
  }

  /**
   * One path to run: a seed, what to leave out, and the factor of the batch's lever (a reverse
   * stress test's scale; 1 and unused elsewhere).
   *
   * @param seed the path's seed
   * @param without mechanisms, families, groups or shock types left out
   * @param scale the factor {@link PathBatch}'s lever applies, when it has one
   */
  public record Job(long seed, Set<String> without, double scale) implements Serializable {
    /** A path at the batch's own scaling. */
    public Job(long seed, Set<String> without) {
      this(seed, without, 1);
    }
  }

  /** Told of each path as it finishes, on the worker thread that ran it. */
  public interface Finished {
    void accept(int job, PathOutcome outcome);
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
    TapeHash hash = new TapeHash();
    sim.addListener(hash);
    sim.run(Time.NANOS_PER_HOUR, (t, e) -> {});
    int n = sim.instruments().size();
    double[] ch = new double[n];
    double[] dd = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (Instrument ins : sim.instruments()) {
      int i = ins.id();
      ch[i] = rec.changePct(i);
      dd[i] = 100.0 * rec.maxDrawdown(i);
      lo[i] = ins.price(rec.low(i));
      hi[i] = ins.price(rec.high(i));
    }
    return new PathOutcome(ch, dd, lo, hi, events(sim, rec), hash.hex());
  }

  private static Events events(Simulation sim, MarketRecorder rec) {
    Map<String, String> groupOf = new HashMap<>();
    for (AgentGroupSpec g : sim.spec().agents()) {
      for (int k = 0; k < g.count(); k++) {
        groupOf.put(g.name() + "-" + k, g.name());
      }
    }
    Set<String> liquidated = new TreeSet<>();
    for (PrimeBroker b : sim.world().brokers()) {
      for (int a : b.accounts()) {
        if (b.hasLiquidated(a)) {
          String g = groupOf.get(sim.ledger().name(a));
          if (g != null) {
            liquidated.add(g);
          }
        }
      }
    }
    InsuranceFund fund = sim.insuranceFund();
    boolean adl = fund != null && fund.adlEvents() > 0;
    boolean exhausted = fund != null && (adl || fund.balance() <= 0);
    boolean halt = false;
    for (Halt h : rec.halts()) {
      halt |= h.reason().startsWith("market-wide");
    }
    return new Events(Set.copyOf(liquidated), exhausted, adl, halt);
  }
}
