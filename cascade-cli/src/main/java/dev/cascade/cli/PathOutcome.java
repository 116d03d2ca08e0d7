package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.record.MarketRecorder;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import java.util.Set;

/**
 * What one simulated path did to each instrument, for sweeps and attribution: the change from the
 * starting price and the largest drawdown, both in percent, indexed by instrument id.
 */
record PathOutcome(double[] changePct, double[] maxDrawdownPct) {

  /** Runs one path of a scenario (nothing written) and measures it. */
  static PathOutcome of(ScenarioSpec s, long seed, Set<String> off, AgentRegistry registry) {
    Simulation sim = Simulations.resolve(s, seed, off, registry);
    MarketRecorder rec = new MarketRecorder(sim.exchange(), sim.clock(), 60);
    sim.addListener(rec);
    sim.run(Time.NANOS_PER_HOUR, (t, e) -> {});
    int n = sim.instruments().size();
    double[] ch = new double[n];
    double[] dd = new double[n];
    for (Instrument ins : sim.instruments()) {
      int i = ins.id();
      ch[i] = 100.0 * ((double) rec.close(i) / ins.referencePriceTicks() - 1);
      dd[i] = 100.0 * rec.maxDrawdown(i);
    }
    return new PathOutcome(ch, dd);
  }
}
