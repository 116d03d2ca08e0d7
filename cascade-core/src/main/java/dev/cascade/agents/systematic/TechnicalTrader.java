package dev.cascade.agents.systematic;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseKind;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * A technical trader watching the levels desks watch on its first instrument: the 100- and 200-day
 * moving averages and the Fibonacci retracements of a swing, swingHigh - f (swingHigh - swingLow)
 * for f in {0.236, 0.382, 0.5, 0.618, 0.786}. The levels come from the scenario (a run is at most a
 * month, over which 100- and 200-day averages barely move, so they are held fixed). Every {@code
 * intervalSeconds} it compares the mid with each level: a close below a level it was above sells
 * {@code size} lots (if held), a move back above buys {@code size}. The cause is a MOMENTUM cause
 * naming the level, whose parent is the latest scenario shock (the presumed root of the move).
 */
public final class TechnicalTrader implements Agent {
  static final double[] FIBONACCI = {0.236, 0.382, 0.5, 0.618, 0.786};

  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "technical",
          "sells breaks of the 100/200-day moving averages and Fibonacci retracements",
          List.of(
              ParamSpec.real(
                  "ma100", "100-day moving average, currency units (0: none)", 0, 0, 1e9),
              ParamSpec.real(
                  "ma200", "200-day moving average, currency units (0: none)", 0, 0, 1e9),
              ParamSpec.real("swingHigh", "swing high for retracements (0: none)", 0, 0, 1e9),
              ParamSpec.real("swingLow", "swing low for retracements (0: none)", 0, 0, 1e9),
              ParamSpec.real("intervalSeconds", "seconds between looks", 10, 0.01, 86_400),
              ParamSpec.real("size", "lots per level crossed", 100, 1, 1e9)),
          TechnicalTrader::new);

  private final Instrument ins;
  private final long interval;
  private final long size;
  private final double[] levels;
  private final String[] names;
  private boolean[] above;

  TechnicalTrader(AgentSetup s) {
    ins = s.instruments().get(0);
    interval = dev.cascade.kernel.Time.seconds(s.get("intervalSeconds"));
    size = s.getLong("size");
    List<Double> lv = new ArrayList<>();
    List<String> nm = new ArrayList<>();
    if (s.get("ma100") > 0) {
      lv.add(s.get("ma100"));
      nm.add("100-day MA");
    }
    if (s.get("ma200") > 0) {
      lv.add(s.get("ma200"));
      nm.add("200-day MA");
    }
    double hi = s.get("swingHigh");
    double lo = s.get("swingLow");
    if (hi > lo && lo > 0) {
      for (double f : FIBONACCI) {
        lv.add(hi - f * (hi - lo));
        nm.add("Fibonacci " + f);
      }
    }
    levels = lv.stream().mapToDouble(Double::doubleValue).toArray();
    names = nm.toArray(new String[0]);
  }

  @Override
  public void start(AgentContext ctx) {
    above = new boolean[levels.length];
    double p = ins.price(ctx.lastPrice(ins));
    for (int k = 0; k < levels.length; k++) {
      above[k] = p >= levels[k];
    }
    if (levels.length > 0) {
      ctx.wakeIn((long) (interval * ctx.random().nextDouble()), 0);
    }
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    ctx.wakeIn(interval, 0);
    if (!ctx.isOpen(ins)) {
      return;
    }
    double p = ins.price(Math.round(ctx.mid(ins)));
    for (int k = 0; k < levels.length; k++) {
      boolean now = p >= levels[k];
      if (now == above[k]) {
        continue;
      }
      above[k] = now;
      long qty = now ? size : Math.min(size, ctx.position(ins));
      if (qty <= 0) {
        continue;
      }
      int cause =
          ctx.cause(
              CauseKind.MOMENTUM,
              ctx.latestShock(),
              (now ? "reclaim of " : "break of ") + names[k] + " " + levels[k]);
      ctx.market(ins, now ? Side.BUY : Side.SELL, qty, cause);
    }
  }
}
