package dev.cascade.analytics;

import org.hipparchus.stat.regression.SimpleRegression;

/**
 * The fit of the square-root impact law I = Y sigma_d (Q/V)^delta to measured impacts
 * (docs/model.md §6): ordinary least squares of ln(I / sigma_d) on ln(Q/V), so delta is the slope
 * and Y = exp(intercept). Standard errors are the regression's; Y's is Y x SE(intercept) (the delta
 * method). Only positive impacts have a logarithm: the others are left out by the caller, and said
 * so.
 *
 * @param delta the exponent
 * @param deltaSe its standard error (NaN with fewer than three points)
 * @param y the prefactor Y
 * @param ySe its standard error (NaN with fewer than three points)
 * @param points sizes fitted
 */
public record PowerLawFit(double delta, double deltaSe, double y, double ySe, int points) {

  /**
   * Fits I = Y x^delta.
   *
   * @param x the sizes Q/V (fractions of daily volume, > 0)
   * @param impact the mean impact at each size in units of sigma_d (> 0)
   * @return the fit, or null with fewer than two points
   */
  public static PowerLawFit of(double[] x, double[] impact) {
    if (x.length != impact.length) {
      throw new IllegalArgumentException("one impact per size");
    }
    if (x.length < 2) {
      return null;
    }
    SimpleRegression r = new SimpleRegression(true);
    for (int k = 0; k < x.length; k++) {
      if (!(x[k] > 0 && impact[k] > 0)) {
        throw new IllegalArgumentException("sizes and impacts must be positive");
      }
      r.addData(Math.log(x[k]), Math.log(impact[k]));
    }
    double y = Math.exp(r.getIntercept());
    boolean se = x.length >= 3;
    return new PowerLawFit(
        r.getSlope(),
        se ? r.getSlopeStdErr() : Double.NaN,
        y,
        se ? y * r.getInterceptStdErr() : Double.NaN,
        x.length);
  }
}
