package dev.cascade.scenario;

import dev.cascade.agents.World;
import dev.cascade.agents.execution.TwapExecution;
import dev.cascade.cause.CauseLog;
import dev.cascade.derivatives.Funding;
import dev.cascade.derivatives.InsuranceFund;
import dev.cascade.derivatives.MarkPrice;
import dev.cascade.kernel.Scheduler;
import dev.cascade.ledger.Ledger;
import dev.cascade.market.Exchange;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import java.util.List;
import java.util.Set;

/**
 * A runnable simulation, resolved from a {@link ScenarioSpec} and a seed by {@link
 * Simulations#resolve}. Single-threaded and deterministic: the same spec and seed give the same
 * sequence of events.
 */
public final class Simulation {
  /** Receives progress while {@link #run} runs. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param simTime simulated time reached, nanos
     * @param events events processed so far
     */
    void update(long simTime, long events);
  }

  private final ScenarioSpec spec;
  private final long seed;
  private final Set<String> without;
  private final World world;
  private final long start;
  private final long end;
  private boolean started;
  private InsuranceFund insuranceFund;
  private MarkPrice marks;
  private Funding funding;
  private List<TwapExecution> metaorders = List.of();
  private long[] startEquity = new long[0];

  Simulation(ScenarioSpec spec, long seed, Set<String> without, World world, long start, long end) {
    this.spec = spec;
    this.seed = seed;
    this.without = Set.copyOf(without);
    this.world = world;
    this.start = start;
    this.end = end;
  }

  public ScenarioSpec spec() {
    return spec;
  }

  public long seed() {
    return seed;
  }

  /** Agent families switched off for this run. */
  public Set<String> without() {
    return without;
  }

  public long startNanos() {
    return start;
  }

  public long endNanos() {
    return end;
  }

  public World world() {
    return world;
  }

  /** The perpetual venue's insurance fund, or null when the scenario has no perpetual. */
  public InsuranceFund insuranceFund() {
    return insuranceFund;
  }

  /** Perpetual marks (index + smoothed premium) and funding. */
  public MarkPrice marks() {
    return marks;
  }

  /** Perpetual funding payments. */
  public Funding funding() {
    return funding;
  }

  void setPerpetuals(MarkPrice marks, Funding funding) {
    this.marks = marks;
    this.funding = funding;
  }

  void setMetaorders(List<TwapExecution> metaorders) {
    this.metaorders = List.copyOf(metaorders);
  }

  /** The execution agents of the scenario's metaorder shocks, in file order (empty if none). */
  public List<TwapExecution> metaorders() {
    return metaorders;
  }

  void setInsuranceFund(InsuranceFund fund) {
    this.insuranceFund = fund;
  }

  public Exchange exchange() {
    return world.exchange();
  }

  public Ledger ledger() {
    return world.ledger();
  }

  public CauseLog causes() {
    return world.causes();
  }

  public Scheduler clock() {
    return world.clock();
  }

  public List<Instrument> instruments() {
    return world.exchange().instruments();
  }

  /** The instrument with this symbol; the scenario declares it, or this throws. */
  public Instrument instrument(String symbol) {
    for (Instrument i : instruments()) {
      if (i.symbol().equals(symbol)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown instrument " + symbol);
  }

  /** Adds a listener for trades and halts; call before running. */
  public void addListener(MarketListener l) {
    world.exchange().addListener(l);
  }

  /** Starts the agents (once) and runs every event up to {@code t}. */
  public long runUntil(long t) {
    if (!started) {
      started = true;
      startEquity = equities();
      world.start();
    }
    return world.clock().runUntil(Math.min(t, end));
  }

  /**
   * Runs to the end, reporting progress every {@code reportEveryNanos} of simulated time.
   *
   * @return events processed
   */
  public long run(long reportEveryNanos, Progress progress) {
    long t = start;
    while (t < end) {
      t = Math.min(end, t + reportEveryNanos);
      runUntil(t);
      progress.update(t, events());
    }
    return events();
  }

  /**
   * Events processed: scheduled wake-ups (agents, shocks, clearing, samplers) plus order messages
   * handled by the exchange, each of which is a discrete simulation event even though it is
   * processed synchronously.
   */
  public long events() {
    return world.clock().eventsRun() + world.exchange().messages();
  }

  /**
   * Each account's equity (cash plus positions at the marks, micro-units) when the run started,
   * after every endowment and before any agent acted; empty before the run starts.
   */
  public long[] startEquity() {
    return startEquity.clone();
  }

  /** Each account's equity now, micro-units. */
  public long[] equities() {
    long[] e = new long[world.ledger().accountCount()];
    for (int a = 0; a < e.length; a++) {
      e[a] = world.ledger().equity(a);
    }
    return e;
  }

  public boolean finished() {
    return world.clock().now() >= end;
  }
}
