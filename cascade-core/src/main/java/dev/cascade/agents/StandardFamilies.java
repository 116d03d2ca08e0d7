package dev.cascade.agents;

import dev.cascade.agents.crypto.BasisTrader;
import dev.cascade.agents.crypto.PerpTrader;
import dev.cascade.agents.dealer.OptionsDealer;
import dev.cascade.agents.fundamental.FundamentalInvestor;
import dev.cascade.agents.leveraged.LeveragedEtf;
import dev.cascade.agents.leveraged.LongShortFund;
import dev.cascade.agents.liquidity.LatentLiquidity;
import dev.cascade.agents.liquidity.MarketMaker;
import dev.cascade.agents.noise.NoiseTrader;
import dev.cascade.agents.passive.AuthorizedParticipant;
import dev.cascade.agents.passive.EtfHolder;
import dev.cascade.agents.passive.IndexFund;
import dev.cascade.agents.retail.RetailTrader;
import dev.cascade.agents.systematic.MomentumTrader;
import dev.cascade.agents.systematic.RiskParityFund;
import dev.cascade.agents.systematic.StopLossCluster;
import dev.cascade.agents.systematic.TechnicalTrader;
import dev.cascade.agents.systematic.TrendFollower;
import dev.cascade.agents.systematic.VolTargetFund;

/** The agent families Cascade ships, as one registry: what scenarios may name. */
public final class StandardFamilies {
  private StandardFamilies() {}

  /** A new registry holding every standard family. */
  public static AgentRegistry registry() {
    return new AgentRegistry()
        .register(NoiseTrader.FAMILY)
        .register(MarketMaker.FAMILY)
        .register(FundamentalInvestor.FAMILY)
        .register(LatentLiquidity.FAMILY)
        .register(MomentumTrader.FAMILY)
        .register(VolTargetFund.FAMILY)
        .register(RiskParityFund.FAMILY)
        .register(StopLossCluster.FAMILY)
        .register(TechnicalTrader.FAMILY)
        .register(EtfHolder.FAMILY)
        .register(IndexFund.FAMILY)
        .register(AuthorizedParticipant.FAMILY)
        .register(RetailTrader.FAMILY)
        .register(LongShortFund.FAMILY)
        .register(LeveragedEtf.FAMILY)
        .register(OptionsDealer.FAMILY)
        .register(TrendFollower.FAMILY)
        .register(PerpTrader.FAMILY)
        .register(BasisTrader.FAMILY);
  }
}
