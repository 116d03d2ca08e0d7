package dev.cascade.scenario;

import java.time.OffsetDateTime;

/**
 * A future on an underlying's VIX-style index (docs/model.md §10, "VIX-style futures"): its value
 * is the index's expected level at expiry under mean reversion,
 *
 * <pre>
 *   F(t) = theta + (VIX(t) - theta) exp(-kappa tau),   tau = years to expiry
 * </pre>
 *
 * scaled so that it starts at the file's price ({@code VixIndex.futureLevel}), and the order flow
 * that market makers absorb in it marks the underlying's implied-vol surface as customer option
 * demand does.
 *
 * @param underlying symbol of the instrument whose options' VIX-style index the future settles to,
 *     or null when the instrument is not such a future
 * @param expiry when the future settles (after the run's end)
 * @param kappa mean-reversion speed of the index, per year
 * @param theta long-run mean of the index, index points
 * @param demandImpact lambda of the vega-pressure rule applied to the futures' net aggressive
 *     buying
 */
public record VolFutureSpec(
    String underlying, OffsetDateTime expiry, double kappa, double theta, double demandImpact) {

  /**
   * Default mean reversion: 5.9 a year, a half-life of 30 trading days, from an AR(1) fit of the
   * VIX's daily closes 1990-2026 (data/vix_daily_cboe.csv, {@code VolFutureDefaultsTest}).
   */
  public static final double DEFAULT_KAPPA = 5.9;

  /** Default long-run mean: 19.45 points, the same fit's fixed point (mean close 19.44). */
  public static final double DEFAULT_THETA = 19.45;

  /** Default lambda: the customer put rule's assumed 0.1 (docs/model.md §10). */
  public static final double DEFAULT_DEMAND_IMPACT = 0.1;

  /** Not a volatility-index future. */
  public static final VolFutureSpec NONE =
      new VolFutureSpec(null, null, DEFAULT_KAPPA, DEFAULT_THETA, DEFAULT_DEMAND_IMPACT);

  /** Whether the instrument is a future on a VIX-style index. */
  public boolean present() {
    return underlying != null;
  }
}
