package dev.cascade.agents.systematic;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import java.util.List;

/**
 * A fund that rebalances once a trading day near the close. At {@code rebalanceMinutesBeforeClose}
 * before the close of its first instrument it measures each instrument's log return since the last
 * rebalance (the first day: since the reference price, the previous close), asks the strategy for
 * target exposures as fractions of equity, caps the change at {@code maxDailyChangePct} of equity
 * per instrument (larger changes are spread over days), ignores changes under {@code bandPct}, and
 * works the trades in slices over {@code rebalanceMinutes}. Equity = cash + positions at last
 * prices, over its own instruments.
 *
 * <p>The cause of a rebalance is a REBALANCE cause whose parent is the latest scenario shock if one
 * happened since the previous rebalance (the shock is then the root of the trade), else genesis.
 */
abstract class CloseRebalancingFund implements Agent {
  static final int REBALANCE = 0;
  static final int SLICE = 1;
  static final int PLAN = 2;

  /** The parameters every close-rebalancing fund takes. */
  static List<ParamSpec> scheduleParams() {
    return List.of(
        ParamSpec.real(
            "rebalanceMinutesBeforeClose",
            "when the daily rebalance starts, minutes before the close",
            20,
            1,
            600),
        ParamSpec.real(
            "rebalanceMinutes", "how long the rebalance is worked, minutes", 15, 0.1, 600),
        ParamSpec.whole("slices", "orders per instrument over the rebalance window", 10, 1, 1000),
        ParamSpec.real(
            "maxDailyChangePct",
            "largest change of an instrument's exposure per day, percent of equity",
            25,
            0.1,
            1000),
        ParamSpec.real(
            "bandPct", "smallest exposure change worth trading, percent of equity", 1, 0, 100));
  }

  final List<Instrument> instruments;
  private final long beforeClose;
  private final long window;
  private final int slices;
  private final double maxChange;
  private final double band;
  private final double[] lastPrice;
  private final SlicedRebalance work;
  private long lastRebalance = Long.MIN_VALUE;

  CloseRebalancingFund(AgentSetup s) {
    instruments = s.instruments();
    beforeClose = Math.round(s.get("rebalanceMinutesBeforeClose") * Time.NANOS_PER_MINUTE);
    window = Math.round(s.get("rebalanceMinutes") * Time.NANOS_PER_MINUTE);
    slices = s.getInt("slices");
    maxChange = s.get("maxDailyChangePct") / 100;
    band = s.get("bandPct") / 100;
    lastPrice = new double[instruments.size()];
    work = new SlicedRebalance(instruments.size());
  }

  /** Called once at the start with the priors readable from the context. */
  abstract void init(AgentContext ctx);

  /**
   * Target exposures, fractions of equity (signed), given today's log returns; records the day.
   *
   * @return a short description of why, for the cause label
   */
  abstract String targets(AgentContext ctx, double[] returns, double[] out);

  @Override
  public final void start(AgentContext ctx) {
    for (int k = 0; k < lastPrice.length; k++) {
      lastPrice[k] = ctx.lastPrice(instruments.get(k));
    }
    init(ctx);
    scheduleNext(ctx);
  }

  private void scheduleNext(AgentContext ctx) {
    long at = ctx.sessionClose(instruments.get(0)) - beforeClose;
    if (at <= ctx.now()) {
      // Too late today: plan again just after this session's close.
      ctx.wakeAt(ctx.sessionClose(instruments.get(0)) + 1, PLAN);
    } else {
      ctx.wakeAt(at, REBALANCE);
    }
  }

  @Override
  public final void wake(AgentContext ctx, int tag) {
    switch (tag) {
      case PLAN -> scheduleNext(ctx);
      case SLICE -> {
        work.slice(ctx, instruments);
        if (work.active()) {
          ctx.wakeIn(Math.max(1, window / slices), SLICE);
        }
      }
      case REBALANCE -> {
        rebalance(ctx);
        ctx.wakeAt(ctx.sessionClose(instruments.get(0)) + 1, PLAN);
      }
      default -> {}
    }
  }

  private void rebalance(AgentContext ctx) {
    int n = instruments.size();
    double[] r = new double[n];
    double[] price = new double[n];
    double equity = ctx.cash() / 1e6;
    for (int k = 0; k < n; k++) {
      Instrument ins = instruments.get(k);
      price[k] = ctx.mid(ins);
      r[k] = StrictMath.log(price[k] / lastPrice[k]);
      lastPrice[k] = price[k];
      equity += ctx.position(ins) * price[k] * ins.cashPerTickLot() / 1e6;
    }
    double[] target = new double[n];
    String why = targets(ctx, r, target);
    long[] deltas = new long[n];
    boolean any = false;
    for (int k = 0; k < n; k++) {
      Instrument ins = instruments.get(k);
      double lotDollars = price[k] * ins.cashPerTickLot() / 1e6;
      double now = ctx.position(ins) * lotDollars / Math.max(equity, 1e-9);
      double change = Math.max(-maxChange, Math.min(maxChange, target[k] - now));
      if (equity <= 0 || Math.abs(change) < band) {
        continue;
      }
      deltas[k] = (long) (change * equity / lotDollars);
      any |= deltas[k] != 0;
    }
    if (any) {
      int parent =
          ctx.latestShockTime() > lastRebalance && ctx.latestShockTime() <= ctx.now()
              ? ctx.latestShock()
              : CauseLog.GENESIS;
      int cause = ctx.cause(CauseKind.REBALANCE, parent, ctx.agentId() + " " + why);
      work.begin(deltas, slices, cause);
      ctx.wakeIn(0, SLICE);
    }
    lastRebalance = ctx.now();
  }
}
