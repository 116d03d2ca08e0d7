package dev.cascade.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.kernel.RandomStreams;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Common factors driving the calm value walks (docs/model.md §12). */
class FactorWalkTest {
  private static final long START =
      ZonedDateTime.parse("2025-11-17T00:00:00Z").toInstant().toEpochMilli() * 1_000_000L;
  private static final int DAYS = 20;

  /** Three 24/7 walks of 40% a year; A and B load on one factor of 30% (betas 1 and 0.5). */
  private static Fundamentals walks(long seed, boolean factor) {
    List<Instrument> ins =
        List.of(
            NewsFlowTest.crypto(0, "A", 1_000_000),
            NewsFlowTest.crypto(1, "B", 1_000_000),
            NewsFlowTest.crypto(2, "C", 1_000_000));
    Fundamentals f =
        new Fundamentals(ins, new double[] {0.4, 0.4, 0.4}, new RandomStreams(seed), START);
    if (factor) {
      f.addWalkFactor(12345L, new int[] {0, 1}, new double[] {1.0, 0.5}, 0.3);
    }
    return f;
  }

  /** Ten-minute log returns of each instrument over DAYS days. */
  private static double[][] returns(Fundamentals f) {
    int n = DAYS * 144;
    double[][] r = new double[3][n];
    double[] last = {f.value(0, START), f.value(1, START), f.value(2, START)};
    for (int m = 1; m <= n; m++) {
      long t = START + m * 10 * Time.NANOS_PER_MINUTE;
      for (int k = 0; k < 3; k++) {
        double v = f.value(k, t);
        r[k][m - 1] = Math.log(v / last[k]);
        last[k] = v;
      }
    }
    return r;
  }

  private static double corr(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i] / x.length;
      my += y[i] / y.length;
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double annualVol(double[] r) {
    double s = 0;
    for (double x : r) {
      s += x * x;
    }
    return Math.sqrt(s / r.length * 365 * 144);
  }

  @Test
  void loadedWalksCorrelateByTheProductOfTheirCorrelationsWithTheFactor() {
    double[][] r = returns(walks(3, true));
    // rho_A = 1 x 0.3 / 0.4 = 0.75, rho_B = 0.5 x 0.3 / 0.4 = 0.375: corr(A, B) = 0.28; C alone.
    // 2,880 returns: one standard error of a correlation is about 0.02.
    assertThat(corr(r[0], r[1])).isCloseTo(0.28, within(0.06));
    assertThat(corr(r[0], r[2])).isCloseTo(0, within(0.06));
    assertThat(corr(r[1], r[2])).isCloseTo(0, within(0.06));
  }

  @Test
  void independentWalksDoNotCorrelate() {
    double[][] r = returns(walks(3, false));
    assertThat(corr(r[0], r[1])).isCloseTo(0, within(0.06));
  }

  @Test
  void eachWalkKeepsItsStatedVolatility() {
    // Activity varies from day to day (the news flow's multifractal level), so pool seeds.
    double[] sum = new double[2];
    int seeds = 6;
    for (int seed = 1; seed <= seeds; seed++) {
      double[][] on = returns(walks(seed, true));
      double[][] off = returns(walks(seed, false));
      sum[0] += annualVol(on[0]) / annualVol(off[0]) / seeds;
      sum[1] += annualVol(on[1]) / annualVol(off[1]) / seeds;
    }
    assertThat(sum[0]).isCloseTo(1, within(0.08));
    assertThat(sum[1]).isCloseTo(1, within(0.08));
  }

  @Test
  void anUnloadedInstrumentsPathIsUnchangedByTheFactor() {
    // Common random numbers: each walk still takes one draw of its own per step.
    Fundamentals on = walks(9, true);
    Fundamentals off = walks(9, false);
    long t = START + 5 * Time.NANOS_PER_DAY;
    assertThat(on.value(2, t)).isEqualTo(off.value(2, t));
    assertThat(on.value(0, t)).isNotEqualTo(off.value(0, t));
  }

  @Test
  void theFactorsDrawsArePureFunctionsOfKeyAndSecond() {
    double sum = 0;
    double sq = 0;
    int n = 200_000;
    for (int s = 0; s < n; s++) {
      double z = Fundamentals.factorDraw(77, s);
      sum += z;
      sq += z * z;
    }
    assertThat(sum / n).isCloseTo(0, within(0.01));
    assertThat(sq / n).isCloseTo(1, within(0.02));
    assertThat(Fundamentals.factorDraw(77, 1000)).isEqualTo(Fundamentals.factorDraw(77, 1000));
    assertThat(Fundamentals.factorDraw(77, 1000)).isNotEqualTo(Fundamentals.factorDraw(78, 1000));
  }

  @Test
  void factorsCannotExplainMoreThanAnInstrumentsVariance() {
    Fundamentals f = walks(1, false);
    f.addWalkFactor(1, new int[] {0}, new double[] {1.0}, 0.3);
    assertThatThrownBy(() -> f.addWalkFactor(2, new int[] {0}, new double[] {1.0}, 0.3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than the instrument's variance");
  }
}
