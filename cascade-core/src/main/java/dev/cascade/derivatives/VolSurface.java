package dev.cascade.derivatives;

/**
 * The implied-volatility surface of one underlying, in log-moneyness k = ln(K/F) and time T
 * (years), whose level reacts to realised volatility and spot moves. Mutable state (ATM level,
 * skew, last spot) over immutable {@link VolSurfaceParams}; one instance per underlying, used on
 * the simulation thread only.
 *
 * <pre>
 *   sigma(k, T) = clamp( atm(T) * (1 + s x + c x^2), minVol, maxVol ),   x = k / sqrt(max(T, 1/365))
 *   atm(T)      = theta + (v0 - theta) (1 - e^{-kappa T}) / (kappa T)
 * </pre>
 *
 * <p>Normalising moneyness by sqrt(T) makes the skew flatten as 1/sqrt(T) with maturity, as index
 * skews do; the ATM term structure is the average over [0, T] of an instantaneous level that
 * reverts from v0 to theta at speed kappa (the shape of Heston's expected average variance, applied
 * to vol). Because the smile is a function of moneyness, it moves with the forward: the
 * sticky-moneyness (approximately sticky-delta) rule.
 *
 * <p>{@link #update}(S, realisedVol), once per observation (e.g. daily), with r = ln(S / S_prev):
 *
 * <pre>
 *   v0   <- v0 * e^{-beta r}                                 spot-vol beta: falls raise vol
 *   v0   <- v0 + alpha (impliedOverRealized * realisedVol - v0)   EWMA towards realised
 *   s    <- s + skewBeta * min(r, 0)                         falls steepen the skew
 *   s    <- s + alpha (s_base - s)                           skew relaxes back at the EWMA speed
 * </pre>
 *
 * then v0 is clamped to [minVol, maxVol] and s to [minSkew, maxSkew]. The surface is not guaranteed
 * free of static arbitrage in the far wings; the floor and cap bound the damage.
 */
public final class VolSurface {
  private static final double MIN_NORMALISING_YEARS = 1.0 / 365;

  private final VolSurfaceParams params;
  private double spot;
  private double atmLevel;
  private double skew;

  /** A surface at its initial parameters for an underlying trading at {@code spot} dollars. */
  public VolSurface(VolSurfaceParams params, double spot) {
    if (!(spot > 0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException("spot must be positive, got " + spot);
    }
    this.params = params;
    this.spot = spot;
    this.atmLevel = params.initialAtm();
    this.skew = params.skew();
  }

  /** ATM vol for maturity {@code years}, annualised decimal. */
  public double atm(double years) {
    double kt = params.termSpeed() * Math.max(years, 0);
    double weight = kt < 1e-8 ? 1 - kt / 2 : -StrictMath.expm1(-kt) / kt;
    return clamp(params.longRunAtm() + (atmLevel - params.longRunAtm()) * weight);
  }

  /** Implied vol at log-moneyness {@code k = ln(K/F)} and maturity {@code years}, decimal. */
  public double vol(double logMoneyness, double years) {
    double x = logMoneyness / Math.sqrt(Math.max(years, MIN_NORMALISING_YEARS));
    return clamp(atm(years) * (1 + skew * x + params.curvature() * x * x));
  }

  /** Implied vol at strike {@code strike} for forward {@code forward} (dollars), decimal. */
  public double volAtStrike(double strike, double forward, double years) {
    return vol(StrictMath.log(strike / forward), years);
  }

  /**
   * Moves the surface after a new observation: {@code newSpot} in dollars, {@code realizedVol}
   * annualised decimal (e.g. an EWMA of squared returns).
   */
  public void update(double newSpot, double realizedVol) {
    if (!(newSpot > 0) || !(realizedVol >= 0) || Double.isInfinite(newSpot + realizedVol)) {
      throw new IllegalArgumentException(
          "need spot > 0 and realizedVol >= 0, got " + newSpot + ", " + realizedVol);
    }
    double r = StrictMath.log(newSpot / spot);
    double a = params.ewmaSpeed();
    double level = atmLevel * StrictMath.exp(-params.spotVolBeta() * r);
    level += a * (params.impliedOverRealized() * realizedVol - level);
    atmLevel = clamp(level);
    double s = skew + params.skewBeta() * Math.min(r, 0);
    s += a * (params.skew() - s);
    skew = Math.max(params.minSkew(), Math.min(params.maxSkew(), s));
    spot = newSpot;
  }

  /** The last spot seen, dollars. */
  public double spot() {
    return spot;
  }

  /** The instantaneous ATM level v0, annualised decimal. */
  public double atmLevel() {
    return atmLevel;
  }

  /** The current skew s (per unit of x = ln(K/F)/sqrt(T)). */
  public double skew() {
    return skew;
  }

  /** The parameters this surface was built with. */
  public VolSurfaceParams params() {
    return params;
  }

  private double clamp(double v) {
    return Math.max(params.minVol(), Math.min(params.maxVol(), v));
  }
}
