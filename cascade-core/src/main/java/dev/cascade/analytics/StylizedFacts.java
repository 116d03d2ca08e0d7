package dev.cascade.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stylised facts of one instrument's log returns (Cont 2001): heavy tails (excess and robust
 * kurtosis, Hill tail exponents), no linear autocorrelation, volatility clustering (slowly
 * decaying, power-law autocorrelation of absolute returns), the leverage effect, aggregational
 * Gaussianity, the volume-volatility correlation, and realised against stated volatility.
 * docs/validation.md ("Stylised facts") gives every estimator's equation; {@link StylizedBands} the
 * bands they are judged by. Returns are decimals (0.01 = 1%), volatilities annualised decimals.
 *
 * @param n returns
 * @param segments segments the returns were pooled from (session days, or runs)
 * @param mean mean return
 * @param std sample standard deviation (n - 1)
 * @param skewness g1 = m3 / m2^1.5
 * @param excessKurtosis g2 = m4 / m2^2 - 3 (0 for a Gaussian, standard error about sqrt(24 / n))
 * @param moorsExcessKurtosis Moors' octile kurtosis minus its Gaussian value 1.2331
 * @param tails Hill tail exponents from the top 5% and the top 2.5% of |r|
 * @param acf autocorrelation of returns at lags 1..{@link #ACF_LAGS}
 * @param acfRobustSe its standard error at each lag under no correlation, robust to clustering
 * @param acfBeyond the largest |autocorrelation| from a lag where none is expected on
 * @param absAcf autocorrelation of absolute returns at lags 1..{@link #ABS_ACF_LAGS}
 * @param absAcfDecay power-law fit of absAcf over lags 1..{@link #POWER_LAW_LAGS}
 * @param leverage corr(r_t, |r_{t+k}|), k = 1..{@link #LEVERAGE_LAGS}
 * @param volume correlation of volume with |r| (null without volumes)
 * @param aggregation excess kurtosis of returns summed over {@link #AGGREGATION_SCALES} periods
 * @param realisedVol sqrt(mean(r^2) x periods per year): annualised (NaN if periods per year
 *     unknown)
 * @param statedVol the instrument's stated annualised volatility (NaN if none)
 */
public record StylizedFacts(
    int n,
    int segments,
    double mean,
    double std,
    double skewness,
    double excessKurtosis,
    double moorsExcessKurtosis,
    List<TailExponents> tails,
    List<Double> acf,
    List<Double> acfRobustSe,
    BeyondLag acfBeyond,
    List<Double> absAcf,
    PowerLaw absAcfDecay,
    Leverage leverage,
    VolumeCorrelation volume,
    List<Aggregation> aggregation,
    double realisedVol,
    double statedVol) {

  /** Fewest returns the facts are measured from. */
  public static final int MIN_RETURNS = 30;

  public static final int ACF_LAGS = 20;
  public static final int ABS_ACF_LAGS = 100;
  public static final int POWER_LAW_LAGS = 50;
  public static final int LEVERAGE_LAGS = 10;
  public static final List<Integer> AGGREGATION_SCALES = List.of(1, 5, 15, 20, 30);
  public static final List<Double> HILL_FRACTIONS = List.of(0.05, 0.025);

  /** Window of the moving average volume is divided by (periods; 21 as in the checker). */
  public static final int VOLUME_WINDOW = 21;

  /**
   * Hill exponents of one tail fraction.
   *
   * @param fraction share of the sample in the tail, e.g. 0.05
   * @param both |r - mean|
   * @param left losses, -(r - mean) over the negative values
   * @param right gains
   */
  public record TailExponents(
      double fraction, HillEstimate both, HillEstimate left, HillEstimate right) {}

  /**
   * The largest |autocorrelation of returns| over lags k..lagMax.
   *
   * @param k first lag
   * @param lagMax last lag
   * @param maxAbs the largest |rho|
   * @param atLag where
   * @param robustSe median robust standard error over those lags
   */
  public record BeyondLag(int k, int lagMax, double maxAbs, int atLag, double robustSe) {}

  /**
   * rho(k) ~ exp(logC) k^-beta.
   *
   * @param beta decay exponent (Cont 2001: 0.2 to 0.4 for absolute returns)
   * @param logC intercept of the log-log fit
   * @param r2 R^2 of the fit
   * @param lagsUsed lags with rho(k) > 0 in the fit
   */
  public record PowerLaw(double beta, double logC, double r2, int lagsUsed) {}

  /**
   * The leverage effect.
   *
   * @param values corr(r_t, |r_{t+k}|) for k = 1, 2, ...
   * @param sum their sum (negative: falls raise later volatility)
   * @param sumRobustSe standard error of the sum under no leverage
   * @param sumZ sum / sumRobustSe
   */
  public record Leverage(List<Double> values, double sum, double sumRobustSe, double sumZ) {}

  /**
   * Correlation of volume with |r| in the same period.
   *
   * @param pearson Pearson
   * @param spearman Spearman (ranks)
   * @param pearsonDetrended Pearson with volume over its centred moving average
   * @param window the moving average's periods
   */
  public record VolumeCorrelation(
      double pearson, double spearman, double pearsonDetrended, int window) {}

  /**
   * Returns summed over {@code scale} periods.
   *
   * @param scale periods per aggregated return
   * @param n aggregated returns
   * @param excessKurtosis their g2 (NaN with fewer than 20)
   * @param realisedVol sqrt(mean x^2 x periods per year / scale) of the sums x: annualised
   *     volatility seen at this horizon (above the one-period figure when returns are positively
   *     autocorrelated; NaN if periods per year unknown)
   */
  public record Aggregation(int scale, int n, double excessKurtosis, double realisedVol) {}

  /**
   * What the measurement needs besides the returns.
   *
   * @param acfBeyondLag first lag of {@link #acfBeyond} (a band profile's {@code acf_k})
   * @param periodsPerYear return periods in a year of trading time, to annualise (NaN if unknown)
   * @param statedVol the instrument's stated annualised volatility, decimal (NaN if none)
   */
  public record Settings(int acfBeyondLag, double periodsPerYear, double statedVol) {
    public Settings {
      if (acfBeyondLag < 1) {
        throw new IllegalArgumentException("acfBeyondLag must be at least 1: " + acfBeyondLag);
      }
    }
  }

  /**
   * Measures every fact of {@code series}.
   *
   * @throws IllegalArgumentException with fewer than {@link #MIN_RETURNS} returns
   */
  public static StylizedFacts measure(ReturnSeries series, Settings settings) {
    int n = series.size();
    if (n < MIN_RETURNS) {
      throw new IllegalArgumentException(
          "too few returns (" + n + "; at least " + MIN_RETURNS + " needed)");
    }
    double[] r = series.returnsView();
    double[] mo = ReturnStatistics.moments(r);
    List<TailExponents> tails = new ArrayList<>();
    for (double f : HILL_FRACTIONS) {
      tails.add(ReturnStatistics.tails(r, f));
    }
    int k = settings.acfBeyondLag();
    int lagMax = Math.max(ACF_LAGS, 2 * k);
    double[] acf = ReturnStatistics.acf(r, series, lagMax);
    double[] se = ReturnStatistics.acfRobustSe(r, series, lagMax);
    double maxAbs = Double.NaN;
    int at = 0;
    double[] tailSe = new double[lagMax - k + 1];
    for (int lag = k; lag <= lagMax; lag++) {
      double a = Math.abs(acf[lag - 1]);
      if (Double.isFinite(a) && !(a <= maxAbs)) {
        maxAbs = a;
        at = lag;
      }
      tailSe[lag - k] = se[lag - 1];
    }
    BeyondLag beyond = new BeyondLag(k, lagMax, maxAbs, at, ReturnStatistics.median(tailSe));
    double[] abs = new double[n];
    double sumSq = 0;
    for (int t = 0; t < n; t++) {
      abs[t] = Math.abs(r[t]);
      sumSq += r[t] * r[t];
    }
    double[] absAcf = ReturnStatistics.acf(abs, series, ABS_ACF_LAGS);
    List<Aggregation> agg = new ArrayList<>();
    for (int m : AGGREGATION_SCALES) {
      double[] x = m == 1 ? r : ReturnStatistics.aggregate(r, series, m);
      double sq = ReturnStatistics.dot(x, x);
      agg.add(
          new Aggregation(
              m,
              x.length,
              x.length >= 20 ? ReturnStatistics.moments(x)[3] : Double.NaN,
              x.length == 0
                  ? Double.NaN
                  : Math.sqrt(sq / x.length * settings.periodsPerYear() / m)));
    }
    return new StylizedFacts(
        n,
        series.segments(),
        mo[0],
        mo[1],
        mo[2],
        mo[3],
        ReturnStatistics.moorsExcessKurtosis(r),
        List.copyOf(tails),
        ReturnStatistics.toList(Arrays.copyOf(acf, ACF_LAGS)),
        ReturnStatistics.toList(Arrays.copyOf(se, ACF_LAGS)),
        beyond,
        ReturnStatistics.toList(absAcf),
        ReturnStatistics.powerLaw(absAcf, POWER_LAW_LAGS),
        ReturnStatistics.leverage(r, series, LEVERAGE_LAGS),
        ReturnStatistics.volume(r, series.volumesView(), series, VOLUME_WINDOW),
        List.copyOf(agg),
        Math.sqrt(sumSq / n * settings.periodsPerYear()),
        settings.statedVol());
  }

  /** Mean of the autocorrelation of |r| over lags 1..50 (slow decay keeps it well above 0). */
  public double meanAbsAcf() {
    double s = 0;
    int c = 0;
    for (int k = 0; k < POWER_LAW_LAGS && k < absAcf.size(); k++) {
      if (Double.isFinite(absAcf.get(k))) {
        s += absAcf.get(k);
        c++;
      }
    }
    return c == 0 ? Double.NaN : s / c;
  }

  /** Realised over stated volatility (NaN if either is unknown). */
  public double volRatio() {
    return statedVol > 0 ? realisedVol / statedVol : Double.NaN;
  }

  /** Excess kurtosis of returns aggregated over {@code scale} periods over that of single ones. */
  public double aggregationRatio(int scale) {
    double k1 = aggregation.get(0).excessKurtosis();
    for (Aggregation a : aggregation) {
      if (a.scale() == scale) {
        return k1 > 0 ? a.excessKurtosis() / k1 : Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** The tail exponents of one fraction. */
  public TailExponents tail(double fraction) {
    for (TailExponents t : tails) {
      if (t.fraction() == fraction) {
        return t;
      }
    }
    throw new IllegalArgumentException("no tail fraction " + fraction);
  }

  /**
   * Every figure by name, the names of the checker's JSON paths (e.g. {@code
   * hill.top_5pct.both.alpha}, {@code acf_r.values.0} for lag 1): what band profiles refer to. NaN
   * where a figure cannot be measured.
   */
  public Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("n", (double) n);
    m.put("segments", (double) segments);
    m.put("mean", mean);
    m.put("std", std);
    m.put("skewness", skewness);
    m.put("excess_kurtosis", excessKurtosis);
    m.put("excess_kurtosis_gaussian_se", Math.sqrt(24.0 / n));
    m.put("kurtosis_moors_excess", moorsExcessKurtosis);
    for (TailExponents t : tails) {
      String key = "hill." + tailKey(t.fraction()) + ".";
      putHill(m, key + "both", t.both());
      putHill(m, key + "left", t.left());
      putHill(m, key + "right", t.right());
    }
    for (int k = 0; k < acf.size(); k++) {
      m.put("acf_r.values." + k, acf.get(k));
    }
    for (int k = 0; k < acfRobustSe.size(); k++) {
      m.put("acf_r.robust_se." + k, acfRobustSe.get(k));
    }
    m.put("acf_r.band95_iid", 1.96 / Math.sqrt(n));
    m.put("acf_r.beyond_k.k", (double) acfBeyond.k());
    m.put("acf_r.beyond_k.lag_max", (double) acfBeyond.lagMax());
    m.put("acf_r.beyond_k.max_abs", acfBeyond.maxAbs());
    m.put("acf_r.beyond_k.at_lag", (double) acfBeyond.atLag());
    m.put("acf_r.beyond_k.robust_se", acfBeyond.robustSe());
    for (int k = 0; k < POWER_LAW_LAGS && k < absAcf.size(); k++) {
      m.put("acf_abs_r.values." + k, absAcf.get(k));
    }
    m.put("acf_abs_r.lag1", absAcf.get(0));
    m.put("acf_abs_r.lag10", absAcf.get(9));
    m.put("acf_abs_r.lag50", absAcf.get(49));
    m.put("acf_abs_r.mean_lags_1_to_50", meanAbsAcf());
    m.put("acf_abs_r.power_law.beta", absAcfDecay.beta());
    m.put("acf_abs_r.power_law.log_c", absAcfDecay.logC());
    m.put("acf_abs_r.power_law.r2", absAcfDecay.r2());
    m.put("acf_abs_r.power_law.lags_used", (double) absAcfDecay.lagsUsed());
    for (int k = 0; k < leverage.values().size(); k++) {
      m.put("leverage.values." + k, leverage.values().get(k));
    }
    m.put("leverage.sum", leverage.sum());
    m.put("leverage.sum_robust_se", leverage.sumRobustSe());
    m.put("leverage.sum_z", leverage.sumZ());
    m.put("volume_abs_return.pearson", volume == null ? Double.NaN : volume.pearson());
    m.put("volume_abs_return.spearman", volume == null ? Double.NaN : volume.spearman());
    m.put(
        "volume_abs_return.pearson_detrended",
        volume == null ? Double.NaN : volume.pearsonDetrended());
    for (Aggregation a : aggregation) {
      m.put("aggregational." + a.scale() + ".n", (double) a.n());
      m.put("aggregational." + a.scale() + ".excess_kurtosis", a.excessKurtosis());
      m.put("aggregational." + a.scale() + ".realised_vol", a.realisedVol());
      if (a.scale() != 1) {
        m.put("aggregational_kurtosis_ratio." + a.scale(), aggregationRatio(a.scale()));
      }
    }
    m.put("realised_vol", realisedVol);
    m.put("stated_vol", statedVol);
    m.put("realised_vol_ratio", volRatio());
    return Collections.unmodifiableMap(m);
  }

  /** The names {@link #metrics} gives (the same for every measurement). */
  public static Set<String> metricNames() {
    double[] r = new double[MIN_RETURNS];
    for (int t = 0; t < r.length; t++) {
      r[t] = (t % 7 - 3) * 1e-3;
    }
    return measure(ReturnSeries.of(r), new Settings(1, 1, 1)).metrics().keySet();
  }

  /** "top_5pct" for 0.05, "top_2_5pct" for 0.025, as the checker names them. */
  static String tailKey(double fraction) {
    String pct =
        new BigDecimal(Double.toString(100 * fraction)).stripTrailingZeros().toPlainString();
    return "top_" + pct.replace('.', '_') + "pct";
  }

  private static void putHill(Map<String, Double> m, String key, HillEstimate h) {
    m.put(key + ".alpha", h.alpha());
    m.put(key + ".k", (double) h.k());
    m.put(key + ".se", h.se());
  }
}
