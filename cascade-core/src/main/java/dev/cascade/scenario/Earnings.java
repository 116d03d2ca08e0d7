package dev.cascade.scenario;

import java.util.List;
import java.util.Map;

/**
 * The rule from an earnings report's news to the re-rating of the firm's value (docs/model.md §12,
 * "Shocks from the news"). With revenue R, gross margin GM, operating expenses fixed and the market
 * paying a constant multiple of operating income OI = R x OM:
 *
 * <pre>
 *   dV / V = dOI / OI = [g m + (1 + g) dGM] / OM
 * </pre>
 *
 * g the change of revenue ({@code revenueChangePct} / 100), m the incremental margin of that
 * revenue ({@code incrementalMarginPct} / 100: the gross margin it carried), dGM the change of the
 * gross margin on all revenue ({@code grossMarginChangeBp} / 10,000), OM the operating margin
 * ({@code operatingMarginPct} / 100). A constant multiple is the simplest valuation that makes
 * value proportional to operating earnings (a perpetuity of them at an unchanged discount rate);
 * the rate part of a re-rating is the {@code yield} and {@code policy} shocks' business.
 */
public final class Earnings {
  public static final String OPERATING_MARGIN_PCT = "operatingMarginPct";
  public static final String GROSS_MARGIN_CHANGE_BP = "grossMarginChangeBp";
  public static final String REVENUE_CHANGE_PCT = "revenueChangePct";
  public static final String INCREMENTAL_MARGIN_PCT = "incrementalMarginPct";

  /** The keys an earnings shock takes besides the common ones, the spillover included. */
  static final List<String> KEYS =
      List.of(
          OPERATING_MARGIN_PCT,
          GROSS_MARGIN_CHANGE_BP,
          REVENUE_CHANGE_PCT,
          INCREMENTAL_MARGIN_PCT,
          Spillover.KEY);

  private Earnings() {}

  /** The re-rating of the firm's value, percent, by the rule above. */
  public static double pct(ShockSpec s) {
    return pct(s.params());
  }

  /** The same from an earnings shock's parameters (the operating margin among them). */
  static double pct(Map<String, Double> params) {
    double om = params.get(OPERATING_MARGIN_PCT) / 100;
    double g = params.getOrDefault(REVENUE_CHANGE_PCT, 0.0) / 100;
    double m = params.getOrDefault(INCREMENTAL_MARGIN_PCT, 0.0) / 100;
    double dgm = params.getOrDefault(GROSS_MARGIN_CHANGE_BP, 0.0) / 10_000;
    return 100 * (g * m + (1 + g) * dgm) / om;
  }
}
