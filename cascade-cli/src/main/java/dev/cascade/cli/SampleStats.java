package dev.cascade.cli;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.StatUtils;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * Sample statistics of outcomes over paths, for sweeps and attribution, each with its uncertainty.
 *
 * <ul>
 *   <li>Means with their standard error, sd / sqrt(n) (sd with n - 1 in the denominator).
 *   <li>Quantiles by Hipparchus {@link Percentile} with estimation type {@code R_7}: linear
 *       interpolation between order statistics at rank (n - 1) p, as R's and NumPy's default.
 *   <li>Expected shortfall at level a: the mean of the worst ceil(a n) paths.
 *   <li>95% percentile-bootstrap intervals for quantiles and expected shortfall: {@value
 *       #RESAMPLES} resamples of the n paths with replacement drawn from {@link SplittableRandom}
 *       with the fixed seed {@value #BOOTSTRAP_SEED}, so the same paths give the same intervals.
 *   <li>95% Student-t intervals for means of paired differences (attribution).
 * </ul>
 *
 * <p>A statistic of the worst (or best) 5% of paths needs at least one path in that tail: n x 5% >=
 * 1, so n >= {@value #MIN_PATHS_TAIL}. With fewer, the 5% quantile interpolates between the two
 * most extreme paths and the expected shortfall is the worst path alone; {@link #warnings} says so.
 */
final class SampleStats {
  /** Bootstrap resamples per interval. */
  static final int RESAMPLES = 2000;

  /** Seed of the bootstrap's random stream: fixed, so output is deterministic. */
  static final long BOOTSTRAP_SEED = 1L;

  /** Confidence level of every interval. */
  static final double LEVEL = 0.95;

  /** Tail probability of the 5% quantiles and of the expected shortfall. */
  static final double TAIL = 0.05;

  /** Fewest paths for one path in a 5% tail: n x 5% >= 1. */
  static final int MIN_PATHS_TAIL = 20;

  /** Fewest paths for ten paths in a 5% tail, below which tail intervals are rough. */
  static final int ROUGH_PATHS_TAIL = 200;

  private SampleStats() {}

  /**
   * A confidence interval.
   *
   * @param lo lower end
   * @param hi upper end
   */
  record Interval(double lo, double hi) {
    Interval rounded() {
      return new Interval(round4(lo), round4(hi));
    }
  }

  static double mean(double[] v) {
    return StatUtils.mean(v);
  }

  /** Sample standard deviation (n - 1 in the denominator); 0 for a single value. */
  static double sd(double[] v) {
    return v.length < 2 ? 0 : new StandardDeviation(true).evaluate(v);
  }

  /** Standard error of the mean, sd / sqrt(n); null for fewer than two values. */
  static Double se(double[] v) {
    return v.length < 2 ? null : sd(v) / Math.sqrt(v.length);
  }

  /** The {@code p} quantile (0 < p < 1), R-7: linear between order statistics. */
  static double quantile(double[] v, double p) {
    return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(v, 100 * p);
  }

  /** Paths in the worst {@code a} of n: ceil(a n), at least one. */
  static int tailCount(double a, int n) {
    // The small offset keeps 0.05 x 20 from rounding up to 2.
    return Math.max(1, (int) Math.ceil(a * n - 1e-9));
  }

  /** Expected shortfall: the mean of the lowest ceil(a n) values. */
  static double expectedShortfall(double[] v, double a) {
    double[] s = v.clone();
    Arrays.sort(s);
    int k = tailCount(a, s.length);
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += s[i];
    }
    return sum / k;
  }

  /** 95% Student-t interval of the mean (n - 1 degrees of freedom); null for fewer than two. */
  static Interval meanInterval(double[] v) {
    if (v.length < 2) {
      return null;
    }
    double t = new TDistribution(v.length - 1).inverseCumulativeProbability(0.5 + LEVEL / 2);
    double m = mean(v);
    double half = t * se(v);
    return new Interval(m - half, m + half);
  }

  /**
   * A statistic of a bootstrap resample, given as the original values sorted and how many times
   * each was drawn ({@code counts} summing to n): no resample is sorted.
   */
  interface Statistic {
    double of(double[] sorted, int[] counts, int n);
  }

  /** The {@code p} quantile, R-7, of a resample. */
  static Statistic quantileOf(double p) {
    return (sorted, counts, n) -> {
      double h = (n - 1) * p;
      int lo = (int) Math.floor(h);
      int hi = Math.min(n - 1, lo + 1);
      double a = atRank(sorted, counts, lo);
      double b = atRank(sorted, counts, hi);
      return a + (h - lo) * (b - a);
    };
  }

  /** Expected shortfall at level {@code a} (mean of the lowest ceil(a n)) of a resample. */
  static Statistic shortfallOf(double a) {
    return (sorted, counts, n) -> {
      int left = tailCount(a, n);
      int k = left;
      double sum = 0;
      for (int i = 0; i < sorted.length && left > 0; i++) {
        int take = Math.min(counts[i], left);
        sum += take * sorted[i];
        left -= take;
      }
      return sum / k;
    };
  }

  /** The value at 0-based rank {@code r} of a resample. */
  private static double atRank(double[] sorted, int[] counts, int r) {
    int cum = 0;
    for (int i = 0; i < sorted.length; i++) {
      cum += counts[i];
      if (cum > r) {
        return sorted[i];
      }
    }
    return sorted[sorted.length - 1];
  }

  /**
   * 95% percentile-bootstrap intervals of {@code stats} over the same {@value #RESAMPLES} resamples
   * of {@code values}; null entries for fewer than two values.
   */
  static Interval[] bootstrap(double[] values, List<Statistic> stats) {
    return bootstrap(values, stats, RESAMPLES, BOOTSTRAP_SEED);
  }

  static Interval[] bootstrap(double[] values, List<Statistic> stats, int resamples, long seed) {
    Interval[] out = new Interval[stats.size()];
    int n = values.length;
    if (n < 2) {
      return out;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[][] reps = new double[stats.size()][resamples];
    int[] counts = new int[n];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int b = 0; b < resamples; b++) {
      Arrays.fill(counts, 0);
      for (int k = 0; k < n; k++) {
        counts[rng.nextInt(n)]++;
      }
      for (int s = 0; s < stats.size(); s++) {
        reps[s][b] = stats.get(s).of(sorted, counts, n);
      }
    }
    double tail = (1 - LEVEL) / 2;
    for (int s = 0; s < stats.size(); s++) {
      out[s] = new Interval(quantile(reps[s], tail), quantile(reps[s], 1 - tail));
    }
    return out;
  }

  /**
   * 95% percentile-bootstrap interval of the ratio of means {@code mean(num) / mean(den)} over
   * paired resamples (the same seeds drawn for both, {@value #RESAMPLES} resamples, the fixed
   * seed): null for fewer than two pairs, or when a resample's denominator mean is within {@code
   * minDen} of 0 (the ratio is then unbounded and no interval is honest).
   */
  static Interval ratioInterval(double[] num, double[] den, double minDen) {
    int n = num.length;
    if (n < 2 || den.length != n) {
      return null;
    }
    double[] reps = new double[RESAMPLES];
    SplittableRandom rng = new SplittableRandom(BOOTSTRAP_SEED);
    for (int b = 0; b < RESAMPLES; b++) {
      double a = 0;
      double d = 0;
      for (int k = 0; k < n; k++) {
        int j = rng.nextInt(n);
        a += num[j];
        d += den[j];
      }
      if (Math.abs(d / n) < minDen) {
        return null;
      }
      reps[b] = a / d;
    }
    double tail = (1 - LEVEL) / 2;
    return new Interval(quantile(reps, tail), quantile(reps, 1 - tail));
  }

  /**
   * What the statistics of {@code n} paths cannot say: empty when there are enough paths for every
   * figure. The rules: a standard error or an interval needs two paths; a figure of the worst or
   * best 5% needs one path in that tail, n >= {@value #MIN_PATHS_TAIL}; its bootstrap interval is
   * rough with fewer than ten, n < {@value #ROUGH_PATHS_TAIL}.
   */
  static List<String> warnings(int n, String what) {
    if (n < 2) {
      return List.of(
          n
              + " "
              + what
              + ": no standard errors and no intervals (they need at least 2), and the quantiles"
              + " and ES 5% are all the one path's value");
    }
    if (n < MIN_PATHS_TAIL) {
      return List.of(
          n
              + " "
              + what
              + ": p5, p95 and ES 5% need at least "
              + MIN_PATHS_TAIL
              + " (one path in the 5% tail: n x 5% >= 1); here ES 5% is the worst path alone, p5"
              + " and p95 interpolate between the most extreme paths, and their intervals mean"
              + " little");
    }
    if (n < ROUGH_PATHS_TAIL) {
      return List.of(
          n
              + " "
              + what
              + ": ES 5% rests on "
              + tailCount(TAIL, n)
              + " paths in the 5% tail; the intervals of p5, p95 and ES 5% are rough below 10"
              + " ("
              + ROUGH_PATHS_TAIL
              + " "
              + what
              + ")");
    }
    return List.of();
  }

  /** Rounded to four decimals, for JSON and tables. */
  static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  /** Rounded to four decimals; null stays null. */
  static Double round4(Double v) {
    return v == null ? null : round4(v.doubleValue());
  }

  /** Rounded to four decimals; null stays null. */
  static Interval round4(Interval i) {
    return i == null ? null : i.rounded();
  }
}
