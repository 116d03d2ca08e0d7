package dev.cascade.agents.retail;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * A sentiment-driven retail trader. It looks at a random one of its instruments as a Poisson
 * process of rate {@code rate} and trades {@code size} lots with a market order, buying with
 * probability p = (1 + tanh(s)) / 2 where the sentiment is s = returnWeight x R - fearWeight x (F -
 * 1): R the instrument's recent return in percent, the mid over an exponential moving average of
 * the mids it saw (time constant {@code memorySeconds}, weight 1 - exp(-dt / tau)), F the fear
 * index, the instrument's realised volatility over its scenario volatility (the prior it read at
 * the start). A positive returnWeight chases trends, a negative one buys dips; fear pushes towards
 * selling. Sells only what it holds. Defaults assumed.
 */
public final class RetailTrader implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "retail",
          "retail traders whose buy/sell odds follow recent returns and a fear index",
          List.of(
              ParamSpec.real("rate", "looks per second", 0.05, 1e-6, 1000),
              ParamSpec.real("size", "lots per trade", 10, 1, 1e9),
              ParamSpec.real("returnWeight", "sentiment per percent of return", 0.5, -100, 100),
              ParamSpec.real("fearWeight", "sentiment lost per unit of excess fear", 0.5, 0, 100),
              ParamSpec.real(
                  "memorySeconds", "how far back 'recent' returns reach, seconds", 1800, 1, 1e7)),
          RetailTrader::new);

  private final List<Instrument> instruments;
  private final double rate;
  private final long size;
  private final double returnWeight;
  private final double fearWeight;
  private final double memorySeconds;
  private double[] average;
  private long[] lastLook;
  private double[] calmVol;
  private int cause;

  RetailTrader(AgentSetup s) {
    instruments = s.instruments();
    rate = s.get("rate");
    size = s.getLong("size");
    returnWeight = s.get("returnWeight");
    fearWeight = s.get("fearWeight");
    memorySeconds = s.get("memorySeconds");
  }

  /** Probability of buying for a sentiment. */
  static double buyProbability(double sentiment) {
    return 0.5 * (1 + StrictMath.tanh(sentiment));
  }

  @Override
  public void start(AgentContext ctx) {
    cause = ctx.routineCause(CauseKind.MOMENTUM);
    average = new double[instruments.size()];
    lastLook = new long[instruments.size()];
    calmVol = new double[instruments.size()];
    for (int k = 0; k < average.length; k++) {
      average[k] = ctx.lastPrice(instruments.get(k));
      lastLook[k] = ctx.now();
      calmVol[k] = Math.max(1e-6, ctx.realizedVol(instruments.get(k)));
    }
    ctx.wakePoisson(rate, 0);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    int k = ctx.random().nextInt(instruments.size());
    Instrument ins = instruments.get(k);
    if (!ctx.isOpen(ins)) {
      ctx.wakeAt(ctx.nextOpen(ins) + Time.NANOS_PER_SECOND, 0);
      return;
    }
    ctx.wakePoisson(rate, 0);
    double mid = ctx.mid(ins);
    double ret = 100 * (mid / average[k] - 1);
    double dt = (double) (ctx.now() - lastLook[k]) / Time.NANOS_PER_SECOND;
    average[k] += (1 - StrictMath.exp(-dt / memorySeconds)) * (mid - average[k]);
    lastLook[k] = ctx.now();
    double fear = ctx.realizedVol(ins) / calmVol[k];
    double s = returnWeight * ret - fearWeight * (fear - 1);
    boolean buy = ctx.random().nextDouble() < buyProbability(s);
    long q = buy ? size : Math.min(size, ctx.position(ins));
    if (q > 0) {
      ctx.market(ins, buy ? Side.BUY : Side.SELL, q, cause);
    }
  }
}
