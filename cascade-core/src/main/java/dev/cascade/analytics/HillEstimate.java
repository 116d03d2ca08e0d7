package dev.cascade.analytics;

import java.util.Arrays;

/**
 * Hill's (1975) estimate of a tail exponent alpha, for a law whose tail falls as P(X > x) ~
 * x^-alpha: with x_(1) >= x_(2) >= ... the sample in decreasing order and k the number of order
 * statistics used, 1 / alpha = (1/k) sum_{i=1..k} ln(x_(i) / x_(k+1)). Its asymptotic standard
 * error is alpha / sqrt(k). A Gaussian has no power-law tail: its Hill estimate grows as k shrinks
 * (about 6 at the top 5%); returns of stocks and indices give about 3 (Gopikrishnan et al. 1999,
 * "the inverse cubic law").
 *
 * @param alpha tail exponent (NaN if fewer than 10 order statistics, infinite if the k largest
 *     values equal the threshold)
 * @param k order statistics used
 * @param se standard error alpha / sqrt(k)
 * @param threshold x_(k+1), the value the tail starts above, in the sample's unit
 */
public record HillEstimate(double alpha, int k, double se, double threshold) {
  /** Fewest order statistics an estimate is made from. */
  public static final int MIN_K = 10;

  /**
   * The estimate from the {@code k} largest of the positive values of {@code x} (values not above
   * zero are ignored).
   */
  public static HillEstimate of(double[] x, int k) {
    double[] pos = Arrays.stream(x).filter(v -> v > 0).sorted().toArray();
    int m = pos.length;
    if (k < MIN_K || m <= k) {
      return new HillEstimate(Double.NaN, k, Double.NaN, Double.NaN);
    }
    double threshold = pos[m - k - 1];
    double h = 0;
    for (int i = m - k; i < m; i++) {
      h += Math.log(pos[i] / threshold);
    }
    h /= k;
    double alpha = h > 0 ? 1 / h : Double.POSITIVE_INFINITY;
    return new HillEstimate(alpha, k, alpha / Math.sqrt(k), threshold);
  }
}
