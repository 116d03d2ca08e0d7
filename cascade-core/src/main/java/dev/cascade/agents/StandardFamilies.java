package dev.cascade.agents;

import dev.cascade.agents.dealer.OptionsDealer;
import dev.cascade.agents.fundamental.FundamentalInvestor;
import dev.cascade.agents.liquidity.MarketMaker;
import dev.cascade.agents.noise.NoiseTrader;
import dev.cascade.agents.systematic.MomentumTrader;

/** The agent families Cascade ships, as one registry: what scenarios may name. */
public final class StandardFamilies {
  private StandardFamilies() {}

  /** A new registry holding every standard family. */
  public static AgentRegistry registry() {
    return new AgentRegistry()
        .register(NoiseTrader.FAMILY)
        .register(MarketMaker.FAMILY)
        .register(FundamentalInvestor.FAMILY)
        .register(MomentumTrader.FAMILY)
        .register(OptionsDealer.FAMILY);
  }
}
