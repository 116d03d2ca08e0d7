package dev.cascade.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class GaussianTest {
  @Test
  void drawsHaveZeroMeanUnitVarianceAndNormalTailsWithinThreeSigmaOverRootN() {
    RandomGenerator rng = new RandomStreams(42).stream("gaussian-test");
    int n = 200_000;
    double sum = 0;
    double sq = 0;
    int beyond2 = 0;
    for (int k = 0; k < n; k++) {
      double x = Gaussian.next(rng);
      sum += x;
      sq += x * x;
      if (Math.abs(x) > 2) {
        beyond2++;
      }
    }
    double mean = sum / n;
    double var = sq / n - mean * mean;
    // standard errors: mean 1/sqrt(n); variance sqrt(2/n); tail share sqrt(p(1-p)/n)
    assertThat(Math.abs(mean)).isLessThan(3 / Math.sqrt(n));
    assertThat(Math.abs(var - 1)).isLessThan(3 * Math.sqrt(2.0 / n));
    double p = 0.0455003; // P(|Z| > 2)
    assertThat(Math.abs((double) beyond2 / n - p)).isLessThan(3 * Math.sqrt(p * (1 - p) / n));
  }

  @Test
  void theSameStreamGivesTheSameDraws() {
    RandomGenerator a = new RandomStreams(7).stream("x");
    RandomGenerator b = new RandomStreams(7).stream("x");
    for (int k = 0; k < 1000; k++) {
      assertThat(Gaussian.next(a)).isEqualTo(Gaussian.next(b));
    }
  }
}
