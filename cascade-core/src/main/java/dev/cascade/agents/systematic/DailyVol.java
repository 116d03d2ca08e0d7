package dev.cascade.agents.systematic;

import java.util.Arrays;

/**
 * Volatility of one instrument from daily returns, the way vol-target funds measure it. Before any
 * return is seen the estimates equal a prior (the scenario's volatility for the instrument). Each
 * trading day adds one log return r, measured between successive rebalance times near the close.
 *
 * <ul>
 *   <li>EWMA (RiskMetrics 1996, lambda 0.94): v = lambda v + (1 - lambda) r^2.
 *   <li>Max of 20- and 40-day: the larger of the root-mean-square returns over the last 20 and 40
 *       days, the window padded with the prior variance until it fills (the rule of S&P's risk
 *       control indices family uses the larger of a short and a long estimate; 20/40 assumed).
 * </ul>
 *
 * Annualised with 252 trading days per year. {@link #preview} gives the estimate as if today closed
 * at the current price, so a fund rebalancing near the close sees today's move.
 */
final class DailyVol {
  static final double DAYS_PER_YEAR = 252;

  private final double lambda;
  private double ewmaVar;
  private final double[] window = new double[40];
  private int next;

  /**
   * @param priorAnnualVol prior volatility, annualised decimal
   * @param lambda EWMA decay per day
   */
  DailyVol(double priorAnnualVol, double lambda) {
    this.lambda = lambda;
    ewmaVar = priorAnnualVol * priorAnnualVol / DAYS_PER_YEAR;
    Arrays.fill(window, ewmaVar);
  }

  /** Annualised estimate including the return {@code r} of a day not yet recorded. */
  double preview(double r, boolean maxOfWindows) {
    if (!maxOfWindows) {
      return Math.sqrt((lambda * ewmaVar + (1 - lambda) * r * r) * DAYS_PER_YEAR);
    }
    double s20 = r * r;
    double s40 = r * r;
    for (int k = 1; k < 40; k++) {
      double v = window[Math.floorMod(next - k, 40)];
      if (k < 20) {
        s20 += v;
      }
      s40 += v;
    }
    return Math.sqrt(Math.max(s20 / 20, s40 / 40) * DAYS_PER_YEAR);
  }

  /** Records one day's log return. */
  void record(double r) {
    ewmaVar = lambda * ewmaVar + (1 - lambda) * r * r;
    window[next] = r * r;
    next = (next + 1) % 40;
  }
}
