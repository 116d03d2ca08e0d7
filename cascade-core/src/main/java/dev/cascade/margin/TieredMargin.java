package dev.cascade.margin;

import dev.cascade.market.Instrument;

/**
 * Tiered maintenance margin of a perpetual future: the notional of a position is cut into brackets
 * and each slice pays its bracket's rate (the same as Binance's rate x notional - maintenance
 * amount). The initial requirement is notional / (the largest leverage of the bracket the whole
 * notional falls in). Defaults: Binance USDⓈ-M BTCUSDT brackets, 0.4% (to $50k, 125x) up to 50%
 * (above $300m, 1x), from Binance's "Leverage and Margin of USDⓈ-M Futures" table.
 */
public final class TieredMargin implements MarginPolicy {
  private final double[] upper;
  private final double[] rate;
  private final double[] maxLeverage;

  /**
   * @param upperDollars upper notional bound of each bracket, dollars, increasing (the last is
   *     infinite)
   * @param rates maintenance rate of each bracket, fractions, non-decreasing
   * @param maxLeverage largest leverage allowed in each bracket
   */
  public TieredMargin(double[] upperDollars, double[] rates, double[] maxLeverage) {
    if (upperDollars.length != rates.length || rates.length != maxLeverage.length) {
      throw new IllegalArgumentException("brackets, rates and leverages differ in length");
    }
    this.upper = upperDollars.clone();
    this.rate = rates.clone();
    this.maxLeverage = maxLeverage.clone();
  }

  /** Binance BTCUSDT perpetual brackets (notional in USDT, taken as dollars). */
  public static TieredMargin binanceBtc() {
    return new TieredMargin(
        new double[] {
          50e3, 250e3, 1e6, 10e6, 20e6, 50e6, 100e6, 200e6, 300e6, Double.POSITIVE_INFINITY
        },
        new double[] {0.004, 0.005, 0.01, 0.025, 0.05, 0.10, 0.125, 0.15, 0.25, 0.50},
        new double[] {125, 100, 50, 20, 10, 5, 4, 3, 2, 1});
  }

  /** Maintenance margin of a notional, dollars. */
  public double maintenanceDollars(double notional) {
    double m = 0;
    double lower = 0;
    for (int k = 0; k < upper.length && notional > lower; k++) {
      m += (Math.min(notional, upper[k]) - lower) * rate[k];
      lower = upper[k];
    }
    return m;
  }

  /** The largest leverage allowed for a notional, dollars. */
  public double maxLeverage(double notional) {
    for (int k = 0; k < upper.length; k++) {
      if (notional <= upper[k]) {
        return maxLeverage[k];
      }
    }
    return maxLeverage[maxLeverage.length - 1];
  }

  /** The bracket rate that applies to the last dollar of a notional. */
  public double marginalRate(double notional) {
    for (int k = 0; k < upper.length; k++) {
      if (notional <= upper[k]) {
        return rate[k];
      }
    }
    return rate[rate.length - 1];
  }

  @Override
  public long initial(Instrument instrument, long lots, long markTicks) {
    long n = MarginPolicy.notional(instrument, lots, markTicks);
    double dollars = n / 1e6;
    return Math.max(maintenance(instrument, lots, markTicks), Math.round(n / maxLeverage(dollars)));
  }

  @Override
  public long maintenance(Instrument instrument, long lots, long markTicks) {
    double dollars = MarginPolicy.notional(instrument, lots, markTicks) / 1e6;
    return Math.round(maintenanceDollars(dollars) * 1e6);
  }
}
