package dev.cascade.agents.passive;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ArbitrageCauses;
import dev.cascade.agents.EtfBasket;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * An authorised participant keeping an ETF (its first instrument) near its net asset value. Every
 * {@code intervalSeconds} it compares the fund's touch with the NAV from the constituents' mids:
 * when the bid exceeds NAV by more than {@code thresholdBps} it sells up to {@code size} fund lots
 * with an immediate-or-cancel order limited at NAV plus the threshold (it takes every bid above
 * that, not only the touch) and buys the matching fraction of the creation basket; when the ask is
 * below NAV by more it buys the fund down to NAV less the threshold and sells the basket. Basket
 * lots are accumulated as fractions (lots_k x filled / unitLots) and traded in whole lots, so its
 * basket trades follow index weights. Whenever its fund inventory drifts a whole creation unit from
 * where it started it redeems (or creates) a unit with the issuer, as balanced ledger transfers,
 * and is flat again. Causes: a HEDGE cause ("ETF arbitrage") whose parent is whoever opened the gap
 * it closes, the cause of the last order that moved the fund's price down (when it buys the fund at
 * a discount) or up (when it sells at a premium); before any such move, the fund's latest flow
 * shock or genesis. So a dealer's hedge sold into the fund reaches the basket as "hedge > ETF
 * arbitrage".
 *
 * <p>Trades only with immediate-or-cancel and market orders, so nothing it holds is reserved when
 * it creates or redeems. Defaults assumed: 10 bps threshold (a few times the half-spread), 1 s.
 */
public final class AuthorizedParticipant implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "etf-ap",
          "authorised participant: arbitrages an ETF against its basket, creates and redeems units",
          List.of(
              ParamSpec.real("intervalSeconds", "seconds between looks", 1, 0.01, 86_400),
              ParamSpec.real(
                  "thresholdBps", "premium or discount to NAV needed, bps", 10, 0, 10_000),
              ParamSpec.real("size", "largest fund trade per look, lots", 200, 1, 1e9)),
          AuthorizedParticipant::new);

  private final Instrument etf;
  private final long interval;
  private final double threshold;
  private final long size;
  private EtfBasket basket;
  private double[] pending;
  private long startPosition;
  private ArbitrageCauses causes;
  private int cause = CauseLog.GENESIS;

  AuthorizedParticipant(AgentSetup s) {
    etf = s.instruments().get(0);
    interval = Time.seconds(s.get("intervalSeconds"));
    threshold = s.get("thresholdBps") / 10_000;
    size = s.getLong("size");
  }

  @Override
  public void start(AgentContext ctx) {
    basket = ctx.basket(etf);
    if (basket == null) {
      return;
    }
    pending = new double[basket.size()];
    causes = new ArbitrageCauses(etf.symbol() + " ETF arbitrage");
    startPosition = ctx.position(etf);
    ctx.wakeIn((long) (interval * ctx.random().nextDouble()), 0);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    ctx.wakeIn(interval, 0);
    if (!ctx.isOpen(etf)) {
      return;
    }
    double nav = ctx.nav(etf);
    long bid = ctx.bestBid(etf);
    long ask = ctx.bestAsk(etf);
    long before = ctx.position(etf);
    if (bid > 0 && bid > nav * (1 + threshold)) {
      long q = Math.min(size, before);
      if (q > 0) {
        ctx.ioc(etf, Side.SELL, (long) Math.ceil(nav * (1 + threshold)), q, cause(ctx, false));
      }
    } else if (ask > 0 && ask < nav * (1 - threshold)) {
      ctx.ioc(etf, Side.BUY, (long) Math.floor(nav * (1 - threshold)), size, cause(ctx, true));
    }
    long filled = ctx.position(etf) - before;
    // Bought fund lots are hedged by selling basket, sold ones by buying it.
    for (int k = 0; k < basket.size(); k++) {
      pending[k] -= (double) filled * basket.lots(k) / basket.unitLots();
      Instrument c = basket.constituent(k);
      long lots = (long) pending[k];
      if (lots < 0) {
        lots = -Math.min(-lots, ctx.position(c));
      }
      if (lots != 0 && ctx.isOpen(c)) {
        if (ctx.market(c, lots > 0 ? Side.BUY : Side.SELL, Math.abs(lots), hedgeCause(ctx)) > 0) {
          pending[k] -= lots;
        }
      }
    }
    long drift = ctx.position(etf) - startPosition;
    if (drift >= basket.unitLots()) {
      ctx.redeem(etf, drift / basket.unitLots());
    } else if (drift <= -basket.unitLots()) {
      ctx.create(etf, -drift / basket.unitLots());
    }
  }

  /**
   * The cause of a fund trade: under the last order that moved the fund's price down (a buy at a
   * discount) or up, unless that order was this AP's own; else under the latest flow shock.
   */
  private int cause(AgentContext ctx, boolean buying) {
    cause = causes.under(ctx, ctx.moveCause(etf, buying), ctx.flowCause(etf));
    return cause;
  }

  /** The cause of basket trades: that of the latest fund trade (the flow shock's before any). */
  private int hedgeCause(AgentContext ctx) {
    return cause == CauseLog.GENESIS ? cause(ctx, true) : cause;
  }
}
