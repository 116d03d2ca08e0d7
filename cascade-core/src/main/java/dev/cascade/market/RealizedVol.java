package dev.cascade.market;

import dev.cascade.kernel.Time;

/**
 * Short-term realised volatility of one instrument: an exponentially weighted average of squared
 * log returns of the last trade price sampled at most once a second, weighted by elapsed time so
 * quiet spells count as they should. With dt seconds since the last sample and return r, the
 * per-second variance is updated as v <- w v + (1 - w) r^2 / dt, with w = exp(-dt / tau). The
 * annualised volatility is sqrt(v x trading seconds per year).
 *
 * <p>tau (seconds) sets how short "short-term" is; default 300 s (assumed: a market maker's horizon
 * of a few minutes).
 */
public final class RealizedVol {
  private final double tau;
  private final double secondsPerYear;
  private double variancePerSecond;
  private long lastSampleTime = Long.MIN_VALUE;
  private double lastLogPrice;

  /**
   * @param tauSeconds averaging time constant
   * @param secondsPerYear trading seconds per year of the instrument's session
   * @param initialAnnualVol prior volatility before any trade, annualised decimal
   */
  public RealizedVol(double tauSeconds, double secondsPerYear, double initialAnnualVol) {
    this.tau = tauSeconds;
    this.secondsPerYear = secondsPerYear;
    this.variancePerSecond = initialAnnualVol * initialAnnualVol / secondsPerYear;
  }

  /** Records a trade price (any positive unit: only ratios matter). */
  public void onPrice(long time, long price) {
    if (lastSampleTime == Long.MIN_VALUE) {
      lastSampleTime = time;
      lastLogPrice = StrictMath.log(price);
      return;
    }
    long elapsed = time - lastSampleTime;
    if (elapsed < Time.NANOS_PER_SECOND) {
      return;
    }
    double dt = (double) elapsed / Time.NANOS_PER_SECOND;
    double lp = StrictMath.log(price);
    double r = lp - lastLogPrice;
    double w = StrictMath.exp(-dt / tau);
    variancePerSecond = w * variancePerSecond + (1 - w) * r * r / dt;
    lastSampleTime = time;
    lastLogPrice = lp;
  }

  /** Annualised volatility, decimal (0.2 = 20%). */
  public double annualized() {
    return Math.sqrt(variancePerSecond * secondsPerYear);
  }
}
