package dev.cascade.agents.fundamental;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.agents.ValueShockCauses;
import dev.cascade.cause.CauseKind;
import dev.cascade.kernel.Gaussian;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * A fundamental investor: looks at the market as a Poisson process; its estimate of value is the
 * common fundamental value V times exp(b + e), with a persistent bias b ~ N(0, noisePct) drawn once
 * and a fresh error e ~ N(0, noisePct / 2) at each look.
 *
 * <p>With {@code elasticity} 0 (the default) it trades a step demand: when the mid is below the
 * estimate by more than {@code thresholdPct} it buys {@code size}, above by more it sells, with an
 * immediate-or-cancel order at the touch, up to {@code maxPosition} lots. With {@code elasticity} =
 * z > 0 its demand is a line: with mispricing m = 100 (estimate / mid - 1) percent and the
 * threshold as a dead band, its target position is q0 (1 + z sign(m) max(0, |m| - thresholdPct) /
 * 100), q0 being its starting position, within 0 and {@code maxPosition}. z is a demand elasticity:
 * percent change of the position per percent of mispricing. At each look it shows the curve in the
 * book for every open instrument it follows: a bid for {@code size} lots at the price where the
 * curve asks for position + size and an offer at the price for position - size (a bid above the
 * market trades at once down to its limit and rests the rest). So a forced seller who pushes the
 * price 1% below value is absorbed by q0 z / 100 lots per investor, and the price stays below value
 * until the flow reverses: finite elasticity, where the step demand absorbs any flow beyond the
 * threshold. Long only in a cash account.
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
              ParamSpec.real("maxPosition", "largest position, lots", 20_000, 0, 1e12),
              ParamSpec.real(
                  "elasticity",
                  "percent change of the position per percent of mispricing beyond the threshold"
                      + " (0: step demand)",
                  0,
                  0,
                  1e6)),
          FundamentalInvestor::new);

  private final List<Instrument> instruments;
  private final double rate;
  private final double noise;
  private final double threshold;
  private final long size;
  private final double maxPosition;
  private final double elasticity;
  private double[] bias;
  private long[] startPosition;
  // Linear demand: the resting bid and offer per instrument (0 = none).
  private long[] bidId;
  private long[] askId;
  private ValueShockCauses causes;

  FundamentalInvestor(AgentSetup s) {
    instruments = s.instruments();
    rate = s.get("rate");
    noise = s.get("noisePct") / 100;
    threshold = s.get("thresholdPct") / 100;
    size = s.getLong("size");
    maxPosition = s.get("maxPosition");
    elasticity = s.get("elasticity");
  }

  @Override
  public void start(AgentContext ctx) {
    causes = new ValueShockCauses(instruments, ctx.routineCause(CauseKind.FUNDAMENTAL), "revalue");
    bias = new double[instruments.size()];
    startPosition = new long[instruments.size()];
    bidId = new long[instruments.size()];
    askId = new long[instruments.size()];
    for (int k = 0; k < bias.length; k++) {
      bias[k] = noise * Gaussian.next(ctx.random());
      startPosition[k] = ctx.position(instruments.get(k));
    }
    ctx.wakePoisson(rate, 0);
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
    int cause = causes.causeFor(ctx, k);
    double mid = ctx.mid(ins);
    long pos = ctx.position(ins);
    if (elasticity > 0 && startPosition[k] > 0) {
      quoteCurves(ctx, k, estimate);
      return;
    }
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

  /**
   * Linear demand: for the instrument looked at (estimate given) and every other open instrument of
   * this investor (a fresh estimate each), replaces its two orders with a bid for {@code size} lots
   * at the curve's price for position + size and an offer at the curve's price for position - size.
   * A bid above the best ask trades at once down the book to its limit and rests the rest, so the
   * investor takes liquidity when the price is far from its curve and otherwise shows it.
   */
  private void quoteCurves(AgentContext ctx, int looked, double lookedEstimate) {
    for (int k = 0; k < instruments.size(); k++) {
      Instrument ins = instruments.get(k);
      if (!ctx.isOpen(ins) || startPosition[k] <= 0) {
        continue;
      }
      double estimate =
          k == looked
              ? lookedEstimate
              : ctx.fundamentalValue(ins)
                  * StrictMath.exp(bias[k] + 0.5 * noise * Gaussian.next(ctx.random()));
      int cause = causes.causeFor(ctx, k);
      cancel(ctx, bidId, k);
      cancel(ctx, askId, k);
      long q0 = startPosition[k];
      long pos = ctx.position(ins);
      long buy = Math.min(size, (long) maxPosition - pos);
      if (buy > 0) {
        long px =
            (long)
                Math.floor(linearPrice(q0, elasticity, threshold, pos + buy, Side.BUY, estimate));
        if (px >= 1) {
          bidId[k] = Math.max(0, ctx.limit(ins, Side.BUY, px, buy, cause));
        }
      }
      long sell = Math.min(size, pos);
      if (sell > 0) {
        long px =
            (long)
                Math.ceil(linearPrice(q0, elasticity, threshold, pos - sell, Side.SELL, estimate));
        askId[k] = Math.max(0, ctx.limit(ins, Side.SELL, px, sell, cause));
      }
    }
  }

  private static void cancel(AgentContext ctx, long[] ids, int k) {
    if (ids[k] != 0 && ctx.openQty(ids[k]) > 0) {
      ctx.cancel(ids[k]);
    }
    ids[k] = 0;
  }

  /**
   * The inverse of the linear demand: the price (ticks) at which the curve's target is {@code
   * position}, the marginal price of a buy (or sell) that leaves the investor holding it. With m
   * the mispricing as a decimal: m = threshold + (Q / q0 - 1) / z above the starting position q0, m
   * = -threshold - (1 - Q / q0) / z below it, and at q0 itself the edge of the dead band on the
   * side the order comes from; the price is estimate / (1 + m).
   */
  static double linearPrice(
      long q0, double elasticity, double threshold, long position, Side side, double estimate) {
    double z = elasticity;
    double ratio = (double) position / q0;
    boolean above = side == Side.BUY ? position > q0 : position >= q0;
    double m = above ? threshold + (ratio - 1) / z : -threshold - (1 - ratio) / z;
    return estimate / (1 + Math.max(m, -0.99));
  }
}
