package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleStatsTest {
  /** Standard normal 5% quantile, and its expected shortfall phi(z) / 0.05. */
  private static final double Z5 = -1.6448536269514722;

  private static final double ES5 = -2.0627128075074257;

  private static double[] normal(Random r, int n) {
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      v[k] = r.nextGaussian();
    }
    return v;
  }

  @Test
  void quantilesAreR7AsRAndNumPyAndTheShortfallIsTheMeanOfTheWorstTail() {
    double[] v = {5, 1, 4, 2, 3};
    assertThat(SampleStats.quantile(v, 0.5)).isEqualTo(3);
    assertThat(SampleStats.quantile(v, 0.25)).isEqualTo(2);
    assertThat(SampleStats.quantile(v, 0.1)).isEqualTo(1.4, within(1e-12));
    double[] forty = new double[40];
    for (int k = 0; k < 40; k++) {
      forty[k] = k;
    }
    assertThat(SampleStats.expectedShortfall(forty, 0.05)).isEqualTo(0.5);
    assertThat(SampleStats.tailCount(0.05, 20)).isEqualTo(1);
    assertThat(SampleStats.tailCount(0.05, 21)).isEqualTo(2);
    assertThat(SampleStats.se(new double[] {1, 3})).isEqualTo(1.0, within(1e-12));
    assertThat(SampleStats.se(new double[] {1})).isNull();
  }

  @Test
  void resampleStatisticsMatchThePointEstimatesWhenEveryPathIsDrawnOnce() {
    double[] v = normal(new Random(11), 57);
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    int[] once = new int[v.length];
    Arrays.fill(once, 1);
    for (double p : new double[] {0.05, 0.5, 0.95}) {
      assertThat(SampleStats.quantileOf(p).of(sorted, once, v.length))
          .isEqualTo(SampleStats.quantile(v, p), within(1e-12));
    }
    assertThat(SampleStats.shortfallOf(0.05).of(sorted, once, v.length))
        .isEqualTo(SampleStats.expectedShortfall(v, 0.05), within(1e-12));
  }

  @Test
  void theBootstrapIsDeterministic() {
    double[] v = normal(new Random(5), 100);
    List<SampleStats.Statistic> stats =
        List.of(SampleStats.quantileOf(0.05), SampleStats.shortfallOf(0.05));
    assertThat(SampleStats.bootstrap(v, stats)).isEqualTo(SampleStats.bootstrap(v, stats));
    assertThat(SampleStats.bootstrap(new double[] {1}, stats)).containsOnlyNulls();
  }

  /**
   * Coverage of the 95% percentile-bootstrap intervals of the 5% quantile and of ES 5% over 200
   * seeded samples of 200 standard normals. Each covers with probability about 0.95 (the percentile
   * bootstrap runs a little under for tail figures); 200 trials give a standard error of about
   * 0.016 on the coverage, so at least 0.85 of them must cover: a broken interval (too narrow, or
   * centred wrong) covers far less.
   */
  @Test
  void bootstrapIntervalsCoverTheTrueTailFiguresInMostSamples() {
    Random r = new Random(20_251_118L);
    int trials = 200;
    int q5 = 0;
    int es = 0;
    for (int t = 0; t < trials; t++) {
      double[] v = normal(r, 200);
      SampleStats.Interval[] ci =
          SampleStats.bootstrap(
              v, List.of(SampleStats.quantileOf(0.05), SampleStats.shortfallOf(0.05)));
      q5 += ci[0].lo() <= Z5 && Z5 <= ci[0].hi() ? 1 : 0;
      es += ci[1].lo() <= ES5 && ES5 <= ci[1].hi() ? 1 : 0;
    }
    assertThat((double) q5 / trials).isGreaterThanOrEqualTo(0.85);
    assertThat((double) es / trials).isGreaterThanOrEqualTo(0.80);
  }

  @Test
  void theStudentIntervalOfAMeanWidensForFewSeeds() {
    SampleStats.Interval two = SampleStats.meanInterval(new double[] {0, 2});
    // t(0.975, 1 df) = 12.706; se = 1.
    assertThat(two.lo()).isEqualTo(1 - 12.7062047, within(1e-6));
    assertThat(two.hi()).isEqualTo(1 + 12.7062047, within(1e-6));
    assertThat(SampleStats.meanInterval(new double[] {3})).isNull();
  }

  @Test
  void tooFewPathsForATailFigureAreWarnedOfWithTheRule() {
    assertThat(SampleStats.warnings(4, "paths"))
        .singleElement()
        .asString()
        .contains("4 paths", "at least 20", "n x 5% >= 1", "ES 5% is the worst path alone");
    assertThat(SampleStats.warnings(1, "paths")).singleElement().asString().contains("at least 2");
    assertThat(SampleStats.warnings(40, "paths"))
        .singleElement()
        .asString()
        .contains("rests on 2 paths");
    assertThat(SampleStats.warnings(200, "paths")).isEmpty();
  }

  @Test
  void theAmplificationIntervalIsAPairedBootstrapOfTheRatioOfMeans() {
    // Paired seeds: the full move is 1.5x the direct one plus noise common to both; pairing makes
    // the ratio's interval narrow although each mean alone varies a lot.
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    int n = 16;
    double[] direct = new double[n];
    double[] full = new double[n];
    for (int k = 0; k < n; k++) {
      direct[k] = -2 + rng.nextDouble(-1, 1);
      full[k] = 1.5 * direct[k] + rng.nextDouble(-0.05, 0.05);
    }
    SampleStats.Interval ci = SampleStats.ratioInterval(full, direct, 0.01);
    assertThat(ci.lo()).isLessThan(1.5);
    assertThat(ci.hi()).isGreaterThan(1.5);
    assertThat(ci.hi() - ci.lo()).isLessThan(0.05);
    assertThat(SampleStats.ratioInterval(full, direct, 0.01)).isEqualTo(ci); // deterministic
    assertThat(SampleStats.ratioInterval(new double[] {1}, new double[] {1}, 0.01)).isNull();
    // A direct move that can resample to ~0 has no honest interval.
    assertThat(
            SampleStats.ratioInterval(
                new double[] {1, -1, 1, -1}, new double[] {0.5, -0.5, 0.5, -0.5}, 0.01))
        .isNull();
  }
}
