package dev.cascade.agents.dealer;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseKind;
import dev.cascade.derivatives.BlackScholes;
import dev.cascade.derivatives.DealerBook;
import dev.cascade.derivatives.DealerBookSpec;
import dev.cascade.derivatives.OptionContract;
import dev.cascade.derivatives.OptionType;
import dev.cascade.derivatives.OptionsMarket;
import dev.cascade.derivatives.VolSurface;
import dev.cascade.kernel.Time;
import dev.cascade.ledger.AccountKind;
import dev.cascade.market.Instrument;
import dev.cascade.market.OrderBook;
import dev.cascade.market.Side;
import java.time.ZoneId;
import java.util.List;

/**
 * An options dealer on the first instrument it is given. It holds a generated option book ({@link
 * DealerBookSpec}), registers it with the run's {@link OptionsMarket} and reads option vols from
 * the underlying's shared surface.
 *
 * <p>Hedging. Its option delta D(t) (units, {@link DealerBook#delta}) is hedged in the underlying:
 * the dealer starts delta-neutral (the delta of its opening book is taken as hedged elsewhere, e.g.
 * in futures: assumed) and then keeps position + D / lotSize at its starting value, so its target
 * position is
 *
 * <pre>
 *   target(t) = position(0) + D(0)/lot - D(t)/lot      lots
 * </pre>
 *
 * Every {@code checkSeconds} (+ up to 20% jitter) it compares target and position. In band mode
 * ({@code hedgeMode} 0) it starts a rehedge when |target - position| &gt; {@code bandLots}; in
 * interval mode (1) every {@code intervalSeconds}. A rehedge is worked in immediate-or-cancel
 * slices of at most {@code sliceLots}, one every {@code sliceSeconds}, priced {@code slippageBps}
 * through the opposite touch (it pays the spread and walks the book), recomputing the target each
 * slice, until the position reaches it. All orders of one rehedge share one HEDGE cause whose
 * parent is the cause of the last order that moved the price the way it moved since the previous
 * rehedge ({@link AgentContext#moveCause}), or the dealer's routine hedge cause when there is none.
 *
 * <p>Short gamma (GEX &lt; 0: short puts near spot), D rises as spot falls, so the target falls:
 * the dealer sells into the fall; long gamma it buys. Nothing in this class looks at the sign of
 * gamma.
 *
 * <p>Customers. While the underlying trades, customers buy puts from the dealer at a rate
 *
 * <pre>
 *   contracts per hour = putDemandPctPerHour/100 * C0 * (100 dd) * m
 *   m                  = min(maxVolScale, max(1, rv / volRef))
 * </pre>
 *
 * with C0 the opening book's gross contracts, dd = 1 - S / max(S) the drawdown from the highest
 * spot it has seen, rv the exchange's realised vol: none in a market at its high, more the deeper
 * the fall and the higher the vol. They are struck {@code putMoneynessPct} below spot (on the
 * book's strike grid) at the first expiry at least {@code putMinDays} away, and the dealer is short
 * them. Options leave the book on their expiry ({@link DealerBook#rollOff}).
 *
 * <p>A share {@code sameDayPutShare} (default 0) of that demand is bought as same-day options,
 * expiring at the close of the day they are bought, struck {@code sameDayMoneynessPct} below spot.
 * Call overwriting, rolled: when calls the dealer is long expire, customers write {@code
 * overwriteRollShare} (default 0) of them again, {@code overwriteMoneynessPct} above spot at the
 * first expiry at least {@code overwriteMinDays} away, and the dealer buys them (docs/model.md
 * §10).
 *
 * <p>Demand pressure. Each sale is reported to the options market with its vega times {@code
 * vegaDemandImpact} (lambda, default 0): the shared surface's level is quoted at v0 (1 + p), p =
 * lambda x (vega sold to customers - vega bought from overwriters) / gross vega of the opening
 * books, at least 0 (Bollen &amp; Whaley 2004; Garleanu, Pedersen &amp; Poteshman 2009;
 * docs/model.md §10). Off by default: the surface's spot response is fitted to the VIX, which
 * already carries real customers' demand on falls; lambda &gt; 0 is a what-if for demand beyond
 * history's.
 */
public final class OptionsDealer implements Agent {
  /** The family as registered: margin accounts, 10x gross (assumed, see docs/model.md §10). */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "options-dealer",
          "holds an option book and delta-hedges it through the order book; sells puts to"
              + " customers in sell-offs (a share of them same-day) and buys the calls"
              + " overwriters write again when theirs expire",
          List.of(
              ParamSpec.real(
                  "totalNotional", "dollars of underlying the opening book controls", 3e8, 0, 1e13),
              ParamSpec.real("putCallRatio", "put / call open interest", 1.5, 0, 100),
              ParamSpec.real(
                  "putCentrePct", "centre of put open interest below spot, percent", 3, -50, 90),
              ParamSpec.real(
                  "callCentrePct", "centre of call open interest above spot, percent", 2, -90, 50),
              ParamSpec.real(
                  "strikeWidthPct",
                  "spread of open interest around its centre, percent",
                  4,
                  0.1,
                  50),
              ParamSpec.real("strikeStepPct", "strike spacing, percent of spot", 1, 0.05, 10),
              ParamSpec.whole("strikesEachSide", "strikes each side of a centre", 10, 0, 200),
              ParamSpec.whole("expiries", "number of expiries", 4, 1, 52),
              ParamSpec.whole(
                  "firstExpiryDays", "days from the start date to the first expiry", 1, 0, 3650),
              ParamSpec.whole("expirySpacingDays", "days between expiries", 7, 1, 365),
              ParamSpec.whole(
                  "callSign", "dealer side of calls: 1 long, -1 short, 0 none", 1, -1, 1),
              ParamSpec.whole(
                  "putSign", "dealer side of puts: 1 long, -1 short, 0 none", -1, -1, 1),
              ParamSpec.whole("hedgeMode", "0: rehedge beyond a band, 1: at intervals", 0, 0, 1),
              ParamSpec.real("bandLots", "delta gap that starts a rehedge, lots", 300, 0, 1e12),
              ParamSpec.real(
                  "intervalSeconds", "seconds between rehedges in interval mode", 300, 1, 86_400),
              ParamSpec.real("checkSeconds", "seconds between looks at the delta", 5, 0.01, 3600),
              ParamSpec.real("sliceLots", "largest hedge order, lots", 200, 1, 1e9),
              ParamSpec.real("sliceSeconds", "seconds between hedge orders", 2, 0.01, 3600),
              ParamSpec.real(
                  "slippageBps", "hedge order limit beyond the opposite touch, bps", 10, 0, 1000),
              ParamSpec.real(
                  "putDemandPctPerHour",
                  "customer put buying per 1% drawdown, percent of the book per hour",
                  2,
                  0,
                  1000),
              ParamSpec.real(
                  "putMoneynessPct", "strike of customer puts below spot, percent", 5, 0, 50),
              ParamSpec.real(
                  "putMinDays", "customer puts expire at least this many days out", 5, 0, 365),
              ParamSpec.real(
                  "volRef",
                  "realised vol at which put demand is not scaled up, decimal",
                  0.15,
                  0.001,
                  10),
              ParamSpec.real(
                  "maxVolScale", "cap on the realised-vol multiplier of put demand", 3, 1, 100),
              ParamSpec.real(
                  "vegaDemandImpact",
                  "rise of the surface's level per unit of customer vega bought over the opening"
                      + " books' gross vega (0, the default: none beyond the fitted spot response)",
                  0,
                  0,
                  10),
              ParamSpec.real(
                  "sameDayPutShare",
                  "share of customer put demand bought as options expiring at today's close"
                      + " (0DTE)",
                  0,
                  0,
                  1),
              ParamSpec.real(
                  "sameDayMoneynessPct",
                  "strike of same-day customer puts below spot, percent",
                  1,
                  0,
                  50),
              ParamSpec.real(
                  "overwriteRollShare",
                  "share of the dealer's long calls that customers write again when they expire"
                      + " (call overwriting rolled; 0: none)",
                  0,
                  0,
                  1),
              ParamSpec.real(
                  "overwriteMoneynessPct",
                  "strike of overwritten calls above spot, percent",
                  2,
                  0,
                  50),
              ParamSpec.real(
                  "overwriteMinDays",
                  "overwritten calls expire at least this many days out",
                  28,
                  0,
                  365)),
          OptionsDealer::new,
          AccountKind.MARGIN,
          10.0);

  private final Instrument ins;
  private final DealerBookSpec spec;
  private final boolean bands;
  private final double bandLots;
  private final long intervalNanos;
  private final long checkNanos;
  private final long sliceLots;
  private final long sliceNanos;
  private final double slippage;
  private final double putDemand;
  private final double putMoneyness;
  private final long putMinNanos;
  private final double volRef;
  private final double maxVolScale;
  private final double vegaDemandImpact;
  private final double sameDayPutShare;
  private final double sameDayMoneyness;
  private final double overwriteRollShare;
  private final double overwriteMoneyness;
  private final long overwriteMinNanos;
  private final double lotUnits;

  private OptionsMarket market;
  private VolSurface surface;
  private DealerBook book;
  private long[] expiries;
  private double neutralLots;
  private long openingContracts;
  private double strikeGrid;
  private double peak;
  private double pendingPuts;
  private double pendingSameDayPuts;
  private double pendingCalls;
  private long lastDemand;
  private boolean working;
  private int hedgeCause;
  private long nextRehedge;
  private double spotAtLastRehedge;

  OptionsDealer(AgentSetup s) {
    if (s.instruments().isEmpty()) {
      throw new IllegalArgumentException(s.agentId() + ": an options dealer needs an instrument");
    }
    ins = s.instruments().get(0);
    spec =
        new DealerBookSpec(
            s.get("totalNotional"),
            s.get("putCallRatio"),
            s.get("putCentrePct"),
            s.get("callCentrePct"),
            s.get("strikeWidthPct"),
            s.get("strikeStepPct"),
            s.getInt("strikesEachSide"),
            s.getInt("expiries"),
            s.getInt("firstExpiryDays"),
            s.getInt("expirySpacingDays"),
            s.getInt("callSign"),
            s.getInt("putSign"));
    bands = s.getInt("hedgeMode") == 0;
    bandLots = s.get("bandLots");
    intervalNanos = Time.seconds(s.get("intervalSeconds"));
    checkNanos = Time.seconds(s.get("checkSeconds"));
    sliceLots = s.getLong("sliceLots");
    sliceNanos = Time.seconds(s.get("sliceSeconds"));
    slippage = s.get("slippageBps") / 10_000;
    putDemand = s.get("putDemandPctPerHour") / 100;
    putMoneyness = s.get("putMoneynessPct") / 100;
    putMinNanos = Math.round(s.get("putMinDays") * Time.NANOS_PER_DAY);
    volRef = s.get("volRef");
    maxVolScale = s.get("maxVolScale");
    vegaDemandImpact = s.get("vegaDemandImpact");
    sameDayPutShare = s.get("sameDayPutShare");
    sameDayMoneyness = s.get("sameDayMoneynessPct") / 100;
    overwriteRollShare = s.get("overwriteRollShare");
    overwriteMoneyness = s.get("overwriteMoneynessPct") / 100;
    overwriteMinNanos = Math.round(s.get("overwriteMinDays") * Time.NANOS_PER_DAY);
    lotUnits = ins.lotSize().doubleValue();
  }

  /** This dealer's option book (for tests and reports). */
  public DealerBook book() {
    return book;
  }

  @Override
  public void start(AgentContext ctx) {
    market = ctx.options();
    surface = market.surface(ins);
    ZoneId zone = ins.session().zone();
    double spot = spot(ctx);
    book = spec.build(spot, ctx.now(), zone, OptionsMarket.RATE, OptionsMarket.DIV);
    expiries = new long[spec.expiries()];
    for (int e = 0; e < expiries.length; e++) {
      expiries[e] = spec.expiryNanos(e, ctx.now(), zone);
    }
    market.register(ins, book);
    openingContracts = book.grossContracts();
    strikeGrid = spot * spec.strikeStepPct() / 100;
    neutralLots = ctx.position(ins) + book.delta(spot, ctx.now(), surface) / lotUnits;
    peak = spot;
    lastDemand = ctx.now();
    spotAtLastRehedge = spot;
    nextRehedge = ctx.now() + intervalNanos;
    ctx.wakeIn((long) (checkNanos * ctx.random().nextDouble()), 0);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    long now = ctx.now();
    if (overwriteRollShare > 0) {
      pendingCalls += overwriteRollShare * book.longContractsExpiring(OptionType.CALL, now);
    }
    long gone = book.rollOff(now);
    if (gone > 0) {
      market.recordRollOff(ins, gone);
    }
    if (!ctx.isOpen(ins)) {
      working = false;
      long next = Math.min(ctx.nextOpen(ins), book.earliestExpiry());
      ctx.wakeAt(Math.max(next, now + 1) + 1, 0);
      lastDemand = Math.max(lastDemand, next);
      return;
    }
    double spot = spot(ctx);
    customerDemand(ctx, spot, now);
    long target = Math.round(neutralLots - book.delta(spot, now, surface) / lotUnits);
    long gap = target - ctx.position(ins);
    if (!working && gap != 0) {
      boolean due = bands ? Math.abs(gap) > bandLots : now >= nextRehedge;
      if (due) {
        working = true;
        hedgeCause = newHedgeCause(ctx, spot, gap);
        spotAtLastRehedge = spot;
      }
    }
    if (!bands && now >= nextRehedge) {
      nextRehedge = now + intervalNanos;
    }
    if (working) {
      if (gap == 0) {
        working = false;
      } else {
        long qty = Math.min(Math.abs(gap), sliceLots);
        sendSlice(ctx, gap > 0 ? Side.BUY : Side.SELL, qty);
        working = Math.abs(gap) > qty;
      }
    }
    long wait = working ? sliceNanos : checkNanos;
    ctx.wakeIn(wait + (long) (0.2 * wait * ctx.random().nextDouble()), 0);
  }

  private int newHedgeCause(AgentContext ctx, double spot, long gap) {
    int parent = ctx.moveCause(ins, spot < spotAtLastRehedge);
    if (parent < 0) {
      return ctx.routineCause(CauseKind.HEDGE);
    }
    return ctx.cause(
        CauseKind.HEDGE, parent, (gap > 0 ? "delta hedge buy " : "delta hedge sell ") + gap);
  }

  private void sendSlice(AgentContext ctx, Side side, long qty) {
    if (side == Side.BUY) {
      long ask = ctx.bestAsk(ins);
      if (ask != OrderBook.NO_PRICE) {
        ctx.ioc(ins, side, (long) Math.ceil(ask * (1 + slippage)), qty, hedgeCause);
      }
    } else {
      long bid = ctx.bestBid(ins);
      if (bid != OrderBook.NO_PRICE) {
        ctx.ioc(ins, side, Math.max(1, (long) Math.floor(bid * (1 - slippage))), qty, hedgeCause);
      }
    }
  }

  private void customerDemand(AgentContext ctx, double spot, long now) {
    peak = Math.max(peak, spot);
    double hours = (double) (now - lastDemand) / Time.NANOS_PER_HOUR;
    lastDemand = now;
    if (hours <= 0) {
      return;
    }
    overwrite(spot, now);
    double drawdownPct = 100 * (1 - spot / peak);
    if (putDemand <= 0 || drawdownPct <= 0) {
      return;
    }
    double volScale = Math.min(maxVolScale, Math.max(1, ctx.realizedVol(ins) / volRef));
    double demand = putDemand * openingContracts * drawdownPct * volScale * hours;
    pendingPuts += (1 - sameDayPutShare) * demand;
    pendingSameDayPuts += sameDayPutShare * demand;
    long n = (long) Math.floor(pendingPuts);
    if (n >= 1) {
      long expiry = firstExpiry(now, putMinNanos);
      if (expiry != Long.MIN_VALUE) {
        pendingPuts -= n;
        tradeWithCustomer(OptionType.PUT, spot * (1 - putMoneyness), expiry, -n, spot, now, false);
      }
    }
    long m = (long) Math.floor(pendingSameDayPuts);
    if (m >= 1) {
      pendingSameDayPuts -= m;
      long close = ctx.sessionClose(ins);
      tradeWithCustomer(OptionType.PUT, spot * (1 - sameDayMoneyness), close, -m, spot, now, true);
    }
  }

  /**
   * Customers' call overwriting, rolled: the calls the dealer was long that expired (written by
   * overwriters, the convention behind dealers long calls) are written again, {@code
   * overwriteRollShare} of them, struck overwriteMoneynessPct above spot at the first expiry at
   * least overwriteMinDays away, at the first look with the underlying trading.
   */
  private void overwrite(double spot, long now) {
    long n = (long) Math.floor(pendingCalls);
    if (n < 1) {
      return;
    }
    long expiry = firstExpiry(now, overwriteMinNanos);
    if (expiry == Long.MIN_VALUE) {
      return;
    }
    pendingCalls -= n;
    tradeWithCustomer(
        OptionType.CALL, spot * (1 + overwriteMoneyness), expiry, n, spot, now, false);
  }

  /**
   * Books a trade with customers at the grid strike nearest {@code strikeTarget}: {@code
   * dealerContracts} below 0 for puts customers buy (the dealer short them), above 0 for calls
   * overwriters write (the dealer long them), and reports it to the options market with its vega.
   */
  private void tradeWithCustomer(
      OptionType type,
      double strikeTarget,
      long expiry,
      long dealerContracts,
      double spot,
      long now,
      boolean sameDay) {
    double strike = Math.max(1, Math.round(strikeTarget / strikeGrid)) * strikeGrid;
    book.add(type, strike, expiry, dealerContracts);
    long n = Math.abs(dealerContracts);
    double vega = OptionContract.MULTIPLIER * n * lineVega(strike, expiry, spot, now);
    if (dealerContracts < 0) {
      market.recordCustomerPuts(ins, n, vegaDemandImpact * vega, sameDay);
    } else {
      market.recordCustomerCalls(ins, n, vegaDemandImpact * vega);
    }
  }

  /** Black-Scholes vega of one unit at the surface's vol, dollars per 1.00 of vol. */
  private double lineVega(double strike, long expiry, double spot, long now) {
    double years = (expiry - now) / (365.0 * Time.NANOS_PER_DAY);
    double fwd = spot * StrictMath.exp((OptionsMarket.RATE - OptionsMarket.DIV) * years);
    double vol = surface.volAtStrike(strike, fwd, years);
    return BlackScholes.vega(spot, strike, years, OptionsMarket.RATE, OptionsMarket.DIV, vol);
  }

  /** The first generated expiry at least {@code min} away, else the last one not yet expired. */
  private long firstExpiry(long now, long min) {
    long fallback = Long.MIN_VALUE;
    for (long x : expiries) {
      if (x > now) {
        if (x - now >= min) {
          return x;
        }
        fallback = x;
      }
    }
    return fallback;
  }

  private double spot(AgentContext ctx) {
    return ctx.mid(ins) * ins.tickSize().doubleValue();
  }
}
