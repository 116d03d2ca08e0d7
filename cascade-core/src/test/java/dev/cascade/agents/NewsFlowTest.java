package dev.cascade.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.kernel.RandomStreams;
import dev.cascade.kernel.Session;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.AssetClass;
import dev.cascade.market.Instrument;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fundamental walk with its news flow (docs/model.md §4): its variance over a long run is the
 * stated one, its minute returns have heavy tails and clustered volatility, shocks excite activity,
 * an ETF's value is its basket's, and the same seed gives the same path.
 */
class NewsFlowTest {
  private static final long START =
      ZonedDateTime.parse("2025-01-02T00:00:00Z").toInstant().toEpochMilli() * 1_000_000L;

  static Instrument crypto(int id, String symbol, long priceTicks) {
    return new Instrument(
        id,
        symbol,
        AssetClass.CRYPTO,
        BigDecimal.ONE,
        BigDecimal.ONE,
        BigDecimal.ONE,
        "USD",
        SessionKind.CRYPTO_24_7,
        priceTicks);
  }

  /** One-minute log returns of instrument 0 over {@code days} 24-hour days. */
  private static double[] minuteReturns(long seed, int days) {
    List<Instrument> ins = List.of(crypto(0, "X", 1_000_000));
    Fundamentals f = new Fundamentals(ins, new double[] {0.5}, new RandomStreams(seed), START);
    int n = days * 1440;
    double[] r = new double[n];
    double last = f.value(0, START);
    for (int m = 1; m <= n; m++) {
      double v = f.value(0, START + m * Time.NANOS_PER_MINUTE);
      r[m - 1] = Math.log(v / last);
      last = v;
    }
    return r;
  }

  @Test
  void varianceOverManyDaysIsTheStatedOneAndMinuteReturnsHaveHeavyTailsAndClusteredVolatility() {
    // 8 seeds x 20 days of a 50% walk; minute variance at 50% a year over 365 x 24 h.
    double stated = 0.25 / (365.0 * 1440);
    double sum2 = 0;
    double sum4 = 0;
    double acfAbs = 0;
    int n = 0;
    int seeds = 8;
    for (long seed = 1; seed <= seeds; seed++) {
      double[] r = minuteReturns(seed, 20);
      double m2 = 0;
      double m4 = 0;
      double meanAbs = 0;
      for (double x : r) {
        m2 += x * x;
        m4 += x * x * x * x;
        meanAbs += Math.abs(x);
      }
      sum2 += m2;
      sum4 += m4;
      n += r.length;
      meanAbs /= r.length;
      double c0 = 0;
      double c1 = 0;
      for (int i = 0; i < r.length; i++) {
        double a = Math.abs(r[i]) - meanAbs;
        c0 += a * a;
        if (i > 0) {
          c1 += a * (Math.abs(r[i - 1]) - meanAbs);
        }
      }
      acfAbs += c1 / c0 / seeds;
    }
    double variance = sum2 / n;
    double kurtosis = (sum4 / n) / (variance * variance) - 3;
    // The activity's long components make the variance of 160 days vary by tens of percent.
    assertThat(variance / stated).isBetween(0.6, 1.4);
    assertThat(kurtosis).isGreaterThan(1.0); // a Gaussian walk gives 0 +- 0.03 here
    assertThat(acfAbs).isGreaterThan(0.05); // a Gaussian walk gives 0 +- 0.01
  }

  @Test
  void theUsSessionsVarianceFollowsTheUShapeAndItsTradingPaceTheShapesSquareRoot() {
    // Two flows from the same stream: their stochastic parts are equal minute by minute, so the
    // ratios between times of day are the shape's alone, up to the day's slow components.
    Session us = Session.of(SessionKind.US_EQUITY);
    long open =
        ZonedDateTime.parse("2025-11-18T09:30:00-05:00").toInstant().toEpochMilli() * 1_000_000L;
    NewsFlow f =
        new NewsFlow(
            SessionKind.US_EQUITY,
            new java.util.SplittableRandom(11),
            new java.util.SplittableRandom(12),
            1e-4);
    double[] variance = new double[390];
    double[] pace = new double[390];
    for (int m = 0; m < 390; m++) {
      f.update(us, open + m * Time.NANOS_PER_MINUTE);
      variance[m] = f.activity();
      pace[m] = f.tradingActivity();
    }
    // the ratio of the two is the shape's square root over its means: U(m)^(1/2) x constant
    double c = variance[200] / pace[200];
    for (int m : new int[] {0, 5, 30, 120, 389}) {
      double u = 1 + 12 * Math.exp(-m / 12.0) + 2 * Math.exp(-(390 - m) / 12.0);
      double uMid = 1 + 12 * Math.exp(-200 / 12.0) + 2 * Math.exp(-190 / 12.0);
      assertThat(variance[m] / pace[m] / c)
          .as("minute %d", m)
          .isCloseTo(Math.sqrt(u / uMid), within(1e-9));
    }
    // at the open variance is about 13 times midday's (the stochastic part moves little in a
    // few hours at this seed: checked against the trading pace's own ratio)
    assertThat(variance[0] / variance[200]).isGreaterThan(6);
    assertThat(pace[0] / pace[200]).isLessThan(variance[0] / variance[200] / 2);
  }

  @Test
  void theSameSeedGivesTheSamePathAndAnotherSeedAnother() {
    assertThat(minuteReturns(3, 2)).isEqualTo(minuteReturns(3, 2));
    assertThat(minuteReturns(3, 2)).isNotEqualTo(minuteReturns(4, 2));
  }

  @Test
  void aShockMultipliesActivityByOnePlusItsSizeInDailySigmasAndDecaysOverAnHour() {
    List<Instrument> ins = List.of(crypto(0, "X", 1_000_000));
    Fundamentals f = new Fundamentals(ins, new double[] {0.5}, new RandomStreams(1), START);
    long t = START + 30 * Time.NANOS_PER_MINUTE;
    double before = f.tradingActivity(0, t);
    double dailySigma = 0.5 / Math.sqrt(365);
    double pct = 100 * Math.expm1(-3 * dailySigma); // a 3-sigma fall
    f.jump(0, t, pct, 7);
    assertThat(f.tradingActivity(0, t)).isCloseTo(4 * before, within(1e-9 * before));
    assertThat(f.lastShock(0)).isEqualTo(7);
    // Three hours later the excitation has decayed to exp(-3) of ln 4: activity within the
    // stochastic part's range, far below the 4x.
    double later = f.tradingActivity(0, t + 180 * Time.NANOS_PER_MINUTE);
    assertThat(later).isLessThan(4 * before);
  }

  @Test
  void aShockScaledToNothingIsNotTheValuesLatestShock() {
    List<Instrument> ins = List.of(crypto(0, "X", 1_000_000));
    Fundamentals f = new Fundamentals(ins, new double[] {0.5}, new RandomStreams(1), START);
    long t = START + 30 * Time.NANOS_PER_MINUTE;
    f.jump(0, t, -2, 7);
    double v = f.value(0, t);
    double activity = f.tradingActivity(0, t);
    f.jump(0, t, 0, 8);
    f.shiftRate(0, t, 0, 9);
    assertThat(f.lastShock(0)).isEqualTo(7);
    assertThat(f.value(0, t)).isEqualTo(v);
    assertThat(f.tradingActivity(0, t)).isEqualTo(activity);
    f.shiftRate(0, t, 0.0025, 10);
    assertThat(f.lastShock(0)).isEqualTo(10);
  }

  @Test
  void anEtfIsWorthItsBasketAtItsMembersValues() {
    List<Instrument> ins =
        List.of(crypto(0, "A", 10_000), crypto(1, "B", 40_000), crypto(2, "ETF", 50_000));
    Fundamentals f =
        new Fundamentals(ins, new double[] {0.3, 0.3, 0.2}, new RandomStreams(5), START);
    f.trackBasket(2, new int[] {0, 1}, new double[] {0.25, 0.75});
    for (int h = 1; h <= 48; h++) {
      long t = START + h * Time.NANOS_PER_HOUR;
      double nav = 50_000 * (0.25 * f.value(0, t) / 10_000 + 0.75 * f.value(1, t) / 40_000);
      assertThat(f.value(2, t)).isCloseTo(nav, within(1e-6 * nav));
    }
    long t = START + 49 * Time.NANOS_PER_HOUR;
    double a = f.value(0, t);
    double b = f.value(1, t);
    f.jump(0, t, -10, 11); // a member's shock moves the fund by its weight
    double expected = 50_000 * (0.25 * 0.9 * a / 10_000 + 0.75 * b / 40_000);
    assertThat(f.value(2, t)).isCloseTo(expected, within(1e-6 * expected));
    assertThat(f.lastShock(2)).isEqualTo(11);
  }
}
