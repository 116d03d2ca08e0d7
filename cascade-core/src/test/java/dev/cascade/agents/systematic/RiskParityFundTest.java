package dev.cascade.agents.systematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RiskParityFundTest {
  private static final boolean[] STOCK = {true, false, false};
  private static final boolean[] BOND = {false, true, false};

  private static double[] exposures(Covariance c, double[] w, double target, double lmax) {
    double lev = RiskParityFund.leverage(target, c.portfolioVol(w), lmax);
    return new double[] {lev * w[0], lev * w[1], lev * w[2]};
  }

  @Test
  void weightsAreInverseVolatility() {
    Covariance c = Covariance.prior(new double[] {0.15, 0.07, 0.16}, STOCK, BOND, 0, 0.94);
    double[] w = c.inverseVolWeights();
    assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(1e-12));
    assertThat(w[1] * 0.07).isCloseTo(w[0] * 0.15, within(1e-12));
    assertThat(w[2] * 0.16).isCloseTo(w[0] * 0.15, within(1e-12));
  }

  @Test
  void anEquityVolJumpSellsBondsAndGoldWhenTheVolTargetBinds() {
    Covariance c = Covariance.prior(new double[] {0.15, 0.07, 0.16}, STOCK, BOND, -0.2, 0.94);
    double[] w = c.inverseVolWeights(); // held fixed between monthly resets
    double[] before = exposures(c, w, 0.10, 3.5);
    assertThat(RiskParityFund.leverage(0.10, c.portfolioVol(w), 3.5)).isLessThan(3.5);
    // five days of 4% equity moves (tech volatility explodes), bonds and gold quiet
    for (int d = 0; d < 5; d++) {
      c = c.with(new double[] {d % 2 == 0 ? -0.04 : 0.04, 0, 0});
    }
    double[] after = exposures(c, w, 0.10, 3.5);
    assertThat(after[0]).isLessThan(before[0]);
    assertThat(after[1]).as("Treasuries").isLessThan(before[1] * 0.8);
    assertThat(after[2]).as("gold").isLessThan(before[2] * 0.8);
  }

  @Test
  void aRiseInStockBondCorrelationCutsEverything() {
    double[] vols = {0.15, 0.07, 0.16};
    Covariance negative = Covariance.prior(vols, STOCK, BOND, -0.3, 0.94);
    Covariance positive = Covariance.prior(vols, STOCK, BOND, 0.5, 0.94);
    double[] w = negative.inverseVolWeights();
    double[] a = exposures(negative, w, 0.10, 3.5);
    double[] b = exposures(positive, w, 0.10, 3.5);
    for (int k = 0; k < 3; k++) {
      assertThat(b[k]).isLessThan(a[k]);
    }
  }
}
