package dev.cascade.agents.passive;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * Institutional holders of an ETF (its first instrument) executing investor flows on the exchange:
 * every {@code intervalSeconds} it takes {@code share} of the flow that flow shocks schedule into
 * the fund since its last look and trades it as whole lots at the mid's dollar value with market
 * orders (selling for an outflow), carrying fractions over. Commentary 000: "Institutional desks
 * offloaded 42 billion dollars in tech-heavy ETF shares within the first six hours".
 */
public final class EtfHolder implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "etf-holder",
          "institutional ETF holders selling (buying) the fund as flow shocks schedule outflows"
              + " (inflows)",
          List.of(
              ParamSpec.real("intervalSeconds", "seconds between orders", 30, 0.01, 86_400),
              ParamSpec.real("share", "fraction of the fund's flow this agent executes", 1, 0, 1)),
          EtfHolder::new);

  private final Instrument etf;
  private final long interval;
  private final FlowLedger flow;
  private double pending;

  EtfHolder(AgentSetup s) {
    etf = s.instruments().get(0);
    interval = Time.seconds(s.get("intervalSeconds"));
    flow = new FlowLedger(etf, s.get("share"));
  }

  @Override
  public void start(AgentContext ctx) {
    flow.since(ctx);
    ctx.wakeIn(interval, 0);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    ctx.wakeIn(interval, 0);
    pending += flow.since(ctx);
    if (!ctx.isOpen(etf) || pending == 0) {
      return;
    }
    double lotDollars = ctx.mid(etf) * etf.cashPerTickLot() / 1e6;
    long lots = (long) (pending / lotDollars);
    if (lots < 0) {
      lots = -Math.min(-lots, ctx.position(etf));
    }
    if (lots == 0) {
      return;
    }
    long r =
        ctx.market(etf, lots > 0 ? Side.BUY : Side.SELL, Math.abs(lots), flow.cause(ctx, lots));
    if (r > 0) {
      pending -= lots * lotDollars;
    }
  }
}
