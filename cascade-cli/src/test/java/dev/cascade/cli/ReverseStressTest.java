package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search and the statistics of a reverse stress test, on indicators known exactly. */
class ReverseStressTest {
  @Test
  void bisectionFindsAStepWithinTheTolerance() {
    ReverseStress.Search s = ReverseStress.search(x -> x >= 2.37, 10, 0.01);
    assertThat(s.critical()).isBetween(2.37, 2.38);
    assertThat(s.nonMonotone()).isFalse();
    // 1, 2, 4 bracket; 8 halvings of [2, 4] to 1/128; the check at 1.5 x critical
    assertThat(s.evaluations()).hasSize(3 + 8 + 1);
  }

  @Test
  void aPathBreachingUnstressedHasScaleZeroAndOneThatNeverBreachesHasNone() {
    assertThat(ReverseStress.search(x -> true, 10, 0.05).critical()).isZero();
    ReverseStress.Search never = ReverseStress.search(x -> false, 10, 0.05);
    assertThat(never.critical()).isNull();
    assertThat(never.evaluations().keySet()).containsExactly(1.0, 2.0, 4.0, 8.0, 10.0);
    // below 1: the bracket starts at the largest scale
    assertThat(ReverseStress.search(x -> x >= 0.3, 0.5, 0.01).critical()).isBetween(0.3, 0.31);
  }

  /** Steps a search from a start to its end on an indicator. */
  private static ReverseStress.Search from(ReverseStress.Indicator f, double start) {
    ReverseStress.Bisection b = new ReverseStress.Bisection(10, 0.01, start);
    for (Double x = b.next(); x != null; x = b.next()) {
      b.record(x, f.breaches(x));
    }
    return b.result();
  }

  @Test
  void aSearchFromAStartFindsTheSameStepWithFewerSimulationsNearIt() {
    ReverseStress.Indicator step = x -> x >= 2.37;
    for (double start : new double[] {0, 1, 2.3, 2.37, 2.375, 2.5, 5, 10}) {
      ReverseStress.Search s = from(step, start);
      assertThat(s.critical()).as("from %s", start).isBetween(2.37, 2.38);
      assertThat(s.nonMonotone()).isFalse();
    }
    // just above the step: the start, one tau below it, the check at 1.5 x critical
    assertThat(from(step, 2.375).evaluations()).hasSize(3);
    // from 2.3 the probes go up by tau, 2 tau, 4 tau, ... and the bracket they find is halved:
    // fewer simulations than the 12 of the search from 1 (first test)
    assertThat(from(step, 2.3).evaluations().size()).isLessThan(12);
    assertThat(from(x -> true, 3).critical()).isZero();
    assertThat(from(x -> false, 3).critical()).isNull();
    assertThat(from(x -> x >= 9.995, 9).critical()).isBetween(9.995, 10.0);
  }

  @Test
  void aWindowOfBreachesIsFoundNonMonotone() {
    ReverseStress.Search s = ReverseStress.search(x -> x >= 1.5 && x < 2.1, 10, 0.01);
    assertThat(s.critical()).isBetween(1.5, 1.51);
    assertThat(s.nonMonotone()).isTrue();
  }

  @Test
  void theQuantileIntervalHasBinomialRanksAndItsExactCoverage() {
    List<Double> c = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      c.add(i / 10.0);
    }
    c.set(7, null); // one path never breaches
    ReverseStress.Quantile q = ReverseStress.quantile(c, 0.5);
    assertThat(q.value()).isEqualTo(0.4); // s_(4), k = ceil(0.5 x 8)
    assertThat(q.lowerRank()).isEqualTo(1); // B(0) = 1/256 <= 2.5% < B(1) = 9/256
    assertThat(q.upperRank()).isEqualTo(8); // B(6) = 247/256 < 97.5% <= B(7) = 255/256
    assertThat(q.coverage()).isCloseTo(254.0 / 256, within(1e-12));
    assertThat(q.lo()).isEqualTo(0.1);
    assertThat(q.hi()).isNull(); // s_(8) never breached
    // five paths cannot give 95% at the median: the interval is [0, +inf)
    ReverseStress.Quantile few = ReverseStress.quantile(c.subList(0, 5), 0.5);
    assertThat(few.lowerRank()).isZero();
    assertThat(few.upperRank()).isEqualTo(6);
    assertThat(few.coverage()).isEqualTo(1);
  }

  @Test
  void wilsonIntervalsMatchTheirFormula() {
    assertThat(ReverseStress.wilson(0, 6)[1]).isCloseTo(0.390, within(0.001));
    double[] w = ReverseStress.wilson(5, 10);
    assertThat(w[0]).isCloseTo(0.2366, within(1e-4));
    assertThat(w[1]).isCloseTo(0.7634, within(1e-4));
    List<ReverseStress.CurvePoint> curve =
        ReverseStress.curve(Arrays.asList(0.5, 1.5, null), new double[] {0, 1, 2});
    assertThat(curve).extracting(ReverseStress.CurvePoint::breaching).containsExactly(0, 1, 2);
    assertThat(ReverseStress.grid(Arrays.asList(0.5, 1.7, null), 10))
        .containsExactly(0, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2);
  }
}
