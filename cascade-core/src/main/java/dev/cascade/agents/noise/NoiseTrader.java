package dev.cascade.agents.noise;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.OpenOrders;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseKind;
import dev.cascade.kernel.Gaussian;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A noise trader: arrives as a Poisson process; at each arrival it picks one of its instruments,
 * maybe cancels its oldest open order, then sends a market order (probability {@code
 * marketOrderProb}) or a limit order at a distance from the mid drawn from an exponential
 * distribution with mean {@code offsetBps}, on a random side. Limit orders that would cross are
 * placed passively at the touch instead. Sizes are lognormal around {@code size}. A cash account
 * limits it to what it holds.
 */
public final class NoiseTrader implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "noise",
          "Poisson limit and market orders around the mid, with cancellations",
          List.of(
              ParamSpec.real("rate", "arrivals per second", 0.2, 1e-6, 1000),
              ParamSpec.real(
                  "marketOrderProb", "share of arrivals that are market orders", 0.1, 0, 1),
              ParamSpec.real(
                  "cancelProb", "chance an arrival first cancels the oldest order", 0.3, 0, 1),
              ParamSpec.real(
                  "offsetBps", "mean distance of limit orders from the mid, bps", 10, 0, 10_000),
              ParamSpec.real("size", "median order size, lots", 100, 1, 1e9),
              ParamSpec.real("sizeSigma", "dispersion of log order size", 0.5, 0, 3),
              ParamSpec.whole("maxOpenOrders", "open limit orders kept at most", 5, 1, 1000)),
          NoiseTrader::new);

  private final List<Instrument> instruments;
  private final double rate;
  private final double marketOrderProb;
  private final double cancelProb;
  private final double offsetBps;
  private final double size;
  private final double sizeSigma;
  private final OpenOrders open;
  private final double[] activity;
  private final boolean[] isOpen;
  private int cause;

  NoiseTrader(AgentSetup s) {
    instruments = s.instruments();
    rate = s.get("rate");
    marketOrderProb = s.get("marketOrderProb");
    cancelProb = s.get("cancelProb");
    offsetBps = s.get("offsetBps");
    size = s.get("size");
    sizeSigma = s.get("sizeSigma");
    open = new OpenOrders(s.getInt("maxOpenOrders"));
    activity = new double[instruments.size()];
    isOpen = new boolean[instruments.size()];
  }

  @Override
  public void start(AgentContext ctx) {
    cause = ctx.routineCause(CauseKind.NOISE);
    ctx.wakePoisson(rate, 0);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    RandomGenerator rng = ctx.random();
    // The instrument is chosen in proportion to its news activity, and the next arrival comes at
    // the rate times the mean activity of the open instruments: busy news, busy trading.
    int n = instruments.size();
    double total = 0;
    int openCount = 0;
    for (int k = 0; k < n; k++) {
      Instrument i = instruments.get(k);
      isOpen[k] = ctx.isOpen(i);
      if (isOpen[k]) {
        activity[k] = ctx.newsActivity(i);
        openCount++;
      } else {
        activity[k] = 1; // a closed instrument is drawn at its mean weight and slept on
      }
      total += activity[k];
    }
    double u = rng.nextDouble() * total;
    int pick = n - 1;
    for (int k = 0; k < n - 1; k++) {
      u -= activity[k];
      if (u < 0) {
        pick = k;
        break;
      }
    }
    Instrument ins = instruments.get(pick);
    if (!isOpen[pick]) {
      // Sleep until the session opens, then resume the Poisson arrivals from there.
      ctx.wakeAt(ctx.nextOpen(ins) + 1, 0);
      return;
    }
    double openActivity = 0;
    for (int k = 0; k < n; k++) {
      if (isOpen[k]) {
        openActivity += activity[k];
      }
    }
    ctx.wakePoisson(rate * openActivity / openCount, 0);
    open.prune(ctx);
    if (open.isFull() || (open.size() > 0 && rng.nextDouble() < cancelProb)) {
      ctx.cancel(open.pollOldest());
    }
    Side side = rng.nextBoolean() ? Side.BUY : Side.SELL;
    long qty = Math.max(1, Math.round(size * StrictMath.exp(sizeSigma * Gaussian.next(rng))));
    if (side == Side.SELL && ctx.position(ins) < qty && ctx.position(ins) > 0) {
      qty = ctx.position(ins);
    }
    if (rng.nextDouble() < marketOrderProb) {
      ctx.market(ins, side, qty, cause);
      return;
    }
    double mid = ctx.mid(ins);
    double offset = -StrictMath.log1p(-rng.nextDouble()) * offsetBps / 10_000;
    long price =
        side == Side.BUY
            ? (long) Math.floor(mid * (1 - offset))
            : (long) Math.ceil(mid * (1 + offset));
    // Stay passive: a noise limit order never crosses the spread.
    long bid = ctx.bestBid(ins);
    long ask = ctx.bestAsk(ins);
    if (side == Side.BUY && ask > 0 && price >= ask) {
      price = ask - 1;
    } else if (side == Side.SELL && bid > 0 && price <= bid) {
      price = bid + 1;
    }
    if (price < 1) {
      return;
    }
    long id = ctx.limit(ins, side, price, qty, cause);
    if (id > 0) {
      open.add(id);
    }
  }
}
