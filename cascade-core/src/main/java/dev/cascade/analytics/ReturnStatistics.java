package dev.cascade.analytics;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.hipparchus.stat.descriptive.moment.Mean;
import org.hipparchus.stat.descriptive.moment.Variance;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * The estimators behind {@link StylizedFacts}, on values laid out in the segments of a {@link
 * ReturnSeries}: a statistic that pairs x_t with x_{t+k} uses only pairs inside one segment, while
 * means and variances are over the whole sample. With one segment every estimator equals the
 * textbook one (and the independent checker's, ../shared/tools/stylized.py).
 */
final class ReturnStatistics {
  /** Moors' octile kurtosis of a standard normal: (E7 - E5 + E3 - E1) / (E6 - E2). */
  static final double MOORS_GAUSSIAN = 1.2330951154852172;

  private ReturnStatistics() {}

  /**
   * Mean, sample standard deviation (n - 1), skewness g1 = m3 / m2^1.5 and excess kurtosis g2 = m4
   * / m2^2 - 3, with m_j the central moments (divided by n). g2 is the kurtosis of Cont (2001) and
   * of the checker; it is 0 for a Gaussian with standard error about sqrt(24 / n).
   */
  static double[] moments(double[] x) {
    double mean = new Mean().evaluate(x);
    double std = Math.sqrt(new Variance().evaluate(x, mean));
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double v : x) {
      double d = v - mean;
      double d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
    int n = x.length;
    m2 /= n;
    m3 /= n;
    m4 /= n;
    if (!(m2 > 0)) {
      return new double[] {mean, std, Double.NaN, Double.NaN};
    }
    return new double[] {mean, std, m3 / Math.pow(m2, 1.5), m4 / (m2 * m2) - 3};
  }

  /**
   * Moors' (1988) robust kurtosis minus its Gaussian value: ((E7 - E5) + (E3 - E1)) / (E6 - E2) -
   * 1.2331, E_i the i-th octile (quantiles interpolated linearly between order statistics, R type
   * 7). Octiles barely move when one crash enters the sample, unlike the fourth moment.
   */
  static double moorsExcessKurtosis(double[] x) {
    Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    q.setData(x);
    double e1 = q.evaluate(12.5);
    double e2 = q.evaluate(25);
    double e3 = q.evaluate(37.5);
    double e5 = q.evaluate(62.5);
    double e6 = q.evaluate(75);
    double e7 = q.evaluate(87.5);
    double den = e6 - e2;
    return den > 0 ? ((e7 - e5) + (e3 - e1)) / den - MOORS_GAUSSIAN : Double.NaN;
  }

  /** The median of the finite values (NaN if none). */
  static double median(double[] x) {
    double[] f = Arrays.stream(x).filter(Double::isFinite).toArray();
    return f.length == 0
        ? Double.NaN
        : new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(f, 50);
  }

  /**
   * Tail exponents of demeaned returns d: both tails pooled (|d|, k = floor(f n)), the left tail
   * (-d over the negative values, k = floor(f n_neg)) and the right tail (d, k = floor(f n_pos)),
   * so for a symmetric law the three use about the same threshold.
   */
  static StylizedFacts.TailExponents tails(double[] r, double fraction) {
    double mean = new Mean().evaluate(r);
    int n = r.length;
    double[] abs = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    int neg = 0;
    int pos = 0;
    for (int t = 0; t < n; t++) {
      double d = r[t] - mean;
      abs[t] = Math.abs(d);
      left[t] = -d;
      right[t] = d;
      neg += d < 0 ? 1 : 0;
      pos += d > 0 ? 1 : 0;
    }
    return new StylizedFacts.TailExponents(
        fraction,
        HillEstimate.of(abs, (int) Math.floor(fraction * n)),
        HillEstimate.of(left, (int) Math.floor(fraction * neg)),
        HillEstimate.of(right, (int) Math.floor(fraction * pos)));
  }

  /**
   * Sample autocorrelation of x at lags 1..maxLag: rho_k = sum_{pairs} d_t d_{t+k} / sum_t d_t^2, d
   * = x - mean(x), the pairs (t, t+k) inside one segment (the biased estimator of Box and Jenkins).
   * NaN at a lag no segment is longer than.
   */
  static double[] acf(double[] x, ReturnSeries segments, int maxLag) {
    double[] d = demeaned(x);
    double c0 = dot(d, d);
    double[] out = new double[maxLag];
    for (int k = 1; k <= maxLag; k++) {
      double c = 0;
      int pairs = 0;
      for (int j = 0; j < segments.segments(); j++) {
        for (int t = segments.start(j); t + k < segments.end(j); t++) {
          c += d[t] * d[t + k];
          pairs++;
        }
      }
      out[k - 1] = pairs == 0 || !(c0 > 0) ? Double.NaN : c / c0;
    }
    return out;
  }

  /**
   * Standard error of the sample autocorrelation at lags 1..maxLag under no correlation, robust to
   * volatility clustering: se_k = sqrt(sum_{pairs} d_t^2 d_{t+k}^2) / sum_t d_t^2. About 1 /
   * sqrt(n) for independent returns and larger when volatility clusters, where the textbook band is
   * too narrow (Cont 2001, section 5).
   */
  static double[] acfRobustSe(double[] x, ReturnSeries segments, int maxLag) {
    double[] d = demeaned(x);
    double c0 = dot(d, d);
    double[] out = new double[maxLag];
    for (int k = 1; k <= maxLag; k++) {
      double s = 0;
      int pairs = 0;
      for (int j = 0; j < segments.segments(); j++) {
        for (int t = segments.start(j); t + k < segments.end(j); t++) {
          s += d[t] * d[t] * d[t + k] * d[t + k];
          pairs++;
        }
      }
      out[k - 1] = pairs == 0 || !(c0 > 0) ? Double.NaN : Math.sqrt(s) / c0;
    }
    return out;
  }

  /**
   * Power-law fit rho(k) ~ c k^-beta of an autocorrelation: least squares of ln rho(k) on ln k over
   * the lags 1..maxLag where rho(k) > 0; needs 5 such lags.
   */
  static StylizedFacts.PowerLaw powerLaw(double[] rho, int maxLag) {
    SimpleRegression fit = new SimpleRegression();
    int used = 0;
    for (int k = 1; k <= Math.min(maxLag, rho.length); k++) {
      if (rho[k - 1] > 0) {
        fit.addData(Math.log(k), Math.log(rho[k - 1]));
        used++;
      }
    }
    if (used < 5) {
      return new StylizedFacts.PowerLaw(Double.NaN, Double.NaN, Double.NaN, used);
    }
    return new StylizedFacts.PowerLaw(-fit.getSlope(), fit.getIntercept(), fit.getRSquare(), used);
  }

  /**
   * Pearson correlation of x_t with y_{t+k} over the pairs inside one segment; NaN with fewer than
   * 3 pairs or a constant side.
   */
  static double laggedCorrelation(double[] x, double[] y, ReturnSeries segments, int k) {
    int count = 0;
    for (int j = 0; j < segments.segments(); j++) {
      count += Math.max(0, segments.end(j) - segments.start(j) - k);
    }
    if (count < 3) {
      return Double.NaN;
    }
    double[] a = new double[count];
    double[] b = new double[count];
    int i = 0;
    for (int j = 0; j < segments.segments(); j++) {
      for (int t = segments.start(j); t + k < segments.end(j); t++) {
        a[i] = x[t];
        b[i++] = y[t + k];
      }
    }
    return pearson(a, b);
  }

  /**
   * The leverage effect (Bouchaud, Matacz and Potters 2001): L_k = corr(r_t, |r_{t+k}|) for k =
   * 1..maxLag and their sum, negative when falls raise later volatility. The sum's standard error
   * under a symmetric no-leverage null, robust to volatility clustering: with d = r - mean(r), e =
   * |r| - mean(|r|) and E_t = sum_{k=1..K} e_{t+k} (t+K inside t's segment), se = sqrt(sum_t d_t^2
   * E_t^2) / sqrt(sum d^2 sum e^2).
   */
  static StylizedFacts.Leverage leverage(double[] r, ReturnSeries segments, int maxLag) {
    double[] abs = Arrays.stream(r).map(Math::abs).toArray();
    double[] values = new double[maxLag];
    double sum = 0;
    boolean any = false;
    for (int k = 1; k <= maxLag; k++) {
      values[k - 1] = laggedCorrelation(r, abs, segments, k);
      if (Double.isFinite(values[k - 1])) {
        sum += values[k - 1];
        any = true;
      }
    }
    double[] d = demeaned(r);
    double[] e = demeaned(abs);
    double num = 0;
    int terms = 0;
    for (int j = 0; j < segments.segments(); j++) {
      for (int t = segments.start(j); t + maxLag < segments.end(j); t++) {
        double big = 0;
        for (int i = 1; i <= maxLag; i++) {
          big += e[t + i];
        }
        num += d[t] * d[t] * big * big;
        terms++;
      }
    }
    double den = Math.sqrt(dot(d, d) * dot(e, e));
    double se = terms == 0 || !(den > 0) ? Double.NaN : Math.sqrt(num) / den;
    double total = any ? sum : Double.NaN;
    return new StylizedFacts.Leverage(toList(values), total, se, se > 0 ? total / se : Double.NaN);
  }

  /**
   * Correlation of volume with absolute returns (Karpoff 1987): Pearson, Spearman, and Pearson with
   * volume divided by its centred moving average over {@code window} periods (inside each segment
   * longer than 3 windows), which removes the intraday U-shape of volume and slow trends. Null
   * without volumes or with fewer than 30 returns.
   */
  static StylizedFacts.VolumeCorrelation volume(
      double[] r, double[] v, ReturnSeries segments, int window) {
    if (v == null || r.length < 30) {
      return null;
    }
    double[] abs = Arrays.stream(r).map(Math::abs).toArray();
    double pearson = pearson(v, abs);
    double spearman = r.length < 3 ? Double.NaN : new SpearmansCorrelation().correlation(v, abs);
    int h = window / 2;
    double[] rel = new double[r.length];
    double[] rabs = new double[r.length];
    int m = 0;
    for (int j = 0; j < segments.segments(); j++) {
      int a = segments.start(j);
      int len = segments.end(j) - a;
      if (len <= 3 * window) {
        continue;
      }
      double sum = 0;
      for (int i = 0; i < window; i++) {
        sum += v[a + i];
      }
      for (int i = 0; i + window <= len; i++) {
        if (i > 0) {
          sum += v[a + i + window - 1] - v[a + i - 1];
        }
        double ma = sum / window;
        if (ma > 0) {
          rel[m] = v[a + h + i] / ma;
          rabs[m++] = abs[a + h + i];
        }
      }
    }
    double detrended = m < 3 ? Double.NaN : pearson(Arrays.copyOf(rel, m), Arrays.copyOf(rabs, m));
    return new StylizedFacts.VolumeCorrelation(pearson, spearman, detrended, window);
  }

  /**
   * Sums of {@code m} consecutive returns inside each segment (a segment's last incomplete block is
   * dropped): returns at m times the base period.
   */
  static double[] aggregate(double[] r, ReturnSeries segments, int m) {
    int count = 0;
    for (int j = 0; j < segments.segments(); j++) {
      count += (segments.end(j) - segments.start(j)) / m;
    }
    double[] out = new double[count];
    int i = 0;
    for (int j = 0; j < segments.segments(); j++) {
      for (int t = segments.start(j); t + m <= segments.end(j); t += m) {
        double s = 0;
        for (int u = t; u < t + m; u++) {
          s += r[u];
        }
        out[i++] = s;
      }
    }
    return out;
  }

  static double pearson(double[] a, double[] b) {
    if (a.length < 3) {
      return Double.NaN;
    }
    return new PearsonsCorrelation().correlation(a, b);
  }

  static double[] demeaned(double[] x) {
    double mean = new Mean().evaluate(x);
    double[] d = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      d[t] = x[t] - mean;
    }
    return d;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int t = 0; t < a.length; t++) {
      s += a[t] * b[t];
    }
    return s;
  }

  static List<Double> toList(double[] x) {
    return Arrays.stream(x).boxed().toList();
  }
}
