package dev.cascade.agents.fundamental;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseKind;
import dev.cascade.kernel.Gaussian;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * A fundamental investor: looks at the market as a Poisson process; its estimate of value is the
 * common fundamental value V times exp(b + e), with a persistent bias b ~ N(0, noisePct) drawn once
 * and a fresh error e ~ N(0, noisePct / 2) at each look. When the mid is below the estimate by more
 * than {@code thresholdPct} it buys, above by more it sells, with an immediate-or-cancel order at
 * the touch, up to {@code maxPosition} lots (long only in a cash account).
 */
public final class FundamentalInvestor implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "fundamental",
          "trades towards a noisy estimate of fundamental value beyond a threshold",
          List.of(
              ParamSpec.real("rate", "looks per second", 0.05, 1e-6, 1000),
              ParamSpec.real("noisePct", "dispersion of the value estimate, percent", 0.5, 0, 50),
              ParamSpec.real("thresholdPct", "mispricing needed to trade, percent", 0.5, 0, 50),
              ParamSpec.real("size", "lots per trade", 500, 1, 1e9),
              ParamSpec.real("maxPosition", "largest position, lots", 20_000, 0, 1e12)),
          FundamentalInvestor::new);

  private final List<Instrument> instruments;
  private final double rate;
  private final double noise;
  private final double threshold;
  private final long size;
  private final double maxPosition;
  private double[] bias;
  private int routine;
  // Per instrument: the shock behind the current value, and this agent's cause under it.
  private int[] shockSeen;
  private int[] shockCause;

  FundamentalInvestor(AgentSetup s) {
    instruments = s.instruments();
    rate = s.get("rate");
    noise = s.get("noisePct") / 100;
    threshold = s.get("thresholdPct") / 100;
    size = s.getLong("size");
    maxPosition = s.get("maxPosition");
  }

  @Override
  public void start(AgentContext ctx) {
    routine = ctx.routineCause(CauseKind.FUNDAMENTAL);
    shockSeen = new int[instruments.size()];
    shockCause = new int[instruments.size()];
    bias = new double[instruments.size()];
    for (int k = 0; k < bias.length; k++) {
      bias[k] = noise * Gaussian.next(ctx.random());
    }
    ctx.wakePoisson(rate, 0);
  }

  /**
   * Orders after a shock to the value are that shock's doing: they get a cause whose parent is the
   * shock, one per agent and shock; before any shock, the routine cause.
   */
  private int causeFor(AgentContext ctx, Instrument ins, int k) {
    int shock = ctx.lastValueShock(ins);
    if (shock == 0) {
      return routine;
    }
    if (shockSeen[k] != shock) {
      shockSeen[k] = shock;
      shockCause[k] = ctx.cause(CauseKind.FUNDAMENTAL, shock, "revalue " + ins.symbol());
    }
    return shockCause[k];
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    int k = ctx.random().nextInt(instruments.size());
    Instrument ins = instruments.get(k);
    if (!ctx.isOpen(ins)) {
      ctx.wakeAt(ctx.nextOpen(ins) + 1, 0);
      return;
    }
    ctx.wakePoisson(rate, 0);
    double estimate =
        ctx.fundamentalValue(ins)
            * StrictMath.exp(bias[k] + 0.5 * noise * Gaussian.next(ctx.random()));
    int cause = causeFor(ctx, ins, k);
    double mid = ctx.mid(ins);
    long pos = ctx.position(ins);
    if (mid < estimate * (1 - threshold) && pos + size <= maxPosition) {
      long ask = ctx.bestAsk(ins);
      if (ask > 0) {
        ctx.ioc(ins, Side.BUY, ask, size, cause);
      }
    } else if (mid > estimate * (1 + threshold) && pos - size >= -maxPosition) {
      long bid = ctx.bestBid(ins);
      if (bid > 0) {
        ctx.ioc(ins, Side.SELL, bid, size, cause);
      }
    }
  }
}
