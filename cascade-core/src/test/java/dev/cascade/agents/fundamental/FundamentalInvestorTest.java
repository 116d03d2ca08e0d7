package dev.cascade.agents.fundamental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.market.Side;
import org.junit.jupiter.api.Test;

class FundamentalInvestorTest {
  /**
   * The linear demand as docs/model.md §5 states it: q0 (1 + z sign(m) max(0, |m| - threshold) /
   * 100) lots, m = 100 (estimate / mid - 1) percent, within 0 and maxPosition. The investor quotes
   * its inverse ({@link FundamentalInvestor#linearPrice}); this is the curve that inverse is
   * checked against.
   */
  private static long linearTarget(
      long q0, double z, double threshold, double maxPosition, double estimate, double mid) {
    if (!(mid > 0)) {
      return q0;
    }
    double m = estimate / mid - 1;
    double beyond = Math.max(0, Math.abs(m) - threshold) * 100;
    double target = q0 * (1 + Math.signum(m) * z * beyond / 100);
    return Math.round(Math.max(0, Math.min(maxPosition, target)));
  }

  @Test
  void theQuotedPriceIsWhereTheCurveAsksForThePosition() {
    for (long q = 10_001; q <= 14_000; q += 333) {
      double p = FundamentalInvestor.linearPrice(10_000, 10, 0.005, q, Side.BUY, 100.0);
      assertThat(linearTarget(10_000, 10, 0.005, 1e9, 100.0, p)).isEqualTo(q);
    }
    for (long q = 9_999; q >= 6_000; q -= 333) {
      double p = FundamentalInvestor.linearPrice(10_000, 10, 0.005, q, Side.SELL, 100.0);
      assertThat(linearTarget(10_000, 10, 0.005, 1e9, 100.0, p)).isEqualTo(q);
    }
  }

  @Test
  void linearDemandIsFlatInsideTheDeadBandAndLinearBeyond() {
    // Elasticity 10 (10% of the position per percent) beyond a 0.5% band, from 10,000 lots.
    assertThat(linearTarget(10_000, 10, 0.005, 1e9, 100.0, 99.8)).isEqualTo(10_000);
    // Price 2% below value: m = 100/98 - 1 = 2.0408%, 1.5408% beyond the band.
    assertThat(linearTarget(10_000, 10, 0.005, 1e9, 100.0, 98.0)).isEqualTo(11_541);
    // Price 2% above value: m = 100/102 - 1 = -1.9608%, sells 1,461.
    assertThat(linearTarget(10_000, 10, 0.005, 1e9, 100.0, 102.0)).isEqualTo(8_539);
  }

  @Test
  void linearDemandStaysWithinZeroAndTheLargestPosition() {
    assertThat(linearTarget(10_000, 10, 0, 12_000, 100.0, 50.0)).isEqualTo(12_000);
    assertThat(linearTarget(10_000, 10, 0, 12_000, 100.0, 200.0)).isZero();
    assertThat(linearTarget(10_000, 10, 0, 12_000, 100.0, 0.0)).isEqualTo(10_000);
  }

  @Test
  void theLimitPriceIsTheInverseOfTheDemandCurve() {
    // Elasticity 10, band 0.5%, 10,000 lots at the start, value 100: holding 11,541 lots is what
    // the curve asks for at a price of 98, so a buy that ends there pays at most 98.
    assertThat(FundamentalInvestor.linearPrice(10_000, 10, 0.005, 11_541, Side.BUY, 100.0))
        .isCloseTo(98.0, within(1e-3));
    assertThat(FundamentalInvestor.linearPrice(10_000, 10, 0.005, 8_539, Side.SELL, 100.0))
        .isCloseTo(102.0, within(1e-3));
    // At the starting position: the edge of the dead band on the order's side.
    assertThat(FundamentalInvestor.linearPrice(10_000, 10, 0.005, 10_000, Side.BUY, 100.0))
        .isCloseTo(100 / 0.995, within(1e-9));
    assertThat(FundamentalInvestor.linearPrice(10_000, 10, 0.005, 10_000, Side.SELL, 100.0))
        .isCloseTo(100 / 1.005, within(1e-9));
  }
}
