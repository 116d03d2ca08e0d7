package dev.cascade.derivatives;

/**
 * The response of the ATM vol level to the underlying's return since the previous session close,
 * fitted to the S&P 500 and the VIX ({@code tools/spot_vol_curve.py}, docs/model.md §9).
 *
 * <pre>
 *   L    = ln(anchor / referenceLevel)                   anchor: the ATM level at the previous close
 *   f(R) = min(downSlope + downLevelSlope L, 0) R + downCurvature R^2    R &lt; 0
 *   f(R) = min(upSlope + upLevelSlope L, 0) R                            R &gt;= 0
 * </pre>
 *
 * R is the simple return since the close (0.01 = +1%); f is a change in log vol. Both slopes are
 * capped at 0 so a fall never lowers the level and a rally never raises it (the fit's level terms
 * would flip the sign above about 3.4x the reference on falls, outside most of the data).
 *
 * <p>What the fit leaves unexplained, the VIX's own news, is a zero-mean residual in log whose
 * variance over a day grows with the day's squared return: Var e = s0^2 + k^2 R^2, fitted to the
 * squared residuals of the same days. Over a fraction d of a trading day with a log return r of the
 * underlying, the residual's variance is s0^2 d + k^2 r^2 ({@link #residualStd}).
 *
 * @param downSlope b1, per unit of return on down days
 * @param downCurvature b2, per unit of return squared on down days (convexity)
 * @param downLevelSlope b3: how much a higher starting level flattens the down-day slope
 * @param upSlope u1, per unit of return on up days
 * @param upLevelSlope u3: the same for up days
 * @param referenceLevel the level at which L = 0, annualised decimal vol
 * @param residualDaily s0, the residual's standard deviation over a day with no move, in log
 * @param residualPerReturn k, the residual's standard deviation per unit of the day's return
 */
public record SpotVolCurve(
    double downSlope,
    double downCurvature,
    double downLevelSlope,
    double upSlope,
    double upLevelSlope,
    double referenceLevel,
    double residualDaily,
    double residualPerReturn) {

  public SpotVolCurve {
    if (!Double.isFinite(downSlope + downCurvature + downLevelSlope + upSlope + upLevelSlope)) {
      throw new IllegalArgumentException("spot-vol coefficients must be finite");
    }
    if (!(referenceLevel > 0) || Double.isInfinite(referenceLevel)) {
      throw new IllegalArgumentException("referenceLevel must be positive, got " + referenceLevel);
    }
    if (!(residualDaily >= 0 && residualPerReturn >= 0)
        || Double.isInfinite(residualDaily + residualPerReturn)) {
      throw new IllegalArgumentException("the residual's coefficients must be finite and >= 0");
    }
    if (downCurvature < 0) {
      // with b2 < 0 a deep enough fall would lower the level again: not monotone
      throw new IllegalArgumentException("downCurvature must be >= 0, got " + downCurvature);
    }
  }

  /**
   * The fit of {@code python3 tools/spot_vol_curve.py} over 5,104 daily S&P 500 / VIX close pairs,
   * 2000-01-03..2020-04-17 (standard errors: b1 0.107, b2 3.18, b3 0.188, u1 0.090, u3 0.123),
   * reference 0.1944 (the mean VIX close 1990-2026); the residual's s0 = 0.0362 and k = 1.563 (s0^2
   * = 0.00131, s.e. 0.00006; k^2 = 2.44, s.e. 0.11).
   */
  public static SpotVolCurve fitted() {
    return new SpotVolCurve(-5.653, 43.51, 6.592, -4.932, 2.564, 0.1944, 0.0362, 1.563);
  }

  /** The fitted response with no residual: the level moves with spot and nothing else. */
  public SpotVolCurve withoutResidual() {
    return new SpotVolCurve(
        downSlope, downCurvature, downLevelSlope, upSlope, upLevelSlope, referenceLevel, 0, 0);
  }

  /** No response to spot: a flat curve, for tests and flat surfaces. */
  public static SpotVolCurve none() {
    return new SpotVolCurve(0, 0, 0, 0, 0, 0.2, 0, 0);
  }

  /**
   * The log change of the level for a return {@code dayReturn} since the close (simple, 0.01 = +1%)
   * when the level at the close was {@code anchor} (annualised decimal).
   */
  public double response(double dayReturn, double anchor) {
    double level = StrictMath.log(anchor / referenceLevel);
    if (dayReturn < 0) {
      return Math.min(downSlope + downLevelSlope * level, 0) * dayReturn
          + downCurvature * dayReturn * dayReturn;
    }
    return Math.min(upSlope + upLevelSlope * level, 0) * dayReturn;
  }

  /**
   * The residual's standard deviation in log over {@code dayFraction} of a trading day in which the
   * underlying's log return was {@code logReturn}: sqrt(s0^2 d + k^2 r^2).
   */
  public double residualStd(double dayFraction, double logReturn) {
    return Math.sqrt(
        residualDaily * residualDaily * dayFraction
            + residualPerReturn * residualPerReturn * logReturn * logReturn);
  }
}
