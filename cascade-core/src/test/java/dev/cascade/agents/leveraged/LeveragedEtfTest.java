package dev.cascade.agents.leveraged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeveragedEtfTest {

  @Test
  void hedgeNotionalIsLTimesLMinusOneTimesAumTimesTheDayReturn() {
    // a $100M 3x fund after a -2% day: 3 x 2 x 100M x -0.02 = -$12M (sell)
    assertThat(LeveragedEtf.hedgeNotional(3, 1e8, -0.02)).isCloseTo(-12e6, within(1e-6));
    // its assets fell 6%: exposure drifted to 3 x 98M = 294M, target 3 x 94M = 282M
    assertThat(LeveragedEtf.aumAfter(3, 1e8, -0.02)).isCloseTo(94e6, within(1e-6));
    assertThat(3 * 94e6 - 3 * 1e8 * 0.98).isCloseTo(-12e6, within(1e-6));
    // a -3x fund after the same day: -3 x -4 x 100M x -0.02 = -$24M, also a sale
    assertThat(LeveragedEtf.hedgeNotional(-3, 1e8, -0.02)).isCloseTo(-24e6, within(1e-6));
    assertThat(LeveragedEtf.aumAfter(-3, 1e8, -0.02)).isCloseTo(106e6, within(1e-6));
    assertThat(-3 * 106e6 - (-3 * 1e8 * 0.98)).isCloseTo(-24e6, within(1e-6));
  }

  @Test
  void longAndInverseFundsBothBuyAfterUpDaysAndSellAfterDownDays() {
    for (double l : new double[] {2, 3, -1, -2, -3}) {
      assertThat(LeveragedEtf.hedgeNotional(l, 5e7, 0.01)).as("L=%s up", l).isPositive();
      assertThat(LeveragedEtf.hedgeNotional(l, 5e7, -0.01)).as("L=%s down", l).isNegative();
    }
    // an unlevered fund (L = 1) never trades; nor does a flat day
    assertThat(LeveragedEtf.hedgeNotional(1, 5e7, -0.05)).isZero();
    assertThat(LeveragedEtf.hedgeNotional(3, 5e7, 0)).isZero();
  }

  @Test
  void assetsCannotFallBelowZero() {
    assertThat(LeveragedEtf.aumAfter(3, 1e8, -0.4)).isZero();
    assertThat(LeveragedEtf.aumAfter(-3, 1e8, 0.4)).isZero();
  }
}
