package dev.cascade.agents.passive;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.EtfBasket;
import dev.cascade.agents.ParamSpec;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * An index fund tracking the basket of an ETF (its first instrument): every {@code intervalSeconds}
 * it takes {@code share} of the investor flow scheduled into that fund and trades the constituents
 * at their current index weights, w_k = lots_k P_k / sum_j lots_j P_j (the basket drifts with
 * prices, as a cap-weighted index does), so the largest names take the brunt. Whole lots go out as
 * market orders; fractions carry over.
 */
public final class IndexFund implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "index-fund",
          "index fund trading its benchmark's constituents at index weights as flows arrive",
          List.of(
              ParamSpec.real("intervalSeconds", "seconds between orders", 30, 0.01, 86_400),
              ParamSpec.real("share", "fraction of the fund's flow this agent executes", 1, 0, 1)),
          IndexFund::new);

  private final Instrument fund;
  private final long interval;
  private final FlowLedger flow;
  private EtfBasket basket;
  private double[] pending;

  IndexFund(AgentSetup s) {
    fund = s.instruments().get(0);
    interval = Time.seconds(s.get("intervalSeconds"));
    flow = new FlowLedger(fund, s.get("share"));
  }

  @Override
  public void start(AgentContext ctx) {
    basket = ctx.basket(fund);
    if (basket == null) {
      return; // nothing to track: the scenario gave this fund no basket
    }
    pending = new double[basket.size()];
    flow.since(ctx);
    ctx.wakeIn(interval, 0);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    ctx.wakeIn(interval, 0);
    double dollars = flow.since(ctx);
    double total = 0;
    for (int k = 0; k < basket.size(); k++) {
      Instrument c = basket.constituent(k);
      total += basket.lots(k) * ctx.mid(c) * c.cashPerTickLot();
    }
    int cause = -1;
    for (int k = 0; k < basket.size(); k++) {
      Instrument c = basket.constituent(k);
      double lotCash = ctx.mid(c) * c.cashPerTickLot();
      pending[k] += dollars * basket.lots(k) * lotCash / total;
      if (!ctx.isOpen(c)) {
        continue;
      }
      long lots = (long) (pending[k] * 1e6 / lotCash);
      if (lots < 0) {
        lots = -Math.min(-lots, ctx.position(c));
      }
      if (lots == 0) {
        continue;
      }
      if (cause < 0) {
        cause = flow.cause(ctx, dollars == 0 ? lots : dollars);
      }
      if (ctx.market(c, lots > 0 ? Side.BUY : Side.SELL, Math.abs(lots), cause) > 0) {
        pending[k] -= lots * lotCash / 1e6;
      }
    }
  }
}
