package dev.cascade.agents.systematic;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * A moving-average-crossover trader. Every {@code intervalSeconds} it updates a fast and a slow
 * exponential moving average of the mid (time constants {@code fastSeconds} and {@code
 * slowSeconds}, weight 1 - exp(-dt / tau)); when the fast average is above the slow one by more
 * than {@code thresholdBps} its target is +maxPosition lots, below by more it is -maxPosition (0 in
 * a cash account, which cannot short), otherwise it holds. It moves towards the target by at most
 * {@code size} lots per look with market orders.
 */
public final class MomentumTrader implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "momentum",
          "moving-average crossover: buys when the fast average rises above the slow one",
          List.of(
              ParamSpec.real("intervalSeconds", "seconds between looks", 30, 0.01, 86_400),
              ParamSpec.real("fastSeconds", "fast average time constant, seconds", 300, 1, 1e7),
              ParamSpec.real("slowSeconds", "slow average time constant, seconds", 1800, 1, 1e8),
              ParamSpec.real(
                  "thresholdBps", "gap between averages needed to act, bps", 5, 0, 10_000),
              ParamSpec.real("size", "largest order, lots", 200, 1, 1e9),
              ParamSpec.real("maxPosition", "target position size, lots", 2000, 0, 1e12)),
          MomentumTrader::new);

  private final List<Instrument> instruments;
  private final long interval;
  private final double fastTau;
  private final double slowTau;
  private final double threshold;
  private final long size;
  private final long maxPosition;
  private final double[] fast;
  private final double[] slow;
  private final long[] lastLook;
  private int cause;

  MomentumTrader(AgentSetup s) {
    instruments = s.instruments();
    interval = Time.seconds(s.get("intervalSeconds"));
    fastTau = s.get("fastSeconds");
    slowTau = s.get("slowSeconds");
    threshold = s.get("thresholdBps") / 10_000;
    size = s.getLong("size");
    maxPosition = s.getLong("maxPosition");
    fast = new double[instruments.size()];
    slow = new double[instruments.size()];
    lastLook = new long[instruments.size()];
  }

  @Override
  public void start(AgentContext ctx) {
    cause = ctx.routineCause(CauseKind.MOMENTUM);
    // Stagger the first look so a group does not act in lockstep.
    ctx.wakeIn((long) (interval * ctx.random().nextDouble()), 0);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    ctx.wakeIn(interval, 0);
    for (int k = 0; k < instruments.size(); k++) {
      Instrument ins = instruments.get(k);
      if (!ctx.isOpen(ins)) {
        continue;
      }
      double m = ctx.mid(ins);
      if (lastLook[k] == 0) {
        fast[k] = m;
        slow[k] = m;
        lastLook[k] = ctx.now();
        continue;
      }
      double dt = (double) (ctx.now() - lastLook[k]) / Time.NANOS_PER_SECOND;
      lastLook[k] = ctx.now();
      fast[k] += (1 - StrictMath.exp(-dt / fastTau)) * (m - fast[k]);
      slow[k] += (1 - StrictMath.exp(-dt / slowTau)) * (m - slow[k]);
      long pos = ctx.position(ins);
      long target;
      if (fast[k] > slow[k] * (1 + threshold)) {
        target = maxPosition;
      } else if (fast[k] < slow[k] * (1 - threshold)) {
        target = 0;
      } else {
        continue;
      }
      long delta = Math.max(-size, Math.min(size, target - pos));
      if (delta != 0) {
        ctx.market(ins, delta > 0 ? Side.BUY : Side.SELL, Math.abs(delta), cause);
      }
    }
  }
}
