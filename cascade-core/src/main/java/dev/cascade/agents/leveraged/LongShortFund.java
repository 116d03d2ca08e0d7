package dev.cascade.agents.leveraged;

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
import java.util.Arrays;
import java.util.List;

/**
 * A leveraged long/short fund on a prime broker's margin. It holds the first {@code longCount} of
 * its instruments long (the crowded mega-cap tech longs) and the rest short, with exposure targets
 * as multiples of its equity E:
 *
 * <pre>
 *   long book  = w x (gross + net) / 2 x E, split equally over the longs
 *   short book = w x (gross - net) / 2 x E, split equally over the shorts
 * </pre>
 *
 * where w_k (per position, 1 at the start) is cut when the fund de-grosses. Defaults gross 2.9x,
 * net 0.7x: hedge-fund prime-book gross leverage is about 2.7-2.9x (DESIGN.md reference figures,
 * from prime-brokerage reports); net 0.7x is the figure, assumed. Every {@code
 * intervalSeconds} it trades towards its targets with market orders of at most {@code size} lots
 * when a position is more than {@code band} away from its target.
 *
 * <p>It de-grosses by {@code cut} of its gross exposure when its broker calls it (wake-up {@link
 * AgentContext#MARGIN_CALL_TAG}) or when its equity falls {@code drawdownLimit} below its peak: pro
 * rata, or, with {@code sellWinnersFirst} = 1, taking the cut from the positions with the largest
 * unrealised gains first (commentary 001's funds "forced to sell their winners ... to cover margin
 * calls on their losing bets"). De-grossing orders go out in full at once; their cause's parent is
 * the margin call.
 *
 * <p>With {@code startInvested} = 1 the fund starts levered: at the start its book is opened at its
 * targets at the instruments' start prices, off the book against the outside world, paid with its
 * broker's loan (longs) and the proceeds of borrowed units (shorts), as a fund that has held its
 * book for months starts a run; by default (0) it buys its book through the market in the run's
 * first minutes, which a fund large against its market cannot do (docs/model.md §11).
 */
public final class LongShortFund implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "long-short-fund",
          "leveraged long/short equity fund on margin: gross/net targets, de-grosses when called",
          List.of(
              ParamSpec.real("gross", "gross exposure target, multiple of equity", 2.9, 0, 20),
              ParamSpec.real("net", "net exposure target, multiple of equity", 0.7, -20, 20),
              ParamSpec.whole("longCount", "the first N instruments are held long", 1, 0, 1000),
              ParamSpec.real("intervalSeconds", "seconds between looks", 30, 0.01, 86_400),
              ParamSpec.real("size", "largest routine order, lots", 500, 1, 1e9),
              ParamSpec.real("band", "rebalance when this far from target, fraction", 0.05, 0, 1),
              ParamSpec.real(
                  "drawdownLimit", "de-gross when equity falls this far from peak", 0.08, 0, 1),
              ParamSpec.real("cut", "fraction of gross cut per de-gross", 0.25, 0, 1),
              ParamSpec.whole("sellWinnersFirst", "1: cut the biggest winners first", 0, 0, 1),
              ParamSpec.whole("portfolioMargin", "1: FINRA portfolio margin, 0: Reg-T", 1, 0, 1),
              ParamSpec.whole(
                  "startInvested",
                  "1: start levered, the book opened at its targets before the run; 0: buy it"
                      + " through the market",
                  0,
                  0,
                  1)),
          LongShortFund::new,
          AccountKind.MARGIN,
          20);

  private final List<Instrument> instruments;
  private final double gross;
  private final double net;
  private final int longCount;
  private final long interval;
  private final long size;
  private final double band;
  private final double drawdownLimit;
  private final double cut;
  private final boolean winnersFirst;
  private final boolean startInvested;
  private final double[] weight;
  private long peak;
  private int routine;

  LongShortFund(AgentSetup s) {
    instruments = s.instruments();
    gross = s.get("gross");
    net = s.get("net");
    longCount = Math.min(s.getInt("longCount"), instruments.size());
    interval = Time.seconds(s.get("intervalSeconds"));
    size = s.getLong("size");
    band = s.get("band");
    drawdownLimit = s.get("drawdownLimit");
    cut = s.get("cut");
    winnersFirst = s.getLong("sellWinnersFirst") == 1;
    startInvested = s.getLong("startInvested") == 1;
    weight = new double[instruments.size()];
    Arrays.fill(weight, 1);
  }

  @Override
  public void start(AgentContext ctx) {
    routine = ctx.routineCause(CauseKind.REBALANCE);
    if (startInvested) {
      // Targets at the start prices, all from the same equity: the book is opened at once.
      long[] lots = new long[instruments.size()];
      for (int k = 0; k < lots.length; k++) {
        lots[k] = target(ctx, k, ctx.lastPrice(instruments.get(k)));
      }
      for (int k = 0; k < lots.length; k++) {
        if (lots[k] != 0) {
          ctx.openHeldPosition(
              instruments.get(k),
              lots[k] - ctx.position(instruments.get(k)),
              ctx.lastPrice(instruments.get(k)));
        }
      }
    }
    peak = ctx.equity();
    ctx.wakeIn((long) (interval * ctx.random().nextDouble()), 0);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    if (tag == AgentContext.MARGIN_CALL_TAG) {
      int c = ctx.cause(CauseKind.REBALANCE, ctx.marginCallCause(), ctx.agentId() + " de-gross");
      degross(ctx);
      trade(ctx, c, Long.MAX_VALUE);
      return;
    }
    ctx.wakeIn(interval, 0);
    long equity = ctx.equity();
    peak = Math.max(peak, equity);
    if (equity < peak * (1 - drawdownLimit)) {
      int c = ctx.cause(CauseKind.REBALANCE, routine, ctx.agentId() + " drawdown de-gross");
      degross(ctx);
      peak = equity;
      trade(ctx, c, Long.MAX_VALUE);
      return;
    }
    trade(ctx, routine, size);
  }

  /** Target position of instrument k, lots, at the mid. */
  private long target(AgentContext ctx, int k) {
    return target(ctx, k, ctx.mid(instruments.get(k)));
  }

  /** Target position of instrument k, lots, at this price (ticks). */
  private long target(AgentContext ctx, int k, double priceTicks) {
    Instrument ins = instruments.get(k);
    int shorts = instruments.size() - longCount;
    double book;
    if (k < longCount) {
      book = (gross + net) / 2 / longCount;
    } else {
      book = shorts == 0 ? 0 : -(gross - net) / 2 / shorts;
    }
    double equity = Math.max(0, ctx.equity());
    double perLot = priceTicks * ins.cashPerTickLot();
    return perLot <= 0 ? 0 : (long) (weight[k] * book * equity / perLot);
  }

  private void degross(AgentContext ctx) {
    if (!winnersFirst) {
      for (int k = 0; k < weight.length; k++) {
        weight[k] *= 1 - cut;
      }
      return;
    }
    // Cut gross by `cut`, taking it from the largest unrealised gains first.
    int n = instruments.size();
    double[] notional = new double[n];
    double[] gain = new double[n];
    double total = 0;
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      Instrument ins = instruments.get(k);
      long pos = ctx.position(ins);
      double m = ctx.mid(ins);
      notional[k] = Math.abs(pos) * m * ins.cashPerTickLot();
      gain[k] = pos * (m - ctx.entryPrice(ins)) * ins.cashPerTickLot();
      total += notional[k];
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> Double.compare(gain[b], gain[a]));
    double budget = cut * total;
    for (int k : order) {
      if (budget <= 0 || notional[k] <= 0) {
        continue;
      }
      double take = Math.min(budget, notional[k]);
      weight[k] *= 1 - take / notional[k];
      budget -= take;
    }
  }

  private void trade(AgentContext ctx, int cause, long maxLots) {
    for (int k = 0; k < instruments.size(); k++) {
      Instrument ins = instruments.get(k);
      if (!ctx.isOpen(ins)) {
        continue;
      }
      long target = target(ctx, k);
      long pos = ctx.position(ins);
      long gap = target - pos;
      if (gap == 0 || Math.abs(gap) <= band * Math.abs(target)) {
        continue;
      }
      long qty = Math.min(Math.abs(gap), maxLots);
      ctx.market(ins, gap > 0 ? Side.BUY : Side.SELL, qty, cause);
    }
  }
}
