package dev.cascade.agents;

import dev.cascade.market.AssetClass;

/**
 * How an instrument's volatility answers its own price: the leverage effect (Black 1976; Bouchaud,
 * Matacz and Potters 2001, Phys. Rev. Lett. 87, 228701). With x the log of the traded price over
 * its exponential average with memory {@code days}, the news flow's activity is multiplied by
 * {@code exp(h(x))} over its mean, {@code h(x) = -saturation tanh(amplitude x / saturation)}: for
 * small moves a fall of 1% raises the variance by about {@code amplitude} percent, so the daily
 * leverage function L(tau) = mean(r_t r_{t+tau}^2) / mean(r^2)^2 is {@code -amplitude exp(-tau /
 * days)}, and no move changes the log variance by more than {@code saturation} either way
 * (docs/model.md §4, "Leverage").
 *
 * @param amplitude A, per unit of return (0: no effect)
 * @param days T, trading days
 * @param saturation c, the largest change of the log variance either way
 */
public record LeverageEffect(double amplitude, double days, double saturation) {
  /**
   * The S&P 500's saturation: the antisymmetric part of the change in log realised variance (next
   * five days over the previous twenty) after a day's return, fitted with A = 33.6 over 2000-2020
   * (tools/leverage_effect.py): 0.33.
   */
  public static final double INDEX_SATURATION = 0.33;

  /** None: the news flow ignores the price. */
  public static final LeverageEffect NONE = new LeverageEffect(0, 1, INDEX_SATURATION);

  /**
   * An index: the S&P 500's daily closes 2000-2020 give A = 33.6 ± 10.6 and T = 21 ± 10 days
   * (tools/leverage_effect.py, delete-one-year jackknife); Bouchaud, Matacz and Potters find
   * indices' effect "much stronger" than stocks' and faster.
   */
  public static final LeverageEffect INDEX = new LeverageEffect(33.6, 21, INDEX_SATURATION);

  /**
   * A single stock: Bouchaud, Matacz and Potters find A about 2 on US stocks, "decaying over 50
   * days", the value of their retarded model (absolute price moves set by a past price); the
   * saturation is the index's (assumed).
   */
  public static final LeverageEffect STOCK = new LeverageEffect(2, 50, INDEX_SATURATION);

  /** The largest amplitude a scenario may give. */
  public static final double MAX_AMPLITUDE = 200;

  /** The longest memory a scenario may give, trading days. */
  public static final double MAX_DAYS = 1000;

  /** The largest saturation a scenario may give (variance within a factor of e^3 either way). */
  public static final double MAX_SATURATION = 3;

  public LeverageEffect {
    if (!(amplitude >= 0 && amplitude <= MAX_AMPLITUDE)) {
      throw new IllegalArgumentException("amplitude must be in [0, 200]: " + amplitude);
    }
    if (!(days > 0 && days <= MAX_DAYS)) {
      throw new IllegalArgumentException("days must be in (0, 1000]: " + days);
    }
    if (!(saturation > 0 && saturation <= MAX_SATURATION)) {
      throw new IllegalArgumentException("saturation must be in (0, 3]: " + saturation);
    }
  }

  /** h(x): the change of the log variance for a log price x over its average. */
  public double logVariance(double x) {
    return -saturation * StrictMath.tanh(amplitude * x / saturation);
  }

  /**
   * The mean of exp(h(x)) for x normal with mean 0 and variance {@code v}: the trapezoid rule over
   * eight standard deviations either way. Its error falls as exp(-2 pi d / step) with d = (pi / 2)
   * c / (A sqrt v) the distance of tanh's nearest pole from the real axis in units of z (Trefethen
   * and Weideman 2014, SIAM Rev. 56(3)), so the step is at most d / 4 (an error below e^-25).
   */
  public double meanFactor(double v) {
    if (!(v > 0) || amplitude == 0) {
      return 1;
    }
    double s = StrictMath.sqrt(v);
    double pole = Math.PI / 2 * saturation / (amplitude * s);
    int half = (int) Math.ceil(8 / Math.min(0.5, pole / 4));
    double step = 8.0 / half;
    double sum = 0;
    double weights = 0;
    for (int i = -half; i <= half; i++) {
      double z = step * i;
      double w = StrictMath.exp(-0.5 * z * z);
      sum += w * StrictMath.exp(logVariance(s * z));
      weights += w;
    }
    return sum / weights;
  }

  /**
   * The default for an asset class: an index's for ETFs and indices, a stock's for equities, none
   * for the rest (bitcoin's daily closes 2011-2018 show none that the data can tell from zero; for
   * Treasuries, metals and futures none is assumed).
   */
  public static LeverageEffect defaultFor(AssetClass c) {
    return switch (c) {
      case ETF, INDEX -> INDEX;
      case EQUITY -> STOCK;
      default -> NONE;
    };
  }
}
