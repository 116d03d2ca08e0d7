package dev.cascade.agents.systematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolTargetFundTest {

  /** Feeds days of returns of size sigma / sqrt(252), alternating in sign. */
  private static double feed(DailyVol v, double annualVol, int days, boolean maxOfWindows) {
    double r = annualVol / Math.sqrt(DailyVol.DAYS_PER_YEAR);
    double last = 0;
    for (int d = 0; d < days; d++) {
      double x = d % 2 == 0 ? r : -r;
      last = v.preview(x, maxOfWindows);
      v.record(x);
    }
    return last;
  }

  @Test
  void exposureHalvesWhenRealisedVolDoubles() {
    DailyVol v = new DailyVol(0.15, 0.94);
    double calm = feed(v, 0.15, 300, false);
    double before = VolTargetFund.exposure(0.10, calm, 1.5);
    double stressed = feed(v, 0.30, 300, false);
    double after = VolTargetFund.exposure(0.10, stressed, 1.5);
    assertThat(calm).isCloseTo(0.15, within(1e-6));
    assertThat(after / before).isCloseTo(0.5, within(1e-6));
  }

  @Test
  void maxOfTwentyAndFortyDayEstimatesReactsWithinTwentyDays() {
    DailyVol v = new DailyVol(0.15, 0.94);
    feed(v, 0.15, 60, true);
    double after20 = feed(v, 0.30, 20, true);
    assertThat(after20).isCloseTo(0.30, within(1e-6));
  }

  @Test
  void exposureIsCappedAtMaxLeverage() {
    assertThat(VolTargetFund.exposure(0.10, 0.04, 1.5)).isEqualTo(1.5);
    assertThat(VolTargetFund.exposure(0.10, 0.20, 1.5)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aFallOnTheDayRaisesTheEstimateTheFundUsesAtTheClose() {
    DailyVol v = new DailyVol(0.15, 0.94);
    assertThat(v.preview(-0.03, false)).isGreaterThan(0.15 * 1.2);
    assertThat(v.preview(0, false)).isLessThan(0.15);
  }
}
