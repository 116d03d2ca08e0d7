package dev.cascade.agents.systematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * A trend follower's position is the sign of its lookback return scaled by target / realised vol;
 * its closes start on the prior path the scenario gives and roll with the simulated days.
 */
class TrendFollowerTest {

  @Test
  void thePriorHistoryRisesByThePriorReturnToTheReferencePrice() {
    double[] c = TrendFollower.priorCloses(100, 20, 0.05);

    assertThat(c).hasSize(21);
    assertThat(c[20]).isCloseTo(100, within(1e-9));
    assertThat(Math.log(c[20] / c[0])).isCloseTo(0.05, within(1e-12));
  }

  @Test
  void aCtaLongOnItsPriorTrendFlipsShortAfterASustainedFall() {
    double[] c = TrendFollower.priorCloses(100, 20, 0.05);
    assertThat(TrendFollower.position(Math.log(c[20] / c[0]), 0.10, 0.15, 2, 1)).isPositive();

    double trend = 0;
    int days = 0;
    while (trend >= 0 && days < 20) {
      trend = TrendFollower.roll(c, -0.02);
      days++;
    }

    // A 2% daily fall erases a 5% prior rise over 20 days within 3 days.
    assertThat(days).isEqualTo(3);
    assertThat(TrendFollower.position(trend, 0.10, 0.15, 2, 1))
        .isCloseTo(-0.10 / 0.15, within(1e-12));
  }

  @Test
  void volScalingHalvesThePositionWhenVolDoubles() {
    double calm = TrendFollower.position(0.05, 0.10, 0.15, 2, 2);
    double stressed = TrendFollower.position(0.05, 0.10, 0.30, 2, 2);

    assertThat(stressed / calm).isCloseTo(0.5, within(1e-12));
    assertThat(TrendFollower.position(-0.05, 0.10, 0.30, 2, 2)).isCloseTo(-stressed, within(1e-12));
    assertThat(TrendFollower.position(0.05, 0.10, 0.01, 2, 1)).as("capped at Lmax").isEqualTo(2);
  }
}
