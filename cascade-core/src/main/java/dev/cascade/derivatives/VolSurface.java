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
 * <p>The level's spot response works on the day: R = S / S_close - 1, the return since the previous
 * session close, and f = {@link SpotVolCurve#response}(R, A), A the level at that close (the
 * anchor). The level is v0 = B e^{f(R)}, where B, the level net of today's spot response, starts
 * each session at A and moves only with the EWMA. {@link #update}(S, realisedVol), once per
 * observation, with r = ln(S / S_prev):
 *
 * <pre>
 *   B    <- B e^{e}     the VIX's own news, e ~ N(0, s0^2 d + k^2 r^2), d the day's share elapsed
 *   v0   = B * e^{f(R)}                                        the day's spot response
 *   v0  <- v0 + alpha (impliedOverRealized * realisedVol - v0)  EWMA towards realised
 *   clamp v0 to [minVol, maxVol];  B = v0 / e^{f(R)}
 *   s    <- s + skewBeta * min(r, 0)                           falls steepen the skew
 *   s    <- s + alpha (s_base - s)                             skew relaxes back at the EWMA speed
 * </pre>
 *
 * and s is clamped to [minSkew, maxSkew]. The options are quoted at the level v0 n (1 + p), p the
 * {@link #demandPressure}: after every update and close, n (1 at the start) is set so that the
 * 30-day VIX-style index of the quoted surface ({@link VixIndex#standard()}) is c v0 (1 + p), c its
 * ratio to the level at the start. The spot response f is fitted to the VIX itself, so the index,
 * not the ATM level, is what must move by e^f: the term structure, which mutes the 30-day point,
 * and the skew, whose steepening on falls the VIX already carries, change the surface's shape and
 * not the index (docs/model.md §9). {@link #closeSession}(S) marks a close: the level at S becomes
 * the next session's anchor A and B, S the next S_close, so a fall over several days compounds day
 * by day with a response that flattens as the level rises, as in the data. The surface is not
 * guaranteed free of static arbitrage in the far wings; the floor and cap bound the damage.
 */
public final class VolSurface {
  private static final double MIN_NORMALISING_YEARS = 1.0 / 365;
  private static final VixIndex INDEX = VixIndex.standard();
  private static final double MIN_LEVEL_SCALE = 0.5;
  private static final double MAX_LEVEL_SCALE = 2;

  private final VolSurfaceParams params;
  private double spot;
  private double atmLevel;
  private double skew;
  private double closeSpot;
  private double anchor;
  private double base;
  private double demandPressure;
  private final double indexPerLevel;
  private double levelScale = 1;

  /** A surface at its initial parameters for an underlying trading at {@code spot} dollars. */
  public VolSurface(VolSurfaceParams params, double spot) {
    if (!(spot > 0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException("spot must be positive, got " + spot);
    }
    this.params = params;
    this.spot = spot;
    this.atmLevel = params.initialAtm();
    this.skew = params.skew();
    this.closeSpot = spot;
    this.anchor = atmLevel;
    this.base = atmLevel;
    this.indexPerLevel = INDEX.value(this, spot, 0, 0) / atmLevel;
  }

  /**
   * ATM vol for maturity {@code years}, annualised decimal, from the level v0 n (1 + p), n the
   * {@link #levelScale} and p the {@link #demandPressure}.
   */
  public double atm(double years) {
    double kt = params.termSpeed() * Math.max(years, 0);
    double weight = kt < 1e-8 ? 1 - kt / 2 : -StrictMath.expm1(-kt) / kt;
    double level = atmLevel * levelScale * (1 + demandPressure);
    return clamp(params.longRunAtm() + (level - params.longRunAtm()) * weight);
  }

  /**
   * Sets the customers' demand pressure p >= 0 on the level (docs/model.md §10): the options quoted
   * off this surface use v0 (1 + p). p is kept apart from v0, so the EWMA, the spot response and
   * the session anchor act on v0 alone and the pressure neither decays with them nor compounds.
   */
  public void setDemandPressure(double pressure) {
    if (!(pressure >= 0) || Double.isInfinite(pressure)) {
      throw new IllegalArgumentException("demand pressure must be >= 0, got " + pressure);
    }
    demandPressure = pressure;
  }

  /** The customers' demand pressure p on the level, dimensionless (0: none). */
  public double demandPressure() {
    return demandPressure;
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
    update(newSpot, realizedVol, 0, 0);
  }

  /**
   * {@link #update(double, double)} with the spot response's residual (docs/model.md §9): the level
   * net of the day's response is multiplied by e^{e}, e = {@code gaussian} x {@link
   * SpotVolCurve#residualStd}({@code dayFraction}, r), r the log return since the last update and
   * {@code dayFraction} the trading day's share that has passed since it. Zero-mean in log, so the
   * mean log change for a given return stays the fit's.
   */
  public void update(double newSpot, double realizedVol, double gaussian, double dayFraction) {
    if (!(newSpot > 0) || !(realizedVol >= 0) || Double.isInfinite(newSpot + realizedVol)) {
      throw new IllegalArgumentException(
          "need spot > 0 and realizedVol >= 0, got " + newSpot + ", " + realizedVol);
    }
    double r = StrictMath.log(newSpot / spot);
    double a = params.ewmaSpeed();
    if (gaussian != 0) {
      base *= StrictMath.exp(gaussian * params.spotVol().residualStd(dayFraction, r));
    }
    double response = StrictMath.exp(params.spotVol().response(newSpot / closeSpot - 1, anchor));
    double level = base * response;
    level += a * (params.impliedOverRealized() * realizedVol - level);
    atmLevel = clamp(level);
    base = atmLevel / response;
    double s = skew + params.skewBeta() * Math.min(r, 0);
    s += a * (params.skew() - s);
    skew = Math.max(params.minSkew(), Math.min(params.maxSkew(), s));
    spot = newSpot;
    matchIndexToLevel();
  }

  /**
   * Sets n so that the 30-day index is c v0 (1 + p): two secant steps, since the index is nearly,
   * not exactly, proportional to the quoted level (the floor and cap of the vols, the wings). n is
   * held to [1/2, 2], so a target the clamped vols cannot reach does not wind it up.
   */
  private void matchIndexToLevel() {
    double target = indexPerLevel * atmLevel * (1 + demandPressure);
    for (int k = 0; k < 2; k++) {
      double index = INDEX.value(this, spot, 0, 0);
      double ratio = target / index;
      if (!(ratio > 0) || Double.isInfinite(ratio)) {
        return;
      }
      levelScale = Math.max(MIN_LEVEL_SCALE, Math.min(MAX_LEVEL_SCALE, levelScale * ratio));
    }
  }

  /**
   * Marks a session close at {@code closeSpot} dollars: the level there (no EWMA step) becomes the
   * anchor of the next session, and {@code closeSpot} the price its returns are measured from.
   */
  public void closeSession(double closeSpot) {
    if (!(closeSpot > 0) || Double.isInfinite(closeSpot)) {
      throw new IllegalArgumentException("closeSpot must be positive, got " + closeSpot);
    }
    atmLevel =
        clamp(
            base
                * StrictMath.exp(
                    params.spotVol().response(closeSpot / this.closeSpot - 1, anchor)));
    anchor = atmLevel;
    base = atmLevel;
    this.closeSpot = closeSpot;
    matchIndexToLevel();
  }

  /** The price the day's return is measured from (the previous close), dollars. */
  public double closeSpot() {
    return closeSpot;
  }

  /** The last spot seen, dollars. */
  public double spot() {
    return spot;
  }

  /** The instantaneous ATM level v0, annualised decimal. */
  public double atmLevel() {
    return atmLevel;
  }

  /**
   * The factor n on the quoted ATM level that keeps the 30-day VIX-style index at c v0 (1 + p)
   * whatever the skew and the term structure (1 at the start), dimensionless.
   */
  public double levelScale() {
    return levelScale;
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
