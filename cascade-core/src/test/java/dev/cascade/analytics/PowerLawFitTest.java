package dev.cascade.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PowerLawFitTest {
  private static final double[] SIZES = {0.001, 0.003, 0.01, 0.03, 0.1};

  @Test
  void anExactPowerLawGivesItsExponentAndPrefactorWithNoError() {
    double[] impact = new double[SIZES.length];
    for (int k = 0; k < SIZES.length; k++) {
      impact[k] = 0.8 * Math.pow(SIZES[k], 0.5);
    }
    PowerLawFit f = PowerLawFit.of(SIZES, impact);
    assertThat(f.delta()).isCloseTo(0.5, within(1e-12));
    assertThat(f.y()).isCloseTo(0.8, within(1e-12));
    assertThat(f.deltaSe()).isCloseTo(0, within(1e-9));
    assertThat(f.points()).isEqualTo(5);
  }

  @Test
  void aNoisyPowerLawIsRecoveredWithinThreeStandardErrors() {
    SplittableRandom rng = new SplittableRandom(20110621);
    int misses = 0;
    for (int trial = 0; trial < 200; trial++) {
      double[] impact = new double[SIZES.length];
      for (int k = 0; k < SIZES.length; k++) {
        // 10% log-normal noise around I = 1.2 x^0.6
        impact[k] = 1.2 * Math.pow(SIZES[k], 0.6) * Math.exp(0.1 * gaussian(rng));
      }
      PowerLawFit f = PowerLawFit.of(SIZES, impact);
      assertThat(f.deltaSe()).isPositive();
      if (Math.abs(f.delta() - 0.6) > 3 * f.deltaSe()) {
        misses++;
      }
    }
    // Student t with 3 degrees of freedom: |t| > 3 about 6% of the time
    assertThat(misses).isLessThan(25);
  }

  @Test
  void twoPointsGiveAnExponentWithoutAnError() {
    PowerLawFit f = PowerLawFit.of(new double[] {0.01, 0.04}, new double[] {0.1, 0.2});
    assertThat(f.delta()).isCloseTo(0.5, within(1e-12));
    assertThat(f.deltaSe()).isNaN();
    assertThat(PowerLawFit.of(new double[] {0.01}, new double[] {0.1})).isNull();
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
