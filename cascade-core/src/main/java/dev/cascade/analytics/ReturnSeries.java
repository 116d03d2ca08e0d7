package dev.cascade.analytics;

import java.util.Arrays;

/**
 * Log returns of one instrument pooled from segments: one segment per session day of a run for
 * one-minute returns, one per run for daily returns. Returns are taken only inside a segment, so
 * none spans a night, a weekend or the seam between two runs; statistics that pair returns (lags,
 * aggregation) pair only returns of the same segment. Each return may carry the volume traded in
 * its period (lots), for the volume-volatility correlation.
 */
public final class ReturnSeries {
  private final double[] returns;
  private final double[] volumes;
  private final int[] starts;

  private ReturnSeries(double[] returns, double[] volumes, int[] starts) {
    this.returns = returns;
    this.volumes = volumes;
    this.starts = starts;
  }

  /** One segment of returns, without volumes. */
  public static ReturnSeries of(double... returns) {
    return builder().addReturns(returns, null).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects segments in order. */
  public static final class Builder {
    private double[] r = new double[256];
    private double[] v = new double[256];
    private int[] s = new int[8];
    private int n;
    private int segments;
    private boolean anyVolume;
    private boolean allVolume = true;

    private Builder() {}

    /**
     * Adds the segment of log returns ln(p_t / p_{t-1}) of consecutive prices {@code prices}; the
     * return ending at price t carries {@code volumes[t]} (may be null). A segment of fewer than
     * two prices adds nothing.
     *
     * @throws IllegalArgumentException if a price is not positive and finite
     */
    public Builder addPrices(double[] prices, double[] volumes) {
      if (volumes != null && volumes.length != prices.length) {
        throw new IllegalArgumentException(
            prices.length + " prices but " + volumes.length + " volumes");
      }
      for (double p : prices) {
        if (!(p > 0) || !Double.isFinite(p)) {
          throw new IllegalArgumentException("price " + p + " is not positive and finite");
        }
      }
      if (prices.length < 2) {
        return this;
      }
      double[] logReturns = new double[prices.length - 1];
      for (int t = 1; t < prices.length; t++) {
        logReturns[t - 1] = Math.log(prices[t] / prices[t - 1]);
      }
      return addReturns(
          logReturns, volumes == null ? null : Arrays.copyOfRange(volumes, 1, volumes.length));
    }

    /** Adds a segment of returns; {@code volumes} (may be null) is the volume of each period. */
    public Builder addReturns(double[] returns, double[] volumes) {
      if (volumes != null && volumes.length != returns.length) {
        throw new IllegalArgumentException(
            returns.length + " returns but " + volumes.length + " volumes");
      }
      if (returns.length == 0) {
        return this;
      }
      while (n + returns.length > r.length) {
        r = Arrays.copyOf(r, 2 * r.length);
        v = Arrays.copyOf(v, 2 * v.length);
      }
      if (segments == s.length) {
        s = Arrays.copyOf(s, 2 * s.length);
      }
      s[segments++] = n;
      for (int i = 0; i < returns.length; i++) {
        if (!Double.isFinite(returns[i])) {
          throw new IllegalArgumentException("return " + returns[i] + " is not finite");
        }
        r[n + i] = returns[i];
        v[n + i] = volumes == null ? Double.NaN : volumes[i];
      }
      anyVolume |= volumes != null;
      allVolume &= volumes != null;
      n += returns.length;
      return this;
    }

    public ReturnSeries build() {
      // Volume statistics need every return's volume: a mix of segments with and without is
      // treated as no volume at all.
      return new ReturnSeries(
          Arrays.copyOf(r, n),
          anyVolume && allVolume ? Arrays.copyOf(v, n) : null,
          Arrays.copyOf(s, segments));
    }
  }

  /** Number of returns. */
  public int size() {
    return returns.length;
  }

  /** Number of non-empty segments. */
  public int segments() {
    return starts.length;
  }

  /** The returns in order, segment after segment (a copy). */
  public double[] returns() {
    return returns.clone();
  }

  /** Whether every return carries its period's volume. */
  public boolean hasVolume() {
    return volumes != null;
  }

  double[] returnsView() {
    return returns;
  }

  /** The volumes (same order as the returns), or null. */
  double[] volumesView() {
    return volumes;
  }

  /** Index of the first return of segment {@code j}. */
  int start(int j) {
    return starts[j];
  }

  /** Index one past the last return of segment {@code j}. */
  int end(int j) {
    return j + 1 < starts.length ? starts[j + 1] : returns.length;
  }
}
