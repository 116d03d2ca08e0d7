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
 * Long holders who protect their positions with stop-loss sell orders resting at the exchange just
 * below round numbers and below support levels, where stops cluster (Osler 2003, "Currency orders
 * and exchange rate dynamics": stop-loss orders cluster just beyond round numbers). At the start,
 * for each instrument, it places one stop {@code offsetTicks} (plus a uniform draw of up to {@code
 * jitterTicks}) below each of the {@code roundLevels} round multiples of {@code roundStep} under
 * the price, and below each support level given; the held position is split evenly across the
 * stops. A trade at or through a stop turns it into a market sell, which can print through the next
 * one: every stop becomes a catalyst.
 */
public final class StopLossCluster implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "stop-loss",
          "long holders with stop-loss sells resting just below round numbers and supports",
          List.of(
              ParamSpec.real(
                  "roundStep", "spacing of round numbers, currency units (0: none)", 10, 0, 1e9),
              ParamSpec.whole("roundLevels", "round numbers below the price to use", 2, 0, 50),
              ParamSpec.real("support1", "a support level, currency units (0: none)", 0, 0, 1e9),
              ParamSpec.real(
                  "support2", "a second support level, currency units (0: none)", 0, 0, 1e9),
              ParamSpec.whole(
                  "offsetTicks", "ticks below the level the stop sits", 5, 0, 1_000_000),
              ParamSpec.whole(
                  "jitterTicks", "extra ticks below, uniform per stop", 10, 0, 1_000_000),
              ParamSpec.real("fraction", "fraction of the position protected by stops", 1, 0, 1)),
          StopLossCluster::new);

  private final List<Instrument> instruments;
  private final double roundStep;
  private final int roundLevels;
  private final double[] supports;
  private final long offset;
  private final long jitter;
  private final double fraction;

  StopLossCluster(AgentSetup s) {
    instruments = s.instruments();
    roundStep = s.get("roundStep");
    roundLevels = s.getInt("roundLevels");
    supports = new double[] {s.get("support1"), s.get("support2")};
    offset = s.getLong("offsetTicks");
    jitter = s.getLong("jitterTicks");
    fraction = s.get("fraction");
  }

  /** The stop prices, ticks, for a price: below round numbers, then below supports. */
  static List<Long> levels(
      Instrument ins, long priceTicks, double roundStep, int roundLevels, double[] supports) {
    List<Long> out = new ArrayList<>();
    double price = ins.price(priceTicks);
    if (roundStep > 0) {
      double r = Math.floor(price / roundStep) * roundStep;
      if (ins.nearestTicks(r) >= priceTicks) {
        r -= roundStep;
      }
      for (int k = 0; k < roundLevels && r > 0; k++, r -= roundStep) {
        out.add(ins.nearestTicks(r));
      }
    }
    for (double sup : supports) {
      if (sup > 0 && ins.nearestTicks(sup) < priceTicks) {
        out.add(ins.nearestTicks(sup));
      }
    }
    return out;
  }

  @Override
  public void start(AgentContext ctx) {
    int cause = ctx.routineCause(CauseKind.STOP);
    for (Instrument ins : instruments) {
      List<Long> lv = levels(ins, ctx.lastPrice(ins), roundStep, roundLevels, supports);
      long protect = (long) (ctx.position(ins) * fraction);
      if (lv.isEmpty() || protect <= 0) {
        continue;
      }
      long each = protect / lv.size();
      long extra = protect - each * lv.size();
      for (int k = 0; k < lv.size(); k++) {
        long qty = each + (k < extra ? 1 : 0);
        long px = lv.get(k) - offset - (jitter > 0 ? ctx.random().nextLong(jitter + 1) : 0);
        if (qty > 0 && px > 0) {
          ctx.stop(ins, Side.SELL, px, qty, cause);
        }
      }
    }
  }

  @Override
  public void wake(AgentContext ctx, int tag) {}
}
