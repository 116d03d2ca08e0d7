package dev.cascade.agents.liquidity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatentLiquidityTest {
  /** target(p) = q + sign(c - p) (L / 2) (100 ln(c / p))^2, the demand the price inverts. */
  static double target(double centre, double reference, double depth, double price) {
    double x = 100 * Math.log(centre / price);
    return reference + Math.signum(x) * depth / 2 * x * x;
  }

  @Test
  void thePriceOfAPositionInvertsTheVShapedDemand() {
    // 5,000 lots more than the reference on a depth of 10,000 lots per percent^2: 1% below.
    assertThat(LatentLiquidity.price(100, 1_000, 10_000, 6_000))
        .isCloseTo(100 * Math.exp(-0.01), within(1e-12));
    assertThat(LatentLiquidity.price(100, 1_000, 10_000, 1_000)).isEqualTo(100);
    for (double q : new double[] {0, 10, 999, 1_001, 40_000, 2e6}) {
      double p = LatentLiquidity.price(250, 1_000, 30_000, q);
      assertThat(target(250, 1_000, 30_000, p)).isCloseTo(q, within(1e-6 * Math.max(1, q)));
    }
  }

  @Test
  void aMetaorderOfQLotsMovesThePriceBySqrtTwoQOverL() {
    // The square root: four times the quantity, twice the distance.
    double l = 1e6;
    double d1 = -100 * Math.log(LatentLiquidity.price(100, 0, l, 10_000) / 100);
    double d4 = -100 * Math.log(LatentLiquidity.price(100, 0, l, 40_000) / 100);
    assertThat(d1).isCloseTo(Math.sqrt(2 * 10_000 / l), within(1e-12));
    assertThat(d4 / d1).isCloseTo(2, within(1e-12));
  }

  @Test
  void theLatentBookThinsAsTheSquareOfVolatilityAboveItsReference() {
    assertThat(LatentLiquidity.effectiveDepth(1_000, 0.2, 0.1)).isEqualTo(1_000);
    assertThat(LatentLiquidity.effectiveDepth(1_000, 0.2, 0.2)).isEqualTo(1_000);
    assertThat(LatentLiquidity.effectiveDepth(1_000, 0.2, 0.4)).isCloseTo(250, within(1e-9));
    assertThat(LatentLiquidity.effectiveDepth(1_000, 0.2, 0.8)).isCloseTo(62.5, within(1e-9));
    // So the same quantity moves the price twice as far at twice the volatility.
    double calm = -Math.log(LatentLiquidity.price(100, 0, 1_000, 500) / 100);
    double stressed =
        -Math.log(
            LatentLiquidity.price(100, 0, LatentLiquidity.effectiveDepth(1_000, 0.2, 0.4), 500)
                / 100);
    assertThat(stressed / calm).isCloseTo(2, within(1e-9));
  }
}
