package dev.cascade.agents.crypto;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.Distribution;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseKind;
import dev.cascade.ledger.AccountKind;
import dev.cascade.margin.TieredMargin;
import dev.cascade.market.AssetClass;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * A leveraged perpetual-futures trader. At the start it holds one position in the first perpetual
 * of its instruments, opened before the run ({@link AgentContext#openHeldPosition}):
 *
 * <pre>
 *   side     = long with probability longProbability, else short
 *   leverage = the drawn leverage, at most the venue's largest for the notional
 *   entry    = start price x (1 + u), u uniform in +-entrySpreadPct, its adverse part capped at
 *              half of (1 / leverage - maintenance rate), so no one starts already liquidatable
 *   lots     = cash x leverage / (entry x cash per tick-lot)      (isolated margin: cash posted
 *                                                               = notional / leverage)
 * </pre>
 *
 * Its liquidation price is then about entry x (1 - 1/leverage + maintenance rate) for a long (entry
 * x (1 + 1/leverage - rate) for a short): over a group the liquidation prices form a ladder below
 * (longs) and above (shorts) the market. It never trades again on its own: it holds until the
 * venue's liquidation engine closes it.
 *
 * <p>With {@code venueMargin} = 1 (the default) the account is isolated at the crypto venue, which
 * liquidates it at once with IOC orders at the bankruptcy price. With 0 it is cross-margined with
 * its equity holdings (the group's {@code holdings}) at the prime broker under one agreement; when
 * called it sells equities worth {@code coverMultiple} x the call amount (selling stock lowers the
 * requirement by the Reg-T maintenance rate of 25% of what is sold, so 4x cures the call; 5x leaves
 * a buffer, assumed), with a cause whose parent is the margin call: the commentary's "High leverage
 * players sell out → Sell off US tech stocks to replenish margin" (004).
 *
 * <p>Defaults: 88% long (DESIGN.md, Oct 10 2025: about 88% of liquidations were longs), leverage
 * lognormal with median 20x clamped to 2x-100x (assumed; venues allow up to 125x on BTC), entry
 * spread +-3% (assumed).
 */
public final class PerpTrader implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "perp-trader",
          "leveraged perpetual trader: one position from the start, liquidated by its venue",
          List.of(
              ParamSpec.real("longProbability", "probability of holding long", 0.88, 0, 1),
              new ParamSpec(
                  "leverage",
                  "notional / cash posted, multiple",
                  Distribution.lognormal(StrictMath.log(20), 0.6),
                  2,
                  100,
                  false),
              ParamSpec.real(
                  "entrySpreadPct", "entries spread this far around the start price, %", 3, 0, 50),
              ParamSpec.whole(
                  "venueMargin", "1: isolated at the crypto venue, 0: cross-margined", 1, 0, 1),
              ParamSpec.real(
                  "coverMultiple", "when called, sell equities worth this x the call", 5, 0, 100)),
          PerpTrader::new,
          AccountKind.MARGIN,
          125);

  private static final TieredMargin TIERS = TieredMargin.binanceBtc();

  private final List<Instrument> instruments;
  private final double longProbability;
  private final double leverage;
  private final double spread;
  private final boolean cross;
  private final double coverMultiple;

  PerpTrader(AgentSetup s) {
    instruments = s.instruments();
    longProbability = s.get("longProbability");
    leverage = s.get("leverage");
    spread = s.get("entrySpreadPct") / 100;
    cross = s.getLong("venueMargin") == 0;
    coverMultiple = s.get("coverMultiple");
  }

  @Override
  public void start(AgentContext ctx) {
    Instrument perp = null;
    for (Instrument i : instruments) {
      if (i.assetClass() == AssetClass.CRYPTO_PERP) {
        perp = i;
        break;
      }
    }
    double u = (2 * ctx.random().nextDouble() - 1) * spread;
    boolean isLong = ctx.random().nextDouble() < longProbability;
    long start = ctx.lastPrice(perp == null ? instruments.get(0) : perp);
    if (perp == null || start <= 0 || ctx.cash() <= 0) {
      return;
    }
    double cashDollars = ctx.cash() / 1e6;
    double lev = Math.min(leverage, TIERS.maxLeverage(cashDollars * leverage));
    double notional = cashDollars * lev;
    double rate = TIERS.maintenanceDollars(notional) / notional;
    double adverse = Math.max(0, 0.5 * (1 / lev - rate));
    u = isLong ? Math.min(u, adverse) : Math.max(u, -adverse);
    long entry = Math.max(1, Math.round(start * (1 + u)));
    long lots = (long) (ctx.cash() * lev / ((double) entry * perp.cashPerTickLot()));
    if (lots > 0) {
      ctx.openHeldPosition(perp, isLong ? lots : -lots, entry);
    }
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    if (tag != AgentContext.MARGIN_CALL_TAG || !cross) {
      return; // isolated: the venue's liquidation engine acts, the trader does not
    }
    double target = coverMultiple * ctx.marginCallAmount();
    double held = 0;
    for (Instrument i : instruments) {
      if (sellable(ctx, i)) {
        held += ctx.position(i) * ctx.mid(i) * i.cashPerTickLot();
      }
    }
    if (target <= 0 || held <= 0) {
      return;
    }
    double fraction = Math.min(1, target / held);
    int cause =
        ctx.cause(
            CauseKind.REBALANCE, ctx.marginCallCause(), ctx.agentId() + " sells stock for margin");
    for (Instrument i : instruments) {
      if (sellable(ctx, i)) {
        long lots = (long) Math.ceil(ctx.position(i) * fraction);
        ctx.market(i, Side.SELL, Math.min(lots, ctx.position(i)), cause);
      }
    }
  }

  private static boolean sellable(AgentContext ctx, Instrument i) {
    return i.assetClass() != AssetClass.CRYPTO_PERP
        && i.assetClass() != AssetClass.FUTURE
        && ctx.position(i) > 0
        && ctx.isOpen(i);
  }
}
