package dev.cascade.agents.systematic;

import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.ledger.AccountKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A volatility-targeting fund: it holds each of its n instruments at exposure (fraction of equity)
 * min(Lmax, sigma_target / sigma) / n, where sigma is the instrument's realised volatility from
 * daily returns (EWMA with decay lambda, or the larger of the 20- and 40-day estimates; see {@link
 * DailyVol}), with the instrument's scenario volatility as the prior. It rebalances near the close
 * (see {@link CloseRebalancingFund}). So when realised vol doubles exposure halves, and a sharp
 * fall, which raises today's return in the estimate, makes it sell into the close.
 *
 * <p>Defaults: target 10% and lambda 0.94 (RiskMetrics 1996; the S&P 500 Daily Risk Control 10%
 * index), Lmax 1.5 (that index's 150% maximum exposure).
 */
public final class VolTargetFund extends CloseRebalancingFund {
  /** The family as registered. */
  public static final AgentFamily FAMILY = family();

  private static AgentFamily family() {
    List<ParamSpec> p = new ArrayList<>();
    p.add(ParamSpec.real("targetVolPct", "volatility target, annualised percent", 10, 0.1, 200));
    p.add(ParamSpec.real("maxLeverage", "largest total exposure, multiple of equity", 1.5, 0, 10));
    p.add(ParamSpec.real("lambda", "EWMA decay per day", 0.94, 0.5, 0.9999));
    p.add(
        ParamSpec.whole(
            "maxOfWindows", "1: use the larger of the 20- and 40-day estimates; 0: EWMA", 0, 0, 1));
    p.addAll(scheduleParams());
    return new AgentFamily(
        "vol-target",
        "volatility-targeting fund: exposure = min(Lmax, target / realised vol), rebalanced near the"
            + " close",
        p,
        VolTargetFund::new,
        AccountKind.MARGIN,
        10);
  }

  private final double target;
  private final double maxLeverage;
  private final double lambda;
  private final boolean maxOfWindows;
  private DailyVol[] vol;

  VolTargetFund(AgentSetup s) {
    super(s);
    target = s.get("targetVolPct") / 100;
    maxLeverage = s.get("maxLeverage");
    lambda = s.get("lambda");
    maxOfWindows = s.getInt("maxOfWindows") == 1;
  }

  /** Exposure as a multiple of equity: min(Lmax, target / sigma), annualised decimals. */
  public static double exposure(double targetVol, double realisedVol, double maxLeverage) {
    return realisedVol <= 0 ? maxLeverage : Math.min(maxLeverage, targetVol / realisedVol);
  }

  @Override
  void init(AgentContext ctx) {
    vol = new DailyVol[instruments.size()];
    for (int k = 0; k < vol.length; k++) {
      // Before trading starts the exchange's estimate is the scenario's volatility: the prior.
      vol[k] = new DailyVol(ctx.realizedVol(instruments.get(k)), lambda);
    }
  }

  @Override
  String targets(AgentContext ctx, double[] returns, double[] out) {
    int n = instruments.size();
    double shown = 0;
    double total = 0;
    for (int k = 0; k < n; k++) {
      double sigma = vol[k].preview(returns[k], maxOfWindows);
      vol[k].record(returns[k]);
      out[k] = exposure(target, sigma, maxLeverage) / n;
      total += out[k];
      if (k == 0) {
        shown = sigma;
      }
    }
    return String.format(
        Locale.ROOT, "vol-target exposure %.2f at realised vol %.1f%%", total, 100 * shown);
  }
}
