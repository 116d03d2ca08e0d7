package dev.cascade.agents.crypto;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ArbitrageCauses;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Time;
import dev.cascade.ledger.AccountKind;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * A basis (cash-and-carry) trader between a perpetual (its first instrument) and the spot market of
 * its index (its second). It starts in the carry trade: long the spot it holds ({@code holdings})
 * and, with {@code carry} = 1, short the same number of perpetual lots opened before the run at the
 * start price. Every {@code intervalSeconds} it compares the two books:
 *
 * <pre>
 *   perpetual ask &lt; spot bid x (1 - threshold): buy the perpetual (down to that price), sell as
 *                                                much spot as the fill
 *   perpetual bid &gt; spot ask x (1 + threshold): sell the perpetual (up to that price), buy as
 *                                                much spot
 * </pre>
 *
 * at most {@code size} lots a look, its perpetual position within +-{@code maxPosition} and never
 * selling spot it does not hold. Each fill is hedged at once in spot with a market order, lots
 * scaled by the units of the underlying in a lot of each. So a perpetual pushed below its index by
 * forced liquidations is bought and the selling is carried into spot: the channel by which
 * perpetual liquidations move bitcoin itself. Its cause is a HEDGE whose parent is whoever opened
 * the gap, the last order that moved the perpetual's price down (when it buys) or up (when it
 * sells).
 *
 * <p>Margin: at the crypto venue ({@code venueMargin} 1, the default) or the prime broker (0).
 * Defaults assumed: threshold 10 bps (two legs of taker fees and a funding interval's carry), 50
 * lots, 1 s, 20,000 lots.
 */
public final class BasisTrader implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "basis-trader",
          "cash-and-carry arbitrage: trades a perpetual against its spot index beyond a threshold",
          List.of(
              ParamSpec.real(
                  "thresholdBps",
                  "perpetual's premium or discount to spot needed, bps",
                  10,
                  0,
                  1e4),
              ParamSpec.real("size", "largest perpetual trade per look, lots", 50, 1, 1e9),
              ParamSpec.real("intervalSeconds", "seconds between looks", 1, 0.01, 86_400),
              ParamSpec.real("maxPosition", "largest perpetual position, lots", 20_000, 0, 1e12),
              ParamSpec.whole(
                  "carry", "1: start short the perpetual against the spot held", 1, 0, 1),
              ParamSpec.whole(
                  "venueMargin",
                  "1: margined at the crypto venue, 0: at the prime broker",
                  1,
                  0,
                  1)),
          BasisTrader::new,
          AccountKind.MARGIN,
          10);

  private final Instrument perp;
  private final Instrument spot;
  private final double threshold;
  private final long size;
  private final long interval;
  private final double maxPosition;
  private final boolean carry;
  private ArbitrageCauses causes;
  private int routine;
  private int last = CauseLog.GENESIS;
  private double pendingSpot;

  BasisTrader(AgentSetup s) {
    if (s.instruments().size() != 2) {
      throw new IllegalArgumentException(
          "a basis trader takes two instruments: the perpetual, then its spot index");
    }
    perp = s.instruments().get(0);
    spot = s.instruments().get(1);
    threshold = s.get("thresholdBps") / 10_000;
    size = s.getLong("size");
    interval = Time.seconds(s.get("intervalSeconds"));
    maxPosition = s.get("maxPosition");
    carry = s.getInt("carry") == 1;
  }

  @Override
  public void start(AgentContext ctx) {
    routine = ctx.routineCause(CauseKind.HEDGE);
    last = routine;
    causes = new ArbitrageCauses(perp.symbol() + " basis arbitrage");
    long held = ctx.position(spot);
    if (carry && held > 0) {
      long lots = Math.round(Math.min(maxPosition, held / perpLotsPerSpotLot(perp, spot)));
      ctx.openHeldPosition(perp, -lots, ctx.lastPrice(perp));
    }
    ctx.wakeIn((long) (interval * ctx.random().nextDouble()), 0);
  }

  /**
   * Spot lots that hedge one perpetual lot: units of the underlying per lot (cash per tick-lot over
   * the tick size) of the perpetual over those of spot. A ratio of quantities, not of prices.
   */
  private static double perpLotsPerSpotLot(Instrument perp, Instrument spot) {
    return (perp.cashPerTickLot() / perp.price(1)) / (spot.cashPerTickLot() / spot.price(1));
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    ctx.wakeIn(interval, 0);
    if (!ctx.isOpen(perp) || !ctx.isOpen(spot)) {
      return;
    }
    long perpBid = ctx.bestBid(perp);
    long perpAsk = ctx.bestAsk(perp);
    long spotBid = ctx.bestBid(spot);
    long spotAsk = ctx.bestAsk(spot);
    long pos = ctx.position(perp);
    double ratio = perpLotsPerSpotLot(perp, spot);
    long before = pos;
    if (perpAsk > 0 && spotBid > 0 && perpAsk < spotBid * (1 - threshold)) {
      long spotLots = ctx.position(spot) - Math.round(Math.max(0, -pendingSpot));
      long q = Math.min(size, Math.min((long) (maxPosition - pos), (long) (spotLots / ratio)));
      if (q > 0) {
        long limit = (long) Math.floor(spotBid * (1 - threshold));
        ctx.ioc(perp, Side.BUY, limit, q, cause(ctx, true));
      }
    } else if (perpBid > 0 && spotAsk > 0 && perpBid > spotAsk * (1 + threshold)) {
      long q = Math.min(size, (long) (maxPosition + pos));
      if (q > 0) {
        long limit = (long) Math.ceil(spotAsk * (1 + threshold));
        ctx.ioc(perp, Side.SELL, limit, q, cause(ctx, false));
      }
    }
    long filled = ctx.position(perp) - before;
    // A bought perpetual lot is hedged by selling spot, a sold one by buying it.
    pendingSpot -= filled * ratio;
    long lots = (long) pendingSpot;
    if (lots < 0) {
      lots = -Math.min(-lots, ctx.position(spot));
    }
    if (lots != 0) {
      long spotBefore = ctx.position(spot);
      ctx.market(spot, lots > 0 ? Side.BUY : Side.SELL, Math.abs(lots), last);
      pendingSpot -= ctx.position(spot) - spotBefore;
    }
  }

  /**
   * The cause of a perpetual trade: under the last order that moved the perpetual's price down (a
   * buy at a discount) or up, unless that order was this trader's own; else its routine cause.
   */
  private int cause(AgentContext ctx, boolean buying) {
    last = causes.under(ctx, ctx.moveCause(perp, buying), routine);
    return last;
  }
}
