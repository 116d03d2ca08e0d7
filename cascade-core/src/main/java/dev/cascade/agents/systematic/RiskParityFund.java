package dev.cascade.agents.systematic;

import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.ledger.AccountKind;
import dev.cascade.market.AssetClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A risk-parity fund over its instruments (equities, Treasuries, gold, commodities). Weights are
 * inverse volatility, w_i = (1 / sigma_i) / sum_j (1 / sigma_j), set at the start from the priors
 * and reset every {@code weightDays} rebalances from the covariance estimate; leverage is reset
 * every day, L = min(Lmax, sigma_target / sqrt(w' C w)), from an EWMA covariance C of daily returns
 * (decay lambda) started at the priors: each instrument's scenario volatility and a stock-bond
 * correlation of {@code stockBondCorr} (other pairs 0). Exposure of i = L w_i. Because weights move
 * slowly and leverage daily, a jump in equity volatility or in the stock-bond correlation raises
 * the portfolio's volatility and cuts every position, bonds and gold included.
 *
 * <p>Defaults: target 10%, Lmax 3.5 (leverage 2-3.5x, docs/model.md §12), lambda 0.94
 * (RiskMetrics), weightDays 21 (monthly, assumed), stockBondCorr -0.2 (2000-2020 regime, assumed;
 * set positive for a 2022-style regime).
 */
public final class RiskParityFund extends CloseRebalancingFund {
  /** The family as registered. */
  public static final AgentFamily FAMILY = family();

  private static AgentFamily family() {
    List<ParamSpec> p = new ArrayList<>();
    p.add(ParamSpec.real("targetVolPct", "volatility target, annualised percent", 10, 0.1, 200));
    p.add(ParamSpec.real("maxLeverage", "largest gross exposure, multiple of equity", 3.5, 0, 20));
    p.add(ParamSpec.real("lambda", "EWMA decay of the covariance, per day", 0.94, 0.5, 0.9999));
    p.add(ParamSpec.whole("weightDays", "days between resets of the weights", 21, 1, 10_000));
    p.add(
        ParamSpec.real(
            "stockBondCorr", "prior correlation of equities with Treasuries", -0.2, -0.99, 0.99));
    p.addAll(scheduleParams());
    return new AgentFamily(
        "risk-parity",
        "risk-parity fund: inverse-vol weights, leverage = target / portfolio vol, rebalanced near"
            + " the close",
        p,
        RiskParityFund::new,
        AccountKind.MARGIN,
        20);
  }

  private final double target;
  private final double maxLeverage;
  private final double lambda;
  private final int weightDays;
  private final double stockBondCorr;
  private Covariance cov;
  private double[] weights;
  private int days;

  RiskParityFund(AgentSetup s) {
    super(s);
    target = s.get("targetVolPct") / 100;
    maxLeverage = s.get("maxLeverage");
    lambda = s.get("lambda");
    weightDays = s.getInt("weightDays");
    stockBondCorr = s.get("stockBondCorr");
  }

  @Override
  void init(AgentContext ctx) {
    int n = instruments.size();
    double[] vols = new double[n];
    boolean[] stock = new boolean[n];
    boolean[] bond = new boolean[n];
    for (int k = 0; k < n; k++) {
      vols[k] = ctx.realizedVol(instruments.get(k));
      AssetClass c = instruments.get(k).assetClass();
      stock[k] = c == AssetClass.EQUITY || c == AssetClass.ETF || c == AssetClass.INDEX;
      bond[k] = c == AssetClass.TREASURY;
    }
    cov = Covariance.prior(vols, stock, bond, stockBondCorr, lambda);
    weights = cov.inverseVolWeights();
  }

  @Override
  String targets(AgentContext ctx, double[] returns, double[] out) {
    Covariance today = cov.with(returns);
    cov = today;
    if (++days % weightDays == 0) {
      weights = cov.inverseVolWeights();
    }
    double sigma = cov.portfolioVol(weights);
    double leverage = leverage(target, sigma, maxLeverage);
    for (int k = 0; k < out.length; k++) {
      out[k] = leverage * weights[k];
    }
    return String.format(
        Locale.ROOT, "risk-parity leverage %.2f at portfolio vol %.1f%%", leverage, 100 * sigma);
  }

  /** Leverage min(Lmax, target / portfolio vol), annualised decimals. */
  public static double leverage(double targetVol, double portfolioVol, double maxLeverage) {
    return portfolioVol <= 0 ? maxLeverage : Math.min(maxLeverage, targetVol / portfolioVol);
  }
}
