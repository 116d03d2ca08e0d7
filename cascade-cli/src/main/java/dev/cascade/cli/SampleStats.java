package dev.cascade.cli;

/** Sample statistics of outcomes over seeds, for sweeps and attribution. */
final class SampleStats {
  private SampleStats() {}

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Sample standard deviation (n - 1 in the denominator); 0 for a single value. */
  static double sd(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }

  /** Linear interpolation between order statistics (type 7, as R and NumPy default). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Rounded to four decimals, for JSON and tables. */
  static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
