package dev.cascade.agents.liquidity;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseKind;
import dev.cascade.kernel.Time;
import dev.cascade.ledger.AccountKind;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * A market maker quoting a ladder on both sides of each of its instruments and requoting every
 * {@code refreshSeconds} and after each of its fills.
 *
 * <p>Around the reference price m (the mid, or the last price when a side is empty), level k
 * (0-based) of the bid is at m (1 - h - k d + s) and of the ask at m (1 + h + k d + s), where h =
 * halfSpreadBps x max(1, sigma / volRef) x stress, d = levelStepBps, and the inventory skew s =
 * -skewBps x q / inventoryLimit leans quotes against the position q. Each level quotes size x
 * min(1, (sigma / volRef)^-kappa) x depthStress lots: depth shrinks as short-term realised vol
 * sigma rises (depth proportional to sigma^-kappa). The side that would push |q| past
 * inventoryLimit is pulled.
 */
public final class MarketMaker implements Agent {
  /** The family as registered: margin accounts (they may be short inventory), 4x gross. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "market-maker",
          "two-sided quote ladders; spread widens and depth shrinks with realised vol",
          List.of(
              ParamSpec.real(
                  "halfSpreadBps",
                  "half of the quoted spread in calm markets, bps",
                  1.0,
                  0.01,
                  1000),
              ParamSpec.whole("levels", "price levels quoted per side", 3, 1, 50),
              ParamSpec.real(
                  "levelStepBps", "distance between quoted levels, bps", 1.0, 0.01, 1000),
              ParamSpec.real("size", "lots quoted per level in calm markets", 200, 1, 1e9),
              ParamSpec.real("refreshSeconds", "seconds between requotes", 1.0, 0.001, 3600),
              ParamSpec.real("inventoryLimit", "largest position held, lots", 5000, 1, 1e12),
              ParamSpec.real("skewBps", "quote shift at the inventory limit, bps", 2.0, 0, 1000),
              ParamSpec.real(
                  "volRef", "annualised vol at which quotes are normal, decimal", 0.15, 0.001, 10),
              ParamSpec.real("kappa", "depth elasticity to vol: depth ~ vol^-kappa", 1.0, 0, 10)),
          MarketMaker::new,
          AccountKind.MARGIN,
          4.0);

  private static final int REFRESH = 1;
  private static final double CARRY_SECONDS = 60;

  /**
   * The share of a shock's carry that must be left for a requote to keep the shock as its cause
   * (assumed: until nine tenths of the shock's news is in the price or forgotten).
   */
  private static final double SHOCK_CARRY_SHARE = 0.1;

  private final List<Instrument> instruments;
  private final double halfSpread;
  private final int levels;
  private final double levelStep;
  private final double size;
  private final long refreshNanos;
  private final double inventoryLimit;
  private final double skew;
  private final double volRef;
  private final double kappa;
  // Per instrument and level: the order id and price of the live quote on each side (0 = none).
  private final long[][] bidId;
  private final long[][] bidPx;
  private final long[][] askId;
  private final long[][] askPx;
  // Per instrument: the news not yet in the price (log), and what it was measured from.
  private final double[] carry;
  private final double[] seenValue;
  private final double[] seenMid;
  private final long[] seenAt;
  private final int[] seenShock;
  private final double[] shockCarry;
  private int cause;

  MarketMaker(AgentSetup s) {
    instruments = s.instruments();
    halfSpread = s.get("halfSpreadBps") / 10_000;
    levels = s.getInt("levels");
    levelStep = s.get("levelStepBps") / 10_000;
    size = s.get("size");
    refreshNanos = Time.seconds(s.get("refreshSeconds"));
    inventoryLimit = s.get("inventoryLimit");
    skew = s.get("skewBps") / 10_000;
    volRef = s.get("volRef");
    kappa = s.get("kappa");
    int n = instruments.size();
    bidId = new long[n][levels];
    bidPx = new long[n][levels];
    askId = new long[n][levels];
    askPx = new long[n][levels];
    carry = new double[n];
    seenValue = new double[n];
    seenMid = new double[n];
    seenAt = new long[n];
    seenShock = new int[n];
    shockCarry = new double[n];
  }

  @Override
  public void start(AgentContext ctx) {
    cause = ctx.routineCause(CauseKind.QUOTE);
    ctx.wakeOnFills(true);
    ctx.wakeIn(0, REFRESH);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    long nextWake = Long.MAX_VALUE;
    for (int k = 0; k < instruments.size(); k++) {
      Instrument ins = instruments.get(k);
      if (!ctx.isOpen(ins)) {
        nextWake = Math.min(nextWake, ctx.nextOpen(ins));
        continue;
      }
      requote(ctx, ins, k);
    }
    if (tag == REFRESH) {
      long jitter = (long) (refreshNanos * 0.2 * ctx.random().nextDouble());
      ctx.wakeAt(Math.min(nextWake, ctx.now() + refreshNanos + jitter), REFRESH);
    }
  }

  /**
   * Brings each level's quote to its target price and size. A quote already at its target price
   * with at least half its target size left keeps its place in the queue; others are cancelled and
   * replaced.
   */
  private void requote(AgentContext ctx, Instrument ins, int k) {
    double mid = referencePrice(ctx, ins, k);
    double c = newsCarry(ctx, ins, k, mid);
    int why = shockCause(ctx, ins, k, c);
    double ref = mid * StrictMath.exp(c);
    double volRatio = Math.max(1e-3, ctx.realizedVol(ins) / volRef);
    double h = halfSpread * Math.max(1, volRatio) * ctx.spreadStress(ins);
    double depthFactor = Math.min(1, StrictMath.pow(volRatio, -kappa)) * ctx.depthStress(ins);
    long lots = Math.max(1, Math.round(size * depthFactor));
    long q = ctx.position(ins);
    double s = -skew * Math.max(-1, Math.min(1, q / inventoryLimit));
    boolean bidAllowed = q + lots <= inventoryLimit;
    boolean askAllowed = q - lots >= -inventoryLimit;
    for (int lvl = 0; lvl < levels; lvl++) {
      double off = h + lvl * levelStep;
      long bid = (long) Math.floor(ref * (1 - off + s));
      long ask = (long) Math.ceil(ref * (1 + off + s));
      if (ask <= bid) {
        ask = bid + 1;
      }
      place(
          ctx, ins, Side.BUY, bidAllowed && bid >= 1 ? bid : 0, lots, bidId[k], bidPx[k], lvl, why);
      place(ctx, ins, Side.SELL, askAllowed ? ask : 0, lots, askId[k], askPx[k], lvl, why);
    }
  }

  /**
   * The cause of a requote: the latest shock to the instrument's value while its news is still in
   * the carry (the first requote after it, then while the carry keeps its sign and at least {@link
   * #SHOCK_CARRY_SHARE} of its size then: the quotes are still moving on that news, and a maker
   * selling through stale bids a moment after a fall in value does so because of it), otherwise
   * routine.
   */
  private int shockCause(AgentContext ctx, Instrument ins, int k, double c) {
    int shock = ctx.lastValueShock(ins);
    if (shock != seenShock[k]) {
      seenShock[k] = shock;
      shockCarry[k] = c;
      return shock;
    }
    double first = shockCarry[k];
    if (shock != 0
        && first != 0
        && c * first > 0
        && Math.abs(c) >= SHOCK_CARRY_SHARE * Math.abs(first)) {
      return shock;
    }
    return cause;
  }

  /**
   * The news the price has not yet taken in, as a log shift of the quotes: public news moves a
   * maker's quotes at once (the dealer of Glosten and Milgrom 1985 revises its quotes on public
   * information without waiting for order flow). Each change of the fundamental value since the
   * last requote adds to the carry; a move of the mid in the same direction takes it out (the
   * market has absorbed the news); a move against it does not (order flow is not news); what is
   * left fades with a time constant of {@value #CARRY_SECONDS} s (assumed), so a maker never stands
   * alone against a market that does not follow.
   */
  private double newsCarry(AgentContext ctx, Instrument ins, int k, double mid) {
    double v = ctx.fundamentalValue(ins);
    long now = ctx.now();
    double c = carry[k];
    if (seenValue[k] > 0 && v > 0 && mid > 0) {
      c += StrictMath.log(v / seenValue[k]);
      double dm = StrictMath.log(mid / seenMid[k]);
      if (c > 0) {
        c = Math.max(0, c - Math.max(0, dm));
      } else if (c < 0) {
        c = Math.min(0, c - Math.min(0, dm));
      }
      c *= StrictMath.exp(-(now - seenAt[k]) / (CARRY_SECONDS * 1e9));
    }
    carry[k] = c;
    seenValue[k] = v;
    seenMid[k] = mid;
    seenAt[k] = now;
    return c;
  }

  /**
   * The price the ladder is centred on: the mid when both sides are quoted and at least one side's
   * touch is someone else's, otherwise the last trade price (so a maker alone at the touch does not
   * chase its own quotes).
   */
  private double referencePrice(AgentContext ctx, Instrument ins, int k) {
    long bid = ctx.bestBid(ins);
    long ask = ctx.bestAsk(ins);
    if (bid > 0 && ask > 0 && !(bid == bidPx[k][0] && ask == askPx[k][0])) {
      return 0.5 * (bid + ask);
    }
    return ctx.lastPrice(ins);
  }

  private void place(
      AgentContext ctx,
      Instrument ins,
      Side side,
      long price,
      long lots,
      long[] ids,
      long[] pxs,
      int lvl,
      int why) {
    long live = ids[lvl] == 0 ? 0 : ctx.openQty(ids[lvl]);
    if (live > 0 && price == pxs[lvl] && 2 * live >= lots) {
      return;
    }
    if (live > 0) {
      ctx.cancel(ids[lvl]);
    }
    ids[lvl] = 0;
    pxs[lvl] = 0;
    if (price <= 0) {
      return;
    }
    long id = ctx.limit(ins, side, price, lots, why);
    if (id > 0) {
      ids[lvl] = id;
      pxs[lvl] = price;
    }
  }
}
