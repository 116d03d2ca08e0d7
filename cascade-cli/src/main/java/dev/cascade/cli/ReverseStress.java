package dev.cascade.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * The statistics of a reverse stress test (docs/model.md, "Reverse stress testing"): each path's
 * critical scale found by bisection with common random numbers, the critical scale at a breach
 * probability as a quantile of those with a distribution-free order-statistic interval, and the
 * breach-probability curve (their empirical distribution) with Wilson intervals. No simulation
 * here: the breach indicator of a path is a function handed in.
 */
final class ReverseStress {
  /** Two-sided level of every interval. */
  static final double LEVEL = 0.95;

  /** The standard normal quantile of 1 - (1 - LEVEL) / 2. */
  static final double Z = 1.959963984540054;

  private ReverseStress() {}

  /** Whether one path (seed) breaches at a scale. */
  interface Indicator {
    boolean breaches(double scale);
  }

  /**
   * One path's search.
   *
   * @param critical the smallest scale found to breach, within {@code tolerance} above the largest
   *     found not to (0 when the path breaches unstressed); null when it does not breach up to the
   *     largest scale
   * @param nonMonotone true when a scale above {@code critical} was found not to breach
   * @param evaluations scale -> breached, every point evaluated
   */
  record Search(Double critical, boolean nonMonotone, TreeMap<Double, Boolean> evaluations) {}

  /**
   * Bisection of one path's breach indicator on [0, maxScale], as {@link Bisection} steps it: the
   * indicator is asked at each scale the search needs, once.
   */
  static Search search(Indicator f, double maxScale, double tolerance) {
    Bisection b = new Bisection(maxScale, tolerance);
    for (Double s = b.next(); s != null; s = b.next()) {
      b.record(s, f.breaches(s));
    }
    return b.result();
  }

  /**
   * One path's bisection, one evaluation at a time, so that a command can evaluate the next scale
   * of many paths at once (on local threads or as Spark tasks) and feed the answers back. The
   * bracket is found by evaluating 1, 2, 4, ... (capped at maxScale; starting at maxScale when it
   * is below 1) until a scale breaches; then [last scale that did not, first that did] is halved
   * until it is at most {@code tolerance} wide. When no scale above 0 failed to breach, 0 itself is
   * evaluated. Then, as a check of monotonicity, min(maxScale, 1.5 x critical) is evaluated, unless
   * already known; a scale above the critical one that does not breach marks the path non-monotone.
   * The scales asked for depend only on the answers, never on when they come.
   */
  static final class Bisection {
    private enum Phase {
      BRACKET,
      FROM_START,
      HALVE,
      ZERO,
      CHECK,
      DONE
    }

    private final double maxScale;
    private final double tolerance;
    private final TreeMap<Double, Boolean> seen = new TreeMap<>();
    private Phase phase = Phase.BRACKET;
    private double s;
    private double lo;
    private double hi;
    private boolean found;
    // From a start: the probe's distance from it, doubled each time; the direction is set by the
    // start's own answer.
    private double step;
    private Boolean startBreached;

    Bisection(double maxScale, double tolerance) {
      this.maxScale = maxScale;
      this.tolerance = tolerance;
      this.s = Math.min(1, maxScale);
    }

    /**
     * A search that brackets from a first guess instead of from 1, 2, 4, ...: {@code start} is
     * evaluated, then start - tau, start - 2 tau, start - 4 tau, ... (floored at 0) while they
     * breach, or start + tau, start + 2 tau, ... (capped at maxScale) while they do not; the
     * bracket found is halved as usual. A scale near the start costs two or three simulations where
     * the bracket from 1 costs about log2(bracket / tau) + 3.
     */
    Bisection(double maxScale, double tolerance, double start) {
      this(maxScale, tolerance);
      this.s = Math.max(0, Math.min(start, maxScale));
      this.step = tolerance;
      this.phase = Phase.FROM_START;
    }

    /** The next scale whose answer the search needs; null when it is done. */
    Double next() {
      while (true) {
        switch (phase) {
          case BRACKET -> {
            Boolean b = seen.get(s);
            if (b == null) {
              return s;
            }
            if (b) {
              hi = s;
              found = true;
              phase = Phase.HALVE;
            } else {
              lo = s;
              if (s >= maxScale) {
                phase = Phase.DONE;
              } else {
                s = Math.min(2 * s, maxScale);
              }
            }
          }
          case FROM_START -> {
            Boolean b = seen.get(s);
            if (b == null) {
              return s;
            }
            if (startBreached == null) {
              startBreached = b;
            }
            if (startBreached) {
              if (!b) {
                lo = s;
                phase = Phase.HALVE;
              } else {
                hi = s;
                found = true;
                if (s == 0) {
                  lo = 0;
                  phase = Phase.ZERO;
                } else {
                  s = Math.max(0, hi - step);
                  step *= 2;
                }
              }
            } else if (b) {
              hi = s;
              found = true;
              phase = Phase.HALVE;
            } else {
              lo = s;
              if (s >= maxScale) {
                phase = Phase.DONE;
              } else {
                s = Math.min(lo + step, maxScale);
                step *= 2;
              }
            }
          }
          case HALVE -> {
            if (hi - lo > tolerance) {
              double mid = 0.5 * (lo + hi);
              Boolean b = seen.get(mid);
              if (b == null) {
                return mid;
              }
              if (b) {
                hi = mid;
              } else {
                lo = mid;
              }
            } else {
              phase = Phase.ZERO;
            }
          }
          case ZERO -> {
            if (lo == 0) {
              Boolean b = seen.get(0.0);
              if (b == null) {
                return 0.0;
              }
              if (b) {
                hi = 0;
              }
            }
            phase = Phase.CHECK;
          }
          case CHECK -> {
            double check = Math.min(maxScale, 1.5 * hi);
            if (check > hi && !seen.containsKey(check)) {
              return check;
            }
            phase = Phase.DONE;
          }
          case DONE -> {
            return null;
          }
        }
      }
    }

    /** The answer at a scale {@link #next} asked for. */
    void record(double scale, boolean breached) {
      seen.put(scale, breached);
    }

    /** The search's result, once {@link #next} has nothing more to ask. */
    Search result() {
      if (next() != null) {
        throw new IllegalStateException("the search is not done");
      }
      if (!found) {
        return new Search(null, false, seen);
      }
      boolean nonMonotone = false;
      for (var e : seen.tailMap(hi, false).entrySet()) {
        nonMonotone |= !e.getValue();
      }
      return new Search(hi, nonMonotone, seen);
    }
  }

  /**
   * The critical scale at breach probability p: the order statistic s_(k), k = ceil(p n), of the
   * paths' critical scales (a path that never breaches counts as +infinity), the smallest scale at
   * which at least a share p of the paths breach.
   *
   * @param value s_(k); null when it is infinite (fewer than p of the paths breach at all)
   * @param lo lower end of the interval, s_(l) (0 when l = 0); null when infinite
   * @param hi upper end, s_(u); null when infinite (u = n + 1, or s_(u) a path that never breaches)
   * @param lowerRank l
   * @param upperRank u
   * @param coverage the interval's coverage, B(u - 1) - B(l - 1) with B the Binomial(n, p) CDF
   */
  record Quantile(
      Double value, Double lo, Double hi, int lowerRank, int upperRank, double coverage) {}

  /**
   * The p-quantile of {@code critical} (null entries: never breached) with its distribution-free
   * interval [s_(l), s_(u)]: l the largest rank with B(l - 1) <= (1 - LEVEL) / 2, u the smallest
   * with B(u - 1) >= (1 + LEVEL) / 2, where B is the CDF of Binomial(n, p), the number of paths
   * whose critical scale lies below the true quantile; then P(s_(l) <= q_p <= s_(u)) >= B(u - 1) -
   * B(l - 1), at least LEVEL when n allows it (ranks 0 and n + 1 stand for 0 and +infinity).
   */
  static Quantile quantile(List<Double> critical, double p) {
    int n = critical.size();
    double[] s = sorted(critical);
    int k = (int) Math.ceil(p * n - 1e-12);
    k = Math.max(1, Math.min(n, k));
    BinomialDistribution b = new BinomialDistribution(n, p);
    double alpha = (1 - LEVEL) / 2;
    int l = 0;
    for (int j = 1; j <= n; j++) {
      if (b.cumulativeProbability(j - 1) <= alpha) {
        l = j;
      }
    }
    int u = n + 1;
    for (int j = n; j >= 1; j--) {
      if (b.cumulativeProbability(j - 1) >= 1 - alpha) {
        u = j;
      }
    }
    double cov =
        (u == n + 1 ? 1 : b.cumulativeProbability(u - 1))
            - (l == 0 ? 0 : b.cumulativeProbability(l - 1));
    Double value = finite(s[k - 1]);
    Double lo = l == 0 ? Double.valueOf(0) : finite(s[l - 1]);
    Double hi = u == n + 1 ? null : finite(s[u - 1]);
    return new Quantile(value, lo, hi, l, u, cov);
  }

  /**
   * One point of the breach-probability curve.
   *
   * @param scale the scale
   * @param breaching paths whose critical scale is at or below it
   * @param probability breaching / n
   * @param lo its 95% Wilson interval
   * @param hi its 95% Wilson interval
   */
  record CurvePoint(double scale, int breaching, double probability, double lo, double hi) {}

  /** The empirical CDF of the critical scales at each grid scale, with Wilson intervals. */
  static List<CurvePoint> curve(List<Double> critical, double[] grid) {
    int n = critical.size();
    List<CurvePoint> out = new ArrayList<>();
    for (double g : grid) {
      int k = 0;
      for (Double c : critical) {
        if (c != null && c <= g + 1e-12) {
          k++;
        }
      }
      double[] w = wilson(k, n);
      out.add(new CurvePoint(g, k, (double) k / n, w[0], w[1]));
    }
    return out;
  }

  /** The Wilson score interval of k successes in n trials at {@link #LEVEL}. */
  static double[] wilson(int k, int n) {
    double ph = (double) k / n;
    double z2 = Z * Z;
    double den = 1 + z2 / n;
    double centre = (ph + z2 / (2.0 * n)) / den;
    double half = Z / den * Math.sqrt(ph * (1 - ph) / n + z2 / (4.0 * n * n));
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /**
   * Eleven evenly spaced scales from 0 to a round number (1, 2 or 5 x 10^m, or 2.5 x 10^m) at or
   * above the largest finite critical scale (maxScale when none is finite).
   */
  static double[] grid(List<Double> critical, double maxScale) {
    double top = 0;
    for (Double c : critical) {
      if (c != null) {
        top = Math.max(top, c);
      }
    }
    if (top == 0) {
      top = critical.stream().allMatch(c -> c != null) ? 1 : maxScale;
    }
    double m = Math.pow(10, Math.floor(Math.log10(top)));
    double nice = 10 * m;
    for (double f : new double[] {1, 2, 2.5, 5, 10}) {
      if (f * m >= top - 1e-12) {
        nice = f * m;
        break;
      }
    }
    nice = Math.min(nice, Math.max(maxScale, top));
    double[] g = new double[11];
    for (int i = 0; i <= 10; i++) {
      g[i] = Math.round(nice * i / 10 * 1e9) / 1e9;
    }
    return g;
  }

  private static double[] sorted(List<Double> critical) {
    double[] s = new double[critical.size()];
    for (int i = 0; i < s.length; i++) {
      Double c = critical.get(i);
      s[i] = c == null ? Double.POSITIVE_INFINITY : c;
    }
    Arrays.sort(s);
    return s;
  }

  private static Double finite(double v) {
    return Double.isInfinite(v) ? null : v;
  }
}
