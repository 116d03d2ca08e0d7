package dev.cascade.agents;

import dev.cascade.derivatives.VixIndex;
import dev.cascade.kernel.Gaussian;
import dev.cascade.kernel.RandomStreams;
import dev.cascade.kernel.Session;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/**
 * The fundamental value of each instrument: a driftless geometric random walk on a one-second grid
 * whose variance follows the news flow's activity, V(t + dt) = V(t) exp(sigma sqrt(a (1 - j) dt) Z
 * - sigma^2 a (1 - j) dt / 2) with dt in years of trading time, Z standard normal and a the
 * activity of {@link NewsFlow} (mean 1), plus news jumps carrying a share j of the variance, plus
 * the jumps scenario shocks apply. The walk moves only on grid steps inside the instrument's
 * trading session: sigma is annualised over trading time, so a walk that also ran through nights
 * and weekends would give a multi-day equity run several times its stated variance. Overnight gaps
 * come from shocks (an earnings release after the close). Each instrument's walk has its own random
 * stream ("fundamental:SYMBOL") and consumes one draw per open grid step whoever asks, so values do
 * not depend on when agents look (common random numbers across ablations).
 *
 * <p>Rates: an instrument given a duration D (years) and convexity C (years squared) is also
 * discounted by the cumulative shift s (decimal, 0.0025 = 25 bp) of its discount rate since the
 * start: V = W (1 - D s + C s^2 / 2), the second-order Taylor expansion of a price in its yield, so
 * dV/V = -D dr for a small move. For a Treasury this is its price following its yield; for a stock
 * D is the equity duration of its cash flows (see docs/model.md §12). The factor is floored at 0.01
 * so a huge shift cannot make a value negative.
 */
public final class Fundamentals {
  /** Grid step of the random walk. */
  public static final long STEP_NANOS = Time.NANOS_PER_SECOND;

  /** Steps between updates of the news flow's activity (one minute). */
  private static final int STEPS_PER_ACTIVITY_UPDATE = 60;

  /** A 365-day year in nanoseconds: the calendar the VIX and its futures count time in. */
  private static final double CALENDAR_YEAR_NANOS = 365.0 * 86_400 * Time.NANOS_PER_SECOND;

  private final double[] value;
  private final double[] stepSigma;
  private final long[] advancedTo;
  private final RandomGenerator[] rng;
  private final Session[] session;
  private final int[] lastShock;
  private final double[] duration;
  private final double[] convexity;
  private final double[] rateShift;
  private final int[] leader;
  private final double[] ratio;
  private final NewsFlow[] news;
  private final int[][] basketMembers;
  private final double[][] basketWeights;
  private final double[] dailySigma;
  private final long[] steps;
  private final DoubleSupplier[] volIndex;
  private final int[] volUnderlying;
  private final long[] volExpiry;
  private final double[] volKappa;
  private final double[] volTheta;
  private final double[] annualVol;

  private static final double[] NO_LOADS = new double[0];
  private static final int[] NO_FACTORS = new int[0];

  /** Per instrument: correlation of its walk with each factor driving it (empty: none). */
  private final double[][] walkLoad;

  /** Per instrument: the index of each of those factors. */
  private final int[][] walkFactor;

  /** Per factor: its draws' key, and its draw for the second last asked (each is drawn once). */
  private long[] factorKey = new long[0];

  private long[] factorSecond = new long[0];
  private double[] factorValue = new double[0];

  /** Per instrument: the weight of its own draw, sqrt(1 - sum of squared correlations). */
  private final double[] ownWeight;

  /** Per instrument: its leverage effect (none unless set). */
  private final LeverageEffect[] leverage;

  /** Per instrument: the exponential average of the log traded price, and trading seconds seen. */
  private final double[] leverageReference;

  private final double[] leverageSeconds;

  /**
   * @param annualVols volatility of each instrument's walk, annualised decimal
   * @param start simulation start, nanos
   */
  public Fundamentals(
      List<Instrument> instruments, double[] annualVols, RandomStreams streams, long start) {
    int n = instruments.size();
    value = new double[n];
    stepSigma = new double[n];
    advancedTo = new long[n];
    rng = new RandomGenerator[n];
    session = new Session[n];
    lastShock = new int[n];
    duration = new double[n];
    convexity = new double[n];
    rateShift = new double[n];
    leader = new int[n];
    ratio = new double[n];
    news = new NewsFlow[n];
    basketMembers = new int[n][];
    basketWeights = new double[n][];
    dailySigma = new double[n];
    steps = new long[n];
    volIndex = new DoubleSupplier[n];
    volUnderlying = new int[n];
    volExpiry = new long[n];
    volKappa = new double[n];
    volTheta = new double[n];
    annualVol = annualVols.clone();
    walkLoad = new double[n][];
    walkFactor = new int[n][];
    java.util.Arrays.fill(walkLoad, NO_LOADS);
    java.util.Arrays.fill(walkFactor, NO_FACTORS);
    ownWeight = new double[n];
    java.util.Arrays.fill(ownWeight, 1);
    leverage = new LeverageEffect[n];
    java.util.Arrays.fill(leverage, LeverageEffect.NONE);
    leverageReference = new double[n];
    leverageSeconds = new double[n];
    java.util.Arrays.fill(leader, -1);
    java.util.Arrays.fill(volUnderlying, -1);
    for (Instrument i : instruments) {
      int k = i.id();
      value[k] = i.referencePriceTicks();
      double stepYears =
          (double) STEP_NANOS / Time.NANOS_PER_SECOND / i.session().tradingSecondsPerYear();
      stepSigma[k] = annualVols[k] * Math.sqrt(stepYears);
      advancedTo[k] = start;
      rng[k] = streams.stream("fundamental:" + i.symbol());
      session[k] = Session.of(i.session());
      double daySeconds = NewsFlow.tradingDaySeconds(i.session());
      dailySigma[k] = annualVols[k] * Math.sqrt(daySeconds / i.session().tradingSecondsPerYear());
      news[k] =
          new NewsFlow(
              i.session(),
              streams.stream("news:" + i.symbol()),
              streams.stream("jumps:" + i.symbol()),
              stepSigma[k]);
      leverageReference[k] = StrictMath.log(value[k]);
      if (session[k].isOpen(start)) {
        news[k].update(session[k], start);
      }
    }
  }

  /** The fundamental value in ticks at time {@code t} (not before the last time asked). */
  public double value(int instrument, long t) {
    if (volIndex[instrument] != null) {
      return ratio[instrument] * volFutureLevel(instrument, t);
    }
    int[] members = basketMembers[instrument];
    if (members != null) {
      double nav = 0;
      for (int m = 0; m < members.length; m++) {
        nav += basketWeights[instrument][m] * value(members[m], t);
      }
      return nav * ratio[instrument];
    }
    int l = leader[instrument];
    if (l >= 0) {
      return value(l, t) * ratio[instrument] * rateFactor(instrument);
    }
    advance(instrument, t);
    return value[instrument] * rateFactor(instrument);
  }

  /**
   * The news flow's trading activity for the instrument at time {@code t} (mean 1 over a long run):
   * the multiplier of the noise traders' arrival rate ({@link NewsFlow#tradingActivity()}). A
   * basket's is its members' value-weighted mean; a follower shares its leader's.
   */
  public double tradingActivity(int instrument, long t) {
    int[] members = basketMembers[instrument];
    if (members != null) {
      double a = 0;
      double total = 0;
      for (int m = 0; m < members.length; m++) {
        double weight = basketWeights[instrument][m] * value(members[m], t);
        a += weight * tradingActivity(members[m], t);
        total += weight;
      }
      return a / total;
    }
    if (volUnderlying[instrument] >= 0) {
      return tradingActivity(volUnderlying[instrument], t);
    }
    int l = leader[instrument];
    int k = l >= 0 ? l : instrument;
    advance(k, t);
    return news[k].tradingActivity();
  }

  /**
   * Gives the instrument's news flow a leverage effect (docs/model.md §4, "Leverage"): from then on
   * {@link #observePrice} scales its activity by {@code G = exp(h(x)) / E_v[exp(h)]}, with h the
   * effect's {@link LeverageEffect#logVariance}, x the log of the traded price over its exponential
   * average with memory T, and E_v the mean of exp(h) over x normal with variance v = sigma_d^2 (T
   * / 2)(1 - exp(-2 t / T)), what x would have after t trading days on the walk alone (sigma_d its
   * daily volatility): G has mean 1 under that walk, so the long-run volatility stays the stated
   * one.
   */
  public void setLeverageEffect(int instrument, LeverageEffect effect) {
    leverage[instrument] = effect;
  }

  /**
   * Whether the instrument's own news flow reads its price: it has a leverage effect and a walk of
   * its own (an ETF on a basket, a future following a leader and a volatility future take their
   * members', leader's or index's).
   */
  public boolean readsPrice(int instrument) {
    return leverage[instrument].amplitude() > 0
        && basketMembers[instrument] == null
        && leader[instrument] < 0
        && volIndex[instrument] == null;
  }

  /**
   * Reads the instrument's last traded price at time {@code t}, {@code seconds} of trading time
   * after the last reading, and sets its news flow's leverage factor from it. Does nothing when its
   * session is closed. The walk is first advanced to {@code t}, so every step up to {@code t} has
   * the factor of the reading before and every step after it this one's, whoever asks for the value
   * when: the readings come from a clock of their own ({@link LeverageClock}).
   */
  public void observePrice(int instrument, long t, double priceTicks, double seconds) {
    int k = instrument;
    if (!session[k].isOpen(t) || !(priceTicks > 0)) {
      return;
    }
    advance(k, t);
    LeverageEffect e = leverage[k];
    double days = e.days();
    double daySeconds = NewsFlow.tradingDaySeconds(session[k].kind());
    double x = StrictMath.log(priceTicks) - leverageReference[k];
    leverageReference[k] += -StrictMath.expm1(-seconds / (days * daySeconds)) * x;
    leverageSeconds[k] += seconds;
    double tDays = leverageSeconds[k] / daySeconds;
    double v = dailySigma[k] * dailySigma[k] * days / 2 * -StrictMath.expm1(-2 * tDays / days);
    news[k].setLeverage(StrictMath.exp(e.logVariance(x)) / e.meanFactor(v));
  }

  /** The leverage effect's current factor on the instrument's activity (1: none). */
  public double leverageFactor(int instrument) {
    return news[instrument].leverage();
  }

  /**
   * Makes a common factor drive the calm walks of the instruments loaded on it (docs/model.md §12,
   * "Spillover through common factors"): each one-second step of instrument i becomes
   *
   * <pre>
   *   Z_i = sqrt(1 - sum_f rho_if^2) e_i + sum_f rho_if F_f(second),   rho_if = beta_if sigma_f / sigma_i
   * </pre>
   *
   * with e_i its own draw (still one per open step from its stream, whoever looks) and F_f the
   * factor's standard normal draw for that second of the clock, shared by every instrument loaded
   * on it. Each walk keeps its variance; two instruments' steps correlate by sum_f rho_if rho_jf.
   * The factor's draws are a function of its key and the second ({@link #factorDraw}), so they do
   * not depend on which instrument steps first.
   *
   * @param key the factor's draws' key (from its own random stream)
   * @param instruments the loaded instruments (none a basket, a follower or a volatility future)
   * @param loadings their betas on the factor
   * @param factorVol the factor's volatility, annualised decimal
   */
  public void addWalkFactor(long key, int[] instruments, double[] loadings, double factorVol) {
    int f = factorKey.length;
    factorKey = java.util.Arrays.copyOf(factorKey, f + 1);
    factorSecond = java.util.Arrays.copyOf(factorSecond, f + 1);
    factorValue = java.util.Arrays.copyOf(factorValue, f + 1);
    factorKey[f] = key;
    factorSecond[f] = Long.MIN_VALUE;
    for (int j = 0; j < instruments.length; j++) {
      int k = instruments[j];
      if (basketMembers[k] != null || leader[k] >= 0 || volIndex[k] != null) {
        throw new IllegalArgumentException(
            "a factor drives only instruments with walks of their own");
      }
      double rho = loadings[j] * factorVol / annualVol[k];
      double left = ownWeight[k] * ownWeight[k] - rho * rho;
      if (!(left >= -1e-9)) {
        throw new IllegalArgumentException("factors explain more than the instrument's variance");
      }
      int m = walkLoad[k].length;
      walkLoad[k] = java.util.Arrays.copyOf(walkLoad[k], m + 1);
      walkFactor[k] = java.util.Arrays.copyOf(walkFactor[k], m + 1);
      walkLoad[k][m] = rho;
      walkFactor[k][m] = f;
      ownWeight[k] = Math.sqrt(Math.max(0, left));
    }
  }

  /**
   * A factor's standard normal draw for one second of the clock: SplitMix64 (Steele, Lea and Flood
   * 2014) of the key and the second, two uniforms, Box-Muller. The same on every JVM.
   */
  static double factorDraw(long key, long second) {
    long h1 = mix64(key + second * 0x9E3779B97F4A7C15L);
    long h2 = mix64(h1 ^ 0xD1B54A32D192ED03L);
    double u1 = ((h1 >>> 11) + 1) * 0x1.0p-53;
    double u2 = (h2 >>> 11) * 0x1.0p-53;
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
  }

  /** Factor {@code f}'s draw for {@code second}, computed once however many walks it drives. */
  private double factorDraw(int f, long second) {
    if (factorSecond[f] != second) {
      factorSecond[f] = second;
      factorValue[f] = factorDraw(factorKey[f], second);
    }
    return factorValue[f];
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Makes an instrument's value follow another's (a perpetual its spot index): value = the leader's
   * value x the ratio of their reference prices, so shocks to the leader move both. A jump of the
   * follower itself scales the ratio (a dislocation of the derivative alone).
   */
  public void track(int follower, int leaderInstrument, double referenceRatio) {
    if (leader[leaderInstrument] >= 0 || leaderInstrument == follower) {
      throw new IllegalArgumentException("a leader cannot itself follow another instrument");
    }
    leader[follower] = leaderInstrument;
    ratio[follower] = referenceRatio;
  }

  /**
   * Makes an instrument's value a future on a volatility index (docs/model.md §10, "VIX-style
   * futures"): value = c x (theta + (I(t) - theta) exp(-kappa tau)), I the index now, tau the years
   * to expiry (365-day calendar years, as the VIX's own), c chosen so the value starts at the
   * instrument's reference price. Its news activity and latest shock are the underlying's; a shock
   * to the future itself scales c (a dislocation of the future alone).
   *
   * @param index the index now, points (read at each valuation)
   * @param underlying the instrument whose options the index is computed from
   * @param expiryNanos when the future settles
   * @param kappa mean-reversion speed, per year
   * @param theta long-run mean, index points
   * @param start now, nanos
   */
  public void trackVolIndex(
      int future,
      DoubleSupplier index,
      int underlying,
      long expiryNanos,
      double kappa,
      double theta,
      double referenceTicks,
      long start) {
    volIndex[future] = index;
    volUnderlying[future] = underlying;
    volExpiry[future] = expiryNanos;
    volKappa[future] = kappa;
    volTheta[future] = theta;
    ratio[future] = referenceTicks / volFutureLevel(future, start);
  }

  private double volFutureLevel(int k, long t) {
    double years = (double) (volExpiry[k] - t) / CALENDAR_YEAR_NANOS;
    return VixIndex.futureLevel(volIndex[k].getAsDouble(), years, volKappa[k], volTheta[k]);
  }

  /**
   * Makes an ETF's value the net asset value of its basket: value = ref x sum_i w_i V_i(t) / V_i(0)
   * at the values of its members (each with its own news and rate sensitivity), so the fund's news
   * is its members' news and an authorised participant has no value gap to arbitrage. A jump of the
   * fund itself scales the result (a dislocation of the fund alone); its own walk and rate
   * sensitivity are not used.
   *
   * @param members member instrument ids (none of them a basket)
   * @param weights their weights in the fund's value, summing to 1
   */
  public void trackBasket(int fund, int[] members, double[] weights) {
    double ref = value[fund];
    int[] m = members.clone();
    double[] w = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      if (basketMembers[m[i]] != null || m[i] == fund) {
        throw new IllegalArgumentException("a basket member cannot itself be a basket");
      }
      w[i] = weights[i] * ref / value[m[i]];
    }
    basketMembers[fund] = m;
    basketWeights[fund] = w;
    ratio[fund] = 1;
  }

  /**
   * Makes an instrument's value depend on its discount rate.
   *
   * @param durationYears modified duration, years (0: not rate-sensitive)
   * @param convexityYears2 convexity, years squared
   */
  public void setRateSensitivity(int instrument, double durationYears, double convexityYears2) {
    duration[instrument] = durationYears;
    convexity[instrument] = convexityYears2;
  }

  /** The instrument's modified duration, years (0 when not rate-sensitive). */
  public double duration(int instrument) {
    return duration[instrument];
  }

  /**
   * Moves the instrument's discount rate by {@code dr} (decimal: 0.0025 = +25 bp) at time t.
   *
   * @param cause the shock's cause id, remembered as the value's latest shock unless {@code dr} is
   *     0 (a shock scaled to nothing moves no value, so nothing that follows is its doing)
   */
  public void shiftRate(int instrument, long t, double dr, int cause) {
    advance(instrument, t);
    rateShift[instrument] += dr;
    if (dr != 0) {
      lastShock[instrument] = cause;
    }
    news[instrument].excite(Math.abs(duration[instrument] * dr) / dailySigma[instrument]);
  }

  /** The cumulative shift of the instrument's discount rate since the start, decimal. */
  public double rateShift(int instrument) {
    return rateShift[instrument];
  }

  /** 1 - D s + C s^2 / 2 for the cumulative shift s, floored at 0.01. */
  private double rateFactor(int k) {
    double s = rateShift[k];
    return Math.max(0.01, 1 - duration[k] * s + 0.5 * convexity[k] * s * s);
  }

  /**
   * Multiplies the value by (1 + pct/100) at time {@code t}: an earnings surprise, a re-rating.
   *
   * @param cause the shock's cause id, remembered as the value's latest shock unless {@code pct} is
   *     0
   */
  public void jump(int instrument, long t, double pct, int cause) {
    if (pct == 0) {
      return;
    }
    double z = Math.abs(StrictMath.log1p(pct / 100)) / dailySigma[instrument];
    if (leader[instrument] >= 0
        || basketMembers[instrument] != null
        || volIndex[instrument] != null) {
      ratio[instrument] *= 1 + pct / 100;
      lastShock[instrument] = cause;
      return;
    }
    advance(instrument, t);
    value[instrument] *= 1 + pct / 100;
    lastShock[instrument] = cause;
    news[instrument].excite(z);
  }

  /** The cause id of the latest shock to this instrument's value, or 0 (genesis) if none. */
  public int lastShock(int instrument) {
    int[] members = basketMembers[instrument];
    if (members != null) {
      int last = lastShock[instrument];
      for (int m : members) {
        last = Math.max(last, lastShock(m)); // cause ids grow with time: the latest
      }
      return last;
    }
    int u = volUnderlying[instrument];
    if (u >= 0) {
      return Math.max(lastShock[instrument], lastShock(u)); // cause ids grow with time
    }
    int l = leader[instrument];
    if (l >= 0 && lastShock[l] > lastShock[instrument]) {
      return lastShock[l]; // cause ids grow with time: the later of the two
    }
    return lastShock[instrument];
  }

  private void advance(int k, long t) {
    NewsFlow f = news[k];
    Session ses = session[k];
    while (advancedTo[k] + STEP_NANOS <= t) {
      long at = advancedTo[k] += STEP_NANOS;
      if (ses.isOpen(at)) {
        if (steps[k]++ % STEPS_PER_ACTIVITY_UPDATE == 0) {
          f.update(ses, at);
        }
        double s = f.diffusionSigma();
        double z = Gaussian.next(rng[k]);
        double[] load = walkLoad[k];
        if (load.length > 0) {
          long second = Math.floorDiv(at, STEP_NANOS);
          z *= ownWeight[k];
          for (int j = 0; j < load.length; j++) {
            z += load[j] * factorDraw(walkFactor[k][j], second);
          }
        }
        value[k] *= StrictMath.exp(s * z - 0.5 * s * s);
        double jump = f.jumpLog();
        if (jump != 0) {
          value[k] *= StrictMath.exp(jump);
        }
      }
    }
  }
}
