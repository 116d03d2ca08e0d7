package dev.cascade.agents.passive;

import dev.cascade.agents.AgentContext;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.market.Instrument;

/**
 * The part of a fund's scheduled investor flow not yet traded: each look adds the flow since the
 * last look and the caller trades whole lots of it, so fractions of a lot carry over and nothing is
 * lost to rounding. Also keeps one cause per flow shock: REDEMPTION for outflows, REBALANCE for
 * inflows, each with the flow shock as parent.
 */
final class FlowLedger {
  private final Instrument fund;
  private final double share;
  private long lastLook = Long.MIN_VALUE;
  private int shock = CauseLog.GENESIS;
  private int cause = CauseLog.GENESIS;

  FlowLedger(Instrument fund, double share) {
    this.fund = fund;
    this.share = share;
  }

  /** Dollars of flow (this holder's share) since the last call. */
  double since(AgentContext ctx) {
    long now = ctx.now();
    double d = lastLook == Long.MIN_VALUE ? 0 : share * ctx.flowDollars(fund, lastLook, now);
    lastLook = now;
    return d;
  }

  /** The cause for trades executing the current flow. */
  int cause(AgentContext ctx, double dollars) {
    int s = ctx.flowCause(fund);
    if (s != shock || cause == CauseLog.GENESIS) {
      shock = s;
      cause =
          ctx.cause(
              dollars < 0 ? CauseKind.REDEMPTION : CauseKind.REBALANCE,
              s,
              fund.symbol() + (dollars < 0 ? " outflow" : " inflow"));
    }
    return cause;
  }
}
