package dev.cascade.agents;

import dev.cascade.kernel.Gaussian;
import dev.cascade.kernel.Session;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import java.util.random.RandomGenerator;

/**
 * The activity of one instrument's news flow: how fast information arrives, relative to its
 * long-run mean (1). It sets the variance of the fundamental walk and the pace of the noise
 * traders, so volatility clusters, minute returns have heavy tails and volume answers volatility
 * (the mixture-of-distributions view: Clark 1973, Tauchen and Pitts 1983; Andersen 1996).
 *
 * <p>{@code a(t) = U(t) exp(X(t) - Var X / 2 + E(t)) G(t)}:
 *
 * <ul>
 *   <li>{@code X} is a sum of {@value #COMPONENTS} Ornstein-Uhlenbeck processes in trading time
 *       with timescales from one minute to 100,000 minutes (about a trading year), ten apart, each
 *       of variance {@code lambda^2 ln 10}. Their covariance, {@code lambda^2 ln(T / l)} between
 *       lags l of one minute and T, is the log-volatility of the multifractal random walk (Bacry,
 *       Delour and Muzy 2001, Phys. Rev. E 64, 026103), with the intermittency {@code lambda^2} =
 *       {@value #INTERMITTENCY} within the 0.02-0.04 they and Muzy, Delour and Bacry (2000) measure
 *       on indices, stocks and FX. It starts from its stationary law, so each seed's day has its
 *       own level of activity, as real days do.
 *   <li>{@code U} is the intraday U-shape of US equity variance (Wood, McInish and Ord 1985;
 *       Andersen and Bollerslev 1997): {@code 1 + 12 exp(-m / 12) + 2 exp(-(390 - m) / 12)} with m
 *       minutes since the open, divided by its session mean: about 11 times midday's variance in
 *       the first five minutes, 2.6 times in the last five. Other sessions: 1 (assumed).
 *   <li>{@code E} is the excitation a scenario shock adds: {@code ln(1 + z)} for a shock of z daily
 *       standard deviations, decaying with a one-hour time constant of trading time. Aftershock
 *       activity after a market shock grows with its size and relaxes over about an hour (the Omori
 *       and productivity laws of Lillo and Mantegna 2003 and Petersen et al. 2010); the logarithm
 *       and the hour are assumed.
 *   <li>{@code G} is the leverage effect: the instrument's traded price against its own average
 *       raises the activity after falls and lowers it after rises ({@link LeverageEffect}, set by
 *       {@link Fundamentals#observePrice}; 1 when the instrument has none).
 * </ul>
 *
 * <p>The trading activity {@code b(t)}, which paces the noise traders, is the same with {@code
 * sqrt(U)} over its session mean in place of {@code U}: volume's intraday U is flatter than
 * variance's (docs/model.md §4).
 *
 * <p>News jumps arrive at {@value #JUMPS_PER_DAY} per trading day times {@code a} and carry a share
 * {@value #JUMP_SHARE} of the walk's variance (intraday jumps: Andersen, Bollerslev and Diebold
 * 2007 put jumps at about a tenth of daily variance and Lee and Mykland 2008 find several a day in
 * individual stocks; both figures here are assumed within those ranges). The activity is updated
 * once a minute from its own random stream, so the walk's draws and the activity's are independent
 * and neither depends on who looks. Whether a jump arrives takes one uniform of that stream every
 * step and a jump's size comes from a stream of its own, so the draws do not depend on the activity
 * either: two runs whose activities differ (a leverage effect reading different prices) keep their
 * draws paired.
 */
public final class NewsFlow {
  static final int COMPONENTS = 6;
  static final double INTERMITTENCY = 0.04;
  static final double JUMPS_PER_HOUR = 8 / 6.5;
  static final double JUMP_SHARE = 0.1;
  private static final double SHOCK_DECAY_SECONDS = 3600;
  private static final double FIRST_SCALE_SECONDS = 60;
  private static final double SCALE_RATIO = 10;
  static final double U_OPEN = 12;
  static final double U_CLOSE = 2;
  static final double U_MINUTES = 12;
  private static final double US_SESSION_MINUTES = 390;

  private final SessionKind kind;
  private final RandomGenerator rng;
  private final RandomGenerator jumpRng;
  private final double componentVar;
  private final double[] y = new double[COMPONENTS];
  private final double[] decay = new double[COMPONENTS];
  private final double[] shockScale = new double[COMPONENTS];
  private final double uMean;
  private final double uRootMean;
  private final double stepVar;
  private final double jumpProbPerStep;
  private final double jumpSigma;
  private double excitation;
  private long lastUpdate = Long.MIN_VALUE;
  private double activity = 1;
  private double tradingActivity = 1;
  private double leverage = 1;

  /**
   * @param kind the instrument's session
   * @param rng the activity's own stream: the components' draws and one uniform a step for whether
   *     a jump arrives, so its draws do not depend on the activity
   * @param jumpRng the jumps' sizes, one draw a jump: the k-th jump of two runs has the same size
   * @param stepSigma the walk's standard deviation per one-second step at activity 1
   */
  NewsFlow(SessionKind kind, RandomGenerator rng, RandomGenerator jumpRng, double stepSigma) {
    this.kind = kind;
    this.rng = rng;
    this.jumpRng = jumpRng;
    componentVar = INTERMITTENCY * Math.log(SCALE_RATIO);
    double scale = FIRST_SCALE_SECONDS;
    for (int c = 0; c < COMPONENTS; c++, scale *= SCALE_RATIO) {
      decay[c] = StrictMath.exp(-FIRST_SCALE_SECONDS / scale);
      shockScale[c] = Math.sqrt(componentVar * (1 - decay[c] * decay[c]));
      y[c] = Math.sqrt(componentVar) * Gaussian.next(rng);
    }
    uMean = kind == SessionKind.US_EQUITY ? uShapeMean(1) : 1;
    uRootMean = kind == SessionKind.US_EQUITY ? uShapeMean(0.5) : 1;
    stepVar = stepSigma * stepSigma;
    jumpProbPerStep = JUMPS_PER_HOUR / 3600; // one step is one second
    jumpSigma = Math.sqrt(JUMP_SHARE * stepVar / jumpProbPerStep);
  }

  /** Trading seconds in one day of the session (6.5 h, 23 h, 24 h; lunch breaks excluded). */
  static double tradingDaySeconds(SessionKind kind) {
    return kind.tradingDaySeconds();
  }

  /** Moves the activity to time {@code t} (open), one minute of trading time after the last. */
  void update(Session session, long t) {
    if (lastUpdate != Long.MIN_VALUE) {
      for (int c = 0; c < COMPONENTS; c++) {
        y[c] = y[c] * decay[c] + shockScale[c] * Gaussian.next(rng);
      }
      excitation *= StrictMath.exp(-FIRST_SCALE_SECONDS / SHOCK_DECAY_SECONDS);
    }
    lastUpdate = t;
    double x = 0;
    for (int c = 0; c < COMPONENTS; c++) {
      x += y[c];
    }
    double u = 1;
    double uTrading = 1;
    if (kind == SessionKind.US_EQUITY) {
      double m = (t - session.sessionOpen(t)) / (double) Time.NANOS_PER_MINUTE;
      double shape = uShape(m);
      u = shape / uMean;
      uTrading = Math.sqrt(shape) / uRootMean;
    }
    double level = StrictMath.exp(x - 0.5 * COMPONENTS * componentVar + excitation) * leverage;
    activity = u * level;
    tradingActivity = uTrading * level;
  }

  /** Adds the excitation of a shock of {@code z} daily standard deviations. */
  void excite(double z) {
    if (z > 0 && Double.isFinite(z)) {
      excitation += StrictMath.log1p(z);
      activity *= 1 + z;
      tradingActivity *= 1 + z;
    }
  }

  /**
   * Sets the leverage effect's factor on the activity (1: none), from now on: the instrument's
   * price against its own average sets it ({@link Fundamentals#observePrice}).
   */
  void setLeverage(double factor) {
    activity *= factor / leverage;
    tradingActivity *= factor / leverage;
    leverage = factor;
  }

  /** The leverage effect's current factor on the activity (1: none). */
  double leverage() {
    return leverage;
  }

  /** The current activity (mean 1): the rate of information, which sets the walk's variance. */
  double activity() {
    return activity;
  }

  /**
   * The current trading activity (mean 1): the pace of order flow. It is the activity with the
   * intraday shape's square root in place of the shape (volume answers the standard deviation of
   * the time of day, not its variance); the day's level, its clustering and a shock's excitation
   * are the same.
   */
  double tradingActivity() {
    return tradingActivity;
  }

  /** The walk's diffusion standard deviation for one step at the current activity. */
  double diffusionSigma() {
    return Math.sqrt(stepVar * (1 - JUMP_SHARE) * activity);
  }

  /** A news jump's log size for this step (0 when none arrives). */
  double jumpLog() {
    if (rng.nextDouble() >= jumpProbPerStep * activity) {
      return 0;
    }
    return jumpSigma * Gaussian.next(jumpRng) - 0.5 * jumpSigma * jumpSigma;
  }

  private static double uShape(double m) {
    return 1
        + U_OPEN * StrictMath.exp(-m / U_MINUTES)
        + U_CLOSE * StrictMath.exp(-(US_SESSION_MINUTES - m) / U_MINUTES);
  }

  /** The session mean of the shape raised to {@code power}. */
  private static double uShapeMean(double power) {
    double sum = 0;
    for (int m = 0; m < US_SESSION_MINUTES; m++) {
      sum += StrictMath.pow(uShape(m + 0.5), power);
    }
    return sum / US_SESSION_MINUTES;
  }
}
