package dev.cascade.agents.systematic;

/**
 * An EWMA covariance matrix of daily log returns, C <- lambda C + (1 - lambda) r r', immutable
 * (each update returns a new matrix; funds update once a day, off the hot path). Vols are
 * annualised with 252 days.
 */
final class Covariance {
  private final double[][] c;
  private final double lambda;

  private Covariance(double[][] c, double lambda) {
    this.c = c;
    this.lambda = lambda;
  }

  /**
   * The prior: annualised vols, correlation {@code stockBondCorr} between each stock and each bond
   * and 0 between other distinct pairs.
   */
  static Covariance prior(
      double[] annualVols, boolean[] stock, boolean[] bond, double stockBondCorr, double lambda) {
    int n = annualVols.length;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double rho =
            i == j ? 1 : (stock[i] && bond[j]) || (bond[i] && stock[j]) ? stockBondCorr : 0;
        c[i][j] = rho * annualVols[i] * annualVols[j] / DailyVol.DAYS_PER_YEAR;
      }
    }
    return new Covariance(c, lambda);
  }

  /** The matrix after one more day of returns. */
  Covariance with(double[] r) {
    int n = r.length;
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        d[i][j] = lambda * c[i][j] + (1 - lambda) * r[i] * r[j];
      }
    }
    return new Covariance(d, lambda);
  }

  /** Annualised volatility of instrument i. */
  double vol(int i) {
    return Math.sqrt(c[i][i] * DailyVol.DAYS_PER_YEAR);
  }

  /** Inverse-volatility weights summing to 1. */
  double[] inverseVolWeights() {
    int n = c.length;
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = 1 / Math.max(vol(i), 1e-9);
      sum += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= sum;
    }
    return w;
  }

  /** Annualised volatility of a portfolio with exposures w: sqrt(w' C w x 252). */
  double portfolioVol(double[] w) {
    double v = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        v += w[i] * c[i][j] * w[j];
      }
    }
    return Math.sqrt(Math.max(0, v) * DailyVol.DAYS_PER_YEAR);
  }
}
