package dev.cascade.derivatives;

/**
 * Parameters of the parametric implied-volatility surface {@link VolSurface}. All vols are
 * annualised decimals; speeds are per {@link VolSurface#update} call unless stated.
 *
 * @param longRunAtm theta, the ATM vol the term structure tends to at long maturities (default
 *     0.1944: the mean VIX close 1990-01-02..2026-07-23, data/ VIX history)
 * @param initialAtm v0, the instantaneous (T -> 0) ATM vol at the start
 * @param termSpeed kappa, per year: how fast the ATM term structure decays from v0 to theta
 *     (default 2.0, assumed: a half-life of about 4 months)
 * @param skew s, the slope of vol in normalised moneyness x = ln(K/F)/sqrt(T) at the start and the
 *     level it reverts to (default -0.6, assumed: puts 10% out of the money at one month about 25%
 *     above ATM vol)
 * @param curvature c, the convexity in x (default 0.15, assumed)
 * @param minVol floor on every vol on the surface (default 0.05, assumed: below the VIX record low
 *     9.14)
 * @param maxVol cap on every vol on the surface (default 1.5, assumed: above the VIX record close
 *     82.69, leaving room for wing strikes)
 * @param ewmaSpeed alpha, the weight of the new realised-vol observation in the ATM level (default
 *     0.06 = 1 - 0.94, RiskMetrics' daily lambda)
 * @param impliedOverRealized the ratio of implied to realised vol the ATM level is pulled to, a
 *     variance risk premium (default 1.1, assumed)
 * @param spotVol the response of the level to the return since the previous close (default {@link
 *     SpotVolCurve#fitted()}: fitted to S&amp;P 500 and VIX closes 2000-2020)
 * @param skewBeta how much a fall in spot steepens the skew: ds = skewBeta * min(d ln S, 0)
 *     (default 2.0, assumed)
 * @param minSkew the steepest skew allowed (default -3.0, assumed)
 * @param maxSkew the flattest (or most positive) skew allowed (default 0.5, assumed)
 */
public record VolSurfaceParams(
    double longRunAtm,
    double initialAtm,
    double termSpeed,
    double skew,
    double curvature,
    double minVol,
    double maxVol,
    double ewmaSpeed,
    double impliedOverRealized,
    SpotVolCurve spotVol,
    double skewBeta,
    double minSkew,
    double maxSkew) {

  public VolSurfaceParams {
    positive(longRunAtm, "longRunAtm");
    positive(initialAtm, "initialAtm");
    positive(termSpeed, "termSpeed");
    positive(minVol, "minVol");
    if (!(maxVol > minVol)) {
      throw new IllegalArgumentException("maxVol must exceed minVol");
    }
    if (!(ewmaSpeed >= 0 && ewmaSpeed <= 1)) {
      throw new IllegalArgumentException("ewmaSpeed must be in [0, 1]");
    }
    positive(impliedOverRealized, "impliedOverRealized");
    if (!(minSkew <= skew && skew <= maxSkew)) {
      throw new IllegalArgumentException("need minSkew <= skew <= maxSkew");
    }
    if (!Double.isFinite(curvature + skewBeta)) {
      throw new IllegalArgumentException("curvature and skewBeta must be finite");
    }
    if (spotVol == null) {
      throw new IllegalArgumentException("spotVol must be given");
    }
  }

  /** The documented defaults, an S&P 500-like index surface. */
  public static VolSurfaceParams defaults() {
    return new VolSurfaceParams(
        0.1944,
        0.1944,
        2.0,
        -0.6,
        0.15,
        0.05,
        1.5,
        0.06,
        1.1,
        SpotVolCurve.fitted(),
        2.0,
        -3.0,
        0.5);
  }

  /** A flat surface at {@code vol} that does not react to spot: for tests and checks. */
  public static VolSurfaceParams flat(double vol) {
    return new VolSurfaceParams(
        vol,
        vol,
        2.0,
        0,
        0,
        Math.min(0.01, vol / 2),
        Math.max(5, 2 * vol),
        0,
        1,
        SpotVolCurve.none(),
        0,
        0,
        0);
  }

  /** A copy with the ATM level (both initial and long run) set to {@code vol}. */
  public VolSurfaceParams withAtm(double vol) {
    return new VolSurfaceParams(
        vol,
        vol,
        termSpeed,
        skew,
        curvature,
        minVol,
        maxVol,
        ewmaSpeed,
        impliedOverRealized,
        spotVol,
        skewBeta,
        minSkew,
        maxSkew);
  }

  private static void positive(double x, String name) {
    if (!(x > 0) || Double.isInfinite(x)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + x);
    }
  }
}
