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
import java.util.List;

/**
 * A leveraged or inverse ETF (with its swap counterparties) on its first instrument: a fund of
 * {@code aumDollars} that promises L times the underlying's daily return and so resets its exposure
 * to L x AUM once a day, near the close. After a day's return R its exposure has drifted to L AUM
 * (1 + R) while its assets became AUM (1 + L R); the trade that restores L x AUM is
 *
 * <pre>
 *   hedge notional = L (L - 1) AUM R       dollars, then AUM <- AUM (1 + L R)
 * </pre>
 *
 * (Cheng &amp; Madhavan 2009, "The Dynamics of Leveraged and Inverse Exchange-Traded Funds", J.
 * Investment Management; Ivanov &amp; Lenkey 2018). L (L - 1) &gt;= 0 for every L outside (0, 1),
 * so long and inverse funds alike buy after up days and sell after down days. R is measured at the
 * start of the rebalance window, {@code rebalanceMinutes} before the close, from the price of the
 * previous rebalance (the first day: the price at the start of the run), and the trade is worked in
 * {@code slices} equal market orders over the window.
 *
 * <p>The fund's opening exposure L x AUM is taken as held elsewhere (its swaps; assumed, as the
 * options dealer's opening hedge), so the account holds only the rebalance trades: cash and units
 * move only through the book. Every order of one rebalance carries one REBALANCE cause whose parent
 * is the latest shock to the instrument's value since the last reset ({@link
 * AgentContext#lastValueShock}: news moved the day), else the cause of the last order that moved
 * the price the way the day moved ({@link AgentContext#moveCause}), else the fund's routine
 * rebalance cause.
 */
public final class LeveragedEtf implements Agent {
  /** The family as registered: margin accounts (it shorts after down days), 10x gross (assumed). */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "leveraged-etf",
          "leveraged or inverse ETF: trades L(L-1) x AUM x the day's return near the close, buying"
              + " after up days and selling after down days",
          List.of(
              ParamSpec.real("aumDollars", "fund assets at the start, dollars", 1e8, 0, 1e13),
              ParamSpec.real(
                  "leverage",
                  "daily leverage L (e.g. 2, 3, -1, -3); 0 and 1 never trade",
                  3,
                  -5,
                  5),
              ParamSpec.real(
                  "rebalanceMinutes",
                  "the rebalance is worked over this many minutes before the close",
                  15,
                  0.1,
                  600),
              ParamSpec.whole("slices", "orders over the rebalance window", 15, 1, 1000),
              ParamSpec.real(
                  "terminationPct",
                  "terminated when its indicative value falls this many percent below its last"
                      + " reset (checked each minute; 0: never)",
                  0,
                  0,
                  100)),
          LeveragedEtf::new,
          AccountKind.MARGIN,
          10.0);

  private static final int REBALANCE = 0;
  private static final int SLICE = 1;
  private static final int PLAN = 2;
  private static final int MONITOR = 3;

  /** Seconds between checks of the indicative value when a termination rule is set. */
  static final long MONITOR_SECONDS = 60;

  private final Instrument ins;
  private final double leverage;
  private final long window;
  private final int slices;
  private final double terminationPct;
  private boolean terminated;
  private long terminatedAt = -1;
  private int resets;
  private final double aumStart;
  private double aum;
  private double reference;
  private long remaining;
  private int slicesLeft;
  private int cause;
  private int routine;
  private int newsSeen;

  LeveragedEtf(AgentSetup s) {
    if (s.instruments().isEmpty()) {
      throw new IllegalArgumentException(s.agentId() + ": a leveraged ETF needs an instrument");
    }
    ins = s.instruments().get(0);
    aum = s.get("aumDollars");
    aumStart = aum;
    leverage = s.get("leverage");
    window = Math.round(s.get("rebalanceMinutes") * Time.NANOS_PER_MINUTE);
    slices = s.getInt("slices");
    terminationPct = s.get("terminationPct");
  }

  /**
   * The rebalance trade, dollars of the underlying (positive: buy), of a fund with assets {@code
   * aum} dollars and leverage {@code leverage} after the underlying returned {@code dayReturn}
   * (simple, 0.01 = +1%) since its last rebalance.
   */
  public static double hedgeNotional(double leverage, double aum, double dayReturn) {
    return leverage * (leverage - 1) * aum * dayReturn;
  }

  /** Assets after the day: AUM (1 + L R), at least 0 (a fund cannot lose more than its assets). */
  public static double aumAfter(double leverage, double aum, double dayReturn) {
    return Math.max(0, aum * (1 + leverage * dayReturn));
  }

  /**
   * The fund's indicative value, dollars, when the underlying has moved from {@code reference} to
   * {@code price} since the last reset: AUM (1 + L R), at least 0.
   */
  public static double indicativeValue(
      double leverage, double aum, double reference, double price) {
    return aumAfter(leverage, aum, price / reference - 1);
  }

  /** The fund's assets now, dollars. */
  public double aum() {
    return aum;
  }

  /** When the fund was terminated, nanos, or -1. */
  public long terminatedAt() {
    return terminatedAt;
  }

  /** The fund's assets when the run started, dollars. */
  public double aumStart() {
    return aumStart;
  }

  /** Daily resets done (one per session close the fund saw open, whether or not it traded). */
  public int resets() {
    return resets;
  }

  /** The instrument the fund holds. */
  public Instrument instrument() {
    return ins;
  }

  /** The fund's daily leverage L. */
  public double leverage() {
    return leverage;
  }

  @Override
  public void start(AgentContext ctx) {
    reference = ctx.lastPrice(ins);
    routine = ctx.routineCause(CauseKind.REBALANCE);
    newsSeen = ctx.lastValueShock(ins);
    scheduleNext(ctx);
    if (terminationPct > 0) {
      ctx.wakeIn(MONITOR_SECONDS * Time.NANOS_PER_SECOND, MONITOR);
    }
  }

  private void scheduleNext(AgentContext ctx) {
    long at = ctx.sessionClose(ins) - window;
    if (at <= ctx.now()) {
      ctx.wakeAt(ctx.sessionClose(ins) + 1, PLAN);
    } else {
      ctx.wakeAt(at, REBALANCE);
    }
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    if (terminated && tag != SLICE) {
      return;
    }
    switch (tag) {
      case MONITOR -> {
        monitor(ctx);
        if (!terminated) {
          ctx.wakeIn(MONITOR_SECONDS * Time.NANOS_PER_SECOND, MONITOR);
        }
      }
      case PLAN -> scheduleNext(ctx);
      case REBALANCE -> {
        rebalance(ctx);
        ctx.wakeAt(ctx.sessionClose(ins) + 1, PLAN);
      }
      case SLICE -> slice(ctx);
      default -> {}
    }
  }

  private void rebalance(AgentContext ctx) {
    if (!ctx.isOpen(ins)) {
      return;
    }
    double price = ctx.mid(ins);
    double r = price / reference - 1;
    reference = price;
    resets++;
    double dollars = hedgeNotional(leverage, aum, r);
    aum = aumAfter(leverage, aum, r);
    trade(
        ctx,
        dollars,
        price,
        r,
        String.format(
            java.util.Locale.ROOT,
            "%s %+.1fx reset after %+.2f%%",
            ctx.agentId(),
            leverage,
            100 * r));
  }

  /**
   * Starts working {@code dollars} of the instrument (positive: buy) over the rebalance window
   * under one REBALANCE cause labelled {@code label}. Its parent is the latest shock to the
   * instrument's value since the last reset (news moved the day), else the order that last moved
   * the price the way it moved by {@code r}, else the routine cause. Nothing when under a lot.
   */
  private void trade(AgentContext ctx, double dollars, double price, double r, String label) {
    int news = ctx.lastValueShock(ins);
    boolean newNews = news > newsSeen; // cause ids grow with time
    newsSeen = news;
    double lotDollars = price * ins.cashPerTickLot() / Instrument.CASH_UNITS_PER_CURRENCY_UNIT;
    long lots = (long) (dollars / lotDollars);
    if (lots == 0) {
      return;
    }
    int parent = newNews ? news : ctx.moveCause(ins, r < 0);
    cause = ctx.cause(CauseKind.REBALANCE, parent < 0 ? routine : parent, label);
    remaining = lots;
    slicesLeft = slices;
    slice(ctx);
  }

  /**
   * The early-termination rule (an "acceleration event" in the prospectuses of exchange-traded
   * notes on VIX futures): when the indicative value has fallen {@code terminationPct} or more
   * below the last reset, the fund ends and the remaining exposure, L x the indicative value, is
   * unwound over the rebalance window.
   */
  private void monitor(AgentContext ctx) {
    if (!ctx.isOpen(ins) || aum <= 0) {
      return;
    }
    double price = ctx.mid(ins);
    double value = indicativeValue(leverage, aum, reference, price);
    double fall = 100 * (1 - value / aum);
    if (fall < terminationPct) {
      return;
    }
    terminated = true;
    terminatedAt = ctx.now();
    aum = 0;
    trade(
        ctx,
        -leverage * value,
        price,
        price / reference - 1,
        String.format(
            java.util.Locale.ROOT,
            "%s %+.1fx terminated: indicative value %.0f%% below its last reset",
            ctx.agentId(),
            leverage,
            fall));
  }

  private void slice(AgentContext ctx) {
    if (slicesLeft <= 0) {
      return;
    }
    long q = slicesLeft == 1 ? remaining : remaining / slicesLeft;
    if (q != 0 && ctx.isOpen(ins)) {
      long id = ctx.market(ins, q > 0 ? Side.BUY : Side.SELL, Math.abs(q), cause);
      if (id > 0) {
        remaining -= q;
      }
    }
    slicesLeft--;
    if (slicesLeft > 0) {
      ctx.wakeIn(Math.max(1, window / slices), SLICE);
    }
  }
}
