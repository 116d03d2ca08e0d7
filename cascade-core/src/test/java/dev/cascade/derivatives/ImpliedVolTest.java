package dev.cascade.derivatives;

import static dev.cascade.derivatives.OptionType.CALL;
import static dev.cascade.derivatives.OptionType.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpliedVolTest {

  /**
   * Round trip vol -> price -> vol over moneyness from 0.3 to 3 and maturities 1 day to 5 years.
   */
  @ParameterizedTest
  @CsvSource({"0.05", "0.12", "0.2", "0.45", "0.9", "2.0"})
  void roundTripsAcrossMoneynessAndMaturity(double vol) {
    double s = 100;
    double r = 0.03;
    double q = 0.01;
    double[] strikes = {30, 50, 70, 85, 95, 100, 105, 120, 150, 200, 300};
    double[] years = {1.0 / 365, 7.0 / 365, 30.0 / 365, 0.25, 1, 5};
    for (OptionType type : OptionType.values()) {
      for (double k : strikes) {
        for (double t : years) {
          double price = BlackScholes.price(type, s, k, t, r, q, vol);
          double lower = BlackScholes.lowerBound(type, s, k, t, r, q);
          // Only prices whose time value is representable carry vol information.
          if (price - lower <= 1e-12 * s) {
            continue;
          }
          ImpliedVolResult iv = ImpliedVol.solve(type, price, s, k, t, r, q);
          assertThat(iv.status()).as("%s K=%s T=%s", type, k, t).isEqualTo(ImpliedVolStatus.SOLVED);
          // Time value below 1e-7 of spot loses digits in the subtraction price - lower.
          double tol = (price - lower) > 1e-7 * s ? 1e-8 : 1e-4;
          assertThat(iv.vol().getAsDouble())
              .as("%s K=%s T=%s", type, k, t)
              .isCloseTo(vol, within(tol));
        }
      }
    }
  }

  @Test
  void deepOutOfTheMoneyTinyPremiumStillSolves() {
    double price = BlackScholes.price(PUT, 100, 40, 0.1, 0.0, 0.0, 0.25);
    assertThat(price).isLessThan(1e-30);
    ImpliedVolResult iv = ImpliedVol.solve(PUT, price, 100, 40, 0.1, 0.0, 0.0);
    assertThat(iv.vol().getAsDouble()).isCloseTo(0.25, within(1e-10));
  }

  @Test
  void pricesBelowIntrinsicAreReportedNotThrown() {
    // call with intrinsic S - K e^{-rT} ~ 20.1 priced at 15
    ImpliedVolResult iv = ImpliedVol.solve(CALL, 15, 120, 100, 0.5, 0.0, 0.0);
    assertThat(iv.solved()).isFalse();
    assertThat(iv.vol()).isEmpty();
    assertThat(iv.status()).isEqualTo(ImpliedVolStatus.BELOW_LOWER_BOUND);
    assertThat(ImpliedVol.solve(PUT, -0.01, 100, 100, 0.5, 0.0, 0.0).status())
        .isEqualTo(ImpliedVolStatus.BELOW_LOWER_BOUND);
  }

  @Test
  void pricesAtOrAboveTheUpperBoundAreReported() {
    assertThat(ImpliedVol.solve(CALL, 101, 100, 100, 0.5, 0.0, 0.0).status())
        .isEqualTo(ImpliedVolStatus.AT_OR_ABOVE_UPPER_BOUND);
    assertThat(ImpliedVol.solve(PUT, 100, 120, 100, 0.5, 0.0, 0.0).status())
        .isEqualTo(ImpliedVolStatus.AT_OR_ABOVE_UPPER_BOUND);
  }

  @Test
  void zeroTimeValueAndInvalidInputsAreReported() {
    assertThat(ImpliedVol.solve(CALL, 20, 120, 100, 0.5, 0.0, 0.0).status())
        .isEqualTo(ImpliedVolStatus.NO_TIME_VALUE);
    assertThat(ImpliedVol.solve(CALL, 0, 100, 150, 0.5, 0.0, 0.0).status())
        .isEqualTo(ImpliedVolStatus.NO_TIME_VALUE);
    assertThat(ImpliedVol.solve(CALL, Double.NaN, 100, 100, 0.5, 0.0, 0.0).status())
        .isEqualTo(ImpliedVolStatus.INVALID_INPUT);
    assertThat(ImpliedVol.solve(CALL, 5, 100, 100, 0, 0.0, 0.0).status())
        .isEqualTo(ImpliedVolStatus.INVALID_INPUT);
    assertThat(ImpliedVol.solve(CALL, 5, -1, 100, 0.5, 0.0, 0.0).status())
        .isEqualTo(ImpliedVolStatus.INVALID_INPUT);
  }
}
