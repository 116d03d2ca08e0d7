package dev.cascade.agents.systematic;

import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.ledger.AccountKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A trend follower (CTA) trading time-series momentum on daily closes (Moskowitz, Ooi and Pedersen
 * 2012, "Time series momentum", JFE 104): for each of its n instruments the signal is the sign of
 * the log return over the last {@code lookbackDays} closes, and the position, as a fraction of
 * equity, is signal x min(Lmax, sigma_target / sigma) / n, sigma the instrument's EWMA daily
 * volatility annualised (see {@link DailyVol}). It rebalances near the close (see {@link
 * CloseRebalancingFund}) and goes short on its margin account when the signal turns negative.
 *
 * <p>Runs last days, not the year of history a 12-month signal needs, so the history before the
 * start is given by two parameters: the closes of the {@code lookbackDays} days before the start
 * lie on a geometric path ending at the reference price and rising {@code priorReturnPct} over the
 * lookback (close_j = P0 exp(-R (L - j) / L), j = 0..L). Each rebalance appends the day's mid as a
 * close, so the signal rolls with the simulated days.
 *
 * <p>Defaults: lookback 252 days (12 months) and lambda 60/61 (a 60-day centre of mass), both from
 * Moskowitz, Ooi and Pedersen 2012; a 10% target (assumed; they scale each instrument to 40%, a
 * diversified CTA runs near 10-15% portfolio vol); Lmax 2 (assumed); prior return +5% (assumed).
 */
public final class TrendFollower extends CloseRebalancingFund {
  /** The family as registered. */
  public static final AgentFamily FAMILY = family();

  private static AgentFamily family() {
    List<ParamSpec> p = new ArrayList<>();
    p.add(ParamSpec.whole("lookbackDays", "trend lookback, trading days", 252, 1, 2520));
    p.add(
        ParamSpec.real(
            "priorReturnPct",
            "log return over the lookback before the start, percent",
            5,
            -500,
            500));
    p.add(ParamSpec.real("targetVolPct", "volatility target, annualised percent", 10, 0.1, 200));
    p.add(ParamSpec.real("maxLeverage", "largest total exposure, multiple of equity", 2, 0, 20));
    p.add(ParamSpec.real("lambda", "EWMA decay per day", 60.0 / 61, 0.5, 0.9999));
    p.addAll(scheduleParams());
    return new AgentFamily(
        "cta",
        "trend follower: sign of the lookback return, volatility-scaled, long or short, rebalanced"
            + " near the close",
        p,
        TrendFollower::new,
        AccountKind.MARGIN,
        4);
  }

  private final int lookback;
  private final double priorReturn;
  private final double target;
  private final double maxLeverage;
  private final double lambda;
  private DailyVol[] vol;
  private double[][] closes;

  TrendFollower(AgentSetup s) {
    super(s);
    lookback = s.getInt("lookbackDays");
    priorReturn = s.get("priorReturnPct") / 100;
    target = s.get("targetVolPct") / 100;
    maxLeverage = s.get("maxLeverage");
    lambda = s.get("lambda");
  }

  /**
   * The closes before the start: lookback + 1 closes on a geometric path rising {@code priorReturn}
   * (log, decimal) to {@code price}, oldest first.
   */
  static double[] priorCloses(double price, int lookback, double priorReturn) {
    double[] c = new double[lookback + 1];
    for (int j = 0; j <= lookback; j++) {
      c[j] = price * StrictMath.exp(-priorReturn * (lookback - j) / lookback);
    }
    return c;
  }

  /**
   * Appends a day to the closes (oldest first; the oldest drops out), today's close being the last
   * times exp(r), and returns the log return over the lookback.
   */
  static double roll(double[] closes, double r) {
    int l = closes.length - 1;
    System.arraycopy(closes, 1, closes, 0, l);
    closes[l] = closes[l - 1] * StrictMath.exp(r);
    return StrictMath.log(closes[l] / closes[0]);
  }

  /** The position, a signed fraction of equity: sign(trend) x min(Lmax, target / sigma) / n. */
  static double position(double trend, double targetVol, double sigma, double maxLev, int n) {
    if (trend == 0) {
      return 0;
    }
    double size = sigma <= 0 ? maxLev : Math.min(maxLev, targetVol / sigma);
    return Math.signum(trend) * size / n;
  }

  @Override
  void init(AgentContext ctx) {
    int n = instruments.size();
    vol = new DailyVol[n];
    closes = new double[n][];
    for (int k = 0; k < n; k++) {
      vol[k] = new DailyVol(ctx.realizedVol(instruments.get(k)), lambda);
      closes[k] = priorCloses(ctx.lastPrice(instruments.get(k)), lookback, priorReturn);
    }
  }

  @Override
  String targets(AgentContext ctx, double[] returns, double[] out) {
    int n = instruments.size();
    double shownTrend = 0;
    double shown = 0;
    for (int k = 0; k < n; k++) {
      double trend = roll(closes[k], returns[k]);
      double sigma = vol[k].preview(returns[k], false);
      vol[k].record(returns[k]);
      out[k] = position(trend, target, sigma, maxLeverage, n);
      if (k == 0) {
        shownTrend = trend;
        shown = out[k];
      }
    }
    return String.format(
        Locale.ROOT,
        "trend %+.1f%% over %d days, position %.2f",
        100 * shownTrend,
        lookback,
        shown);
  }
}
