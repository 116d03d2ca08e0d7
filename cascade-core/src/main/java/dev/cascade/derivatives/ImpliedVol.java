package dev.cascade.derivatives;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.exception.MathRuntimeException;

/**
 * Black-Scholes-Merton implied volatility from an option price, robust deep in and out of the
 * money. Never throws for a bad price: prices outside the no-arbitrage bounds come back as a {@link
 * ImpliedVolResult} with the reason.
 *
 * <p>Method. (1) Check lower &lt; price &lt; upper, the bounds of {@link
 * BlackScholes#lowerBound}/{@link BlackScholes#upperBound}. (2) Subtract the lower bound: by
 * put-call parity, price - lower is the price of the out-of-the-money option at the same strike
 * (the put for an in-the-money call), which carries all the vol information without the
 * cancellation of a large intrinsic value. (3) Solve ln(BS_otm(sigma)) = ln(price - lower) with
 * Hipparchus' Brent solver on a bracket found by expanding [1e-3, 1] down to 1e-8 and up to 50; the
 * log makes the equation well scaled for premiums from 1e-300 to the spot. Absolute accuracy in vol
 * 1e-14.
 */
public final class ImpliedVol {
  private static final double MIN_VOL = 1e-8;
  private static final double MAX_VOL = 50;
  private static final int MAX_EVALUATIONS = 300;

  private ImpliedVol() {}

  /**
   * Implied vol of a European option.
   *
   * @param price option premium, dollars per unit of underlying
   * @param spot underlying price, dollars
   * @param strike strike, dollars
   * @param years time to expiry, years
   * @param rate continuously compounded risk-free rate, decimal per year
   * @param div continuous dividend yield, decimal per year
   */
  public static ImpliedVolResult solve(
      OptionType type,
      double price,
      double spot,
      double strike,
      double years,
      double rate,
      double div) {
    if (!Double.isFinite(price)
        || !(spot > 0)
        || !(strike > 0)
        || !(years > 0)
        || !Double.isFinite(spot * strike * years)
        || !Double.isFinite(rate)
        || !Double.isFinite(div)) {
      return ImpliedVolResult.failed(ImpliedVolStatus.INVALID_INPUT);
    }
    double lower = BlackScholes.lowerBound(type, spot, strike, years, rate, div);
    double upper = BlackScholes.upperBound(type, spot, strike, years, rate, div);
    // "On the bound" means within a few ulps of that bound; an out-of-the-money option (lower
    // bound 0) has time value at any positive price, however small.
    double epsLower = lower > 0 ? 8 * Math.ulp(lower) : 0;
    double epsUpper = 8 * Math.ulp(upper);
    if (price < lower - epsLower) {
      return ImpliedVolResult.failed(ImpliedVolStatus.BELOW_LOWER_BOUND);
    }
    if (price >= upper - epsUpper) {
      return ImpliedVolResult.failed(ImpliedVolStatus.AT_OR_ABOVE_UPPER_BOUND);
    }
    double timeValue = price - lower;
    if (timeValue <= epsLower) {
      return ImpliedVolResult.failed(ImpliedVolStatus.NO_TIME_VALUE);
    }
    OptionType otm = lower > 0 ? other(type) : type;
    double logTarget = StrictMath.log(timeValue);
    org.hipparchus.analysis.UnivariateFunction f =
        sigma -> {
          double model = BlackScholes.price(otm, spot, strike, years, rate, div, sigma);
          return StrictMath.log(Math.max(model, Double.MIN_VALUE)) - logTarget;
        };
    double a = 1e-3;
    while (f.value(a) > 0) {
      if (a <= MIN_VOL) {
        return ImpliedVolResult.failed(ImpliedVolStatus.NOT_CONVERGED);
      }
      a = Math.max(a / 10, MIN_VOL);
    }
    double b = 1;
    while (f.value(b) < 0) {
      if (b >= MAX_VOL) {
        return ImpliedVolResult.failed(ImpliedVolStatus.NOT_CONVERGED);
      }
      b = Math.min(b * 2, MAX_VOL);
    }
    try {
      BrentSolver solver = new BrentSolver(1e-15, 1e-14, 1e-15);
      double vol = solver.solve(MAX_EVALUATIONS, f, a, b);
      return ImpliedVolResult.solved(vol);
    } catch (MathRuntimeException e) {
      // Hipparchus signals exhausted evaluations with an exception; here it is an outcome.
      return ImpliedVolResult.failed(ImpliedVolStatus.NOT_CONVERGED);
    }
  }

  private static OptionType other(OptionType type) {
    return type == OptionType.CALL ? OptionType.PUT : OptionType.CALL;
  }
}
