package dev.cascade.derivatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The surface's day-to-date spot response (docs/model.md §9, tools/spot_vol_curve.py). */
class SpotVolCurveTest {
  private static final SpotVolCurve FIT = SpotVolCurve.fitted();

  /** The defaults with no EWMA pull and no skew steepening: only the spot response moves. */
  private static VolSurfaceParams spotOnly(double skewBeta) {
    VolSurfaceParams d = VolSurfaceParams.defaults();
    return new VolSurfaceParams(
        d.longRunAtm(),
        d.initialAtm(),
        d.termSpeed(),
        d.skew(),
        d.curvature(),
        d.minVol(),
        d.maxVol(),
        0,
        d.impliedOverRealized(),
        d.spotVol(),
        skewBeta,
        d.minSkew(),
        d.maxSkew());
  }

  @Test
  void fittedResponseAtTheReferenceLevelIsConvexOnFalls() {
    // at the reference level: f(R) = b1 R + b2 R^2, hand-computed from the fitted coefficients
    assertThat(FIT.response(-0.04, 0.1944)).isCloseTo(5.653 * 0.04 + 43.51 * 0.0016, within(1e-12));
    assertThat(FIT.response(0.02, 0.1944)).isCloseTo(-4.932 * 0.02, within(1e-12));
    // convex: twice the fall more than doubles the response
    assertThat(FIT.response(-0.04, 0.1944)).isGreaterThan(2 * FIT.response(-0.02, 0.1944));
    // a higher level at the close responds less to the same fall (the data's level effect)
    assertThat(FIT.response(-0.04, 0.40)).isLessThan(FIT.response(-0.04, 0.20));
    assertThat(FIT.response(0, 0.3)).isZero();
  }

  @Test
  void responseIsMonotoneInTheReturnAtEveryLevel() {
    for (double level : new double[] {0.08, 0.15, 0.1944, 0.3, 0.6, 1.2}) {
      double prev = Double.POSITIVE_INFINITY;
      for (int k = -300; k <= 100; k++) {
        double f = FIT.response(k * 0.0005, level);
        assertThat(f).as("level %s, R %s", level, k * 0.0005).isLessThanOrEqualTo(prev);
        prev = f;
      }
    }
  }

  @Test
  void fourPercentDayToDateFallGivesTheFittedIndexResponse() {
    VolSurface s = new VolSurface(spotOnly(0), 100);
    VixIndex vix = VixIndex.standard();
    double before = vix.value(s, 100, 0, 0);
    for (int step = 1; step <= 12; step++) {
      s.update(100 * (1 - 0.04 * step / 12), 0.2);
    }
    double fitted = FIT.response(-0.04, 0.1944);
    // the ATM level follows the fit exactly, whatever the path within the day
    assertThat(Math.log(s.atmLevel() / 0.1944)).isCloseTo(fitted, within(1e-12));
    // and so does the 30-day index: the fit is of the VIX, so the quoted level is rescaled for
    // what the term structure (which mutes the 30-day point) and the smile (whose wings reach
    // further at a higher level) do to the index
    double indexMove = Math.log(vix.value(s, 96, 0, 0) / before);
    assertThat(indexMove).isCloseTo(fitted, within(1e-3));
    assertThat(s.levelScale()).isNotEqualTo(1.0);
    // about +0.30 in log: the data's mean over -4..-3% days starting at VIX 15-25 is +0.25 (s.e.
    // 0.03) at a mean return of -3.3%
    assertThat(indexMove).isBetween(0.25, 0.32);
  }

  @Test
  void skewSteepeningReshapesTheSurfaceWithoutLiftingTheIndex() {
    VixIndex vix = VixIndex.standard();
    VolSurface flat = new VolSurface(spotOnly(0), 100);
    VolSurface steep = new VolSurface(spotOnly(2), 100);
    for (int step = 1; step <= 12; step++) {
      flat.update(100 * (1 - 0.03 * step / 12), 0.2);
      steep.update(100 * (1 - 0.03 * step / 12), 0.2);
    }
    assertThat(steep.skew()).isLessThan(flat.skew() - 0.05);
    // the same index: the fitted response already carries the VIX's skew on falls
    assertThat(vix.value(steep, 97, 0, 0)).isCloseTo(vix.value(flat, 97, 0, 0), within(0.01));
    // but a steeper shape: the 10%-out put richer, the ATM cheaper
    double t = 30.0 / 365;
    assertThat(steep.vol(Math.log(0.9), t)).isGreaterThan(flat.vol(Math.log(0.9), t));
    assertThat(steep.atm(t)).isLessThan(flat.atm(t));
  }

  @Test
  void indexRisesMonotonicallyWithTheDayToDateFall() {
    VixIndex vix = VixIndex.standard();
    double prev = 0;
    for (double fall = 0; fall <= 0.10; fall += 0.01) {
      VolSurface s = new VolSurface(VolSurfaceParams.defaults(), 100);
      double rv = s.atmLevel() / s.params().impliedOverRealized();
      s.update(100 * (1 - fall), rv);
      double v = vix.value(s, 100 * (1 - fall), 0, 0);
      assertThat(v).as("fall %s", fall).isGreaterThan(prev);
      prev = v;
    }
  }

  @Test
  void calmDayClosingFlatLeavesTheLevelUnchanged() {
    VolSurface s = new VolSurface(spotOnly(0), 100);
    VixIndex vix = VixIndex.standard();
    double start = vix.value(s, 100, 0, 0);
    double[] path = {100.2, 99.8, 100.3, 99.7, 100.1, 100};
    double maxGap = 0;
    for (double p : path) {
      s.update(p, 0.2);
      maxGap = Math.max(maxGap, Math.abs(vix.value(s, p, 0, 0) - start));
    }
    // the response depends on the day's return only, not on the path
    assertThat(s.atmLevel()).isCloseTo(0.1944, within(1e-12));
    // moves of +-0.3% move the index by less than half a point (data: about +-0.03 in log)
    assertThat(maxGap).isLessThan(0.5);
  }

  @Test
  void fallsOverSeveralDaysCompoundFromEachClose() {
    VolSurface s = new VolSurface(spotOnly(0), 100);
    s.update(98, 0.2);
    s.closeSession(98);
    double day1 = 0.1944 * Math.exp(FIT.response(-0.02, 0.1944));
    assertThat(s.atmLevel()).isCloseTo(day1, within(1e-12));
    assertThat(s.closeSpot()).isEqualTo(98);
    s.update(96.04, 0.2);
    double day2 = day1 * Math.exp(FIT.response(-0.02, day1));
    assertThat(s.atmLevel()).isCloseTo(day2, within(1e-12));
    // the second -2% day moves the level less than the first (higher anchor), yet it compounds
    assertThat(day2 / day1).isLessThan(day1 / 0.1944).isGreaterThan(1.05);
  }

  @Test
  void demandPressureLiftsTheLevelItQuotesAndLeavesItsStateAlone() {
    VolSurface s = new VolSurface(spotOnly(0), 100);
    double atm30 = s.atm(VixIndex.THIRTY_DAYS);
    double vix0 = VixIndex.standard().value(s, 100, 0, 0);
    s.setDemandPressure(0.1);
    // the instantaneous level is quoted 10% higher; the 30-day ATM by the term-structure weight
    assertThat(s.atm(0)).isCloseTo(0.1944 * 1.1, within(1e-12));
    assertThat(s.atm(VixIndex.THIRTY_DAYS)).isGreaterThan(atm30 * 1.09);
    assertThat(VixIndex.standard().value(s, 100, 0, 0)).isGreaterThan(vix0 * 1.09);
    // v0 itself, and so the EWMA, spot response and anchor, are untouched
    assertThat(s.atmLevel()).isEqualTo(0.1944);
    s.setDemandPressure(0);
    assertThat(s.atm(VixIndex.THIRTY_DAYS)).isEqualTo(atm30);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.setDemandPressure(-0.01))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theResidualHasTheFittedVarianceAndNoMean() {
    // 13 updates a day, no EWMA pull (spotOnly): a flat day's log change of the level is the
    // residual alone, s0 = 0.0362; a day with one -3% jump adds k^2 ln(0.97)^2. 300 days: the
    // standard deviations' relative standard error is about 4%, the tolerance 12%
    java.util.random.RandomGenerator rng = new java.util.SplittableRandom(11);
    int days = 300;
    double[] flat = new double[days];
    double[] jump = new double[days];
    for (int d = 0; d < days; d++) {
      VolSurface f = new VolSurface(spotOnly(0), 100);
      VolSurface j = new VolSurface(spotOnly(0), 100);
      for (int step = 1; step <= 13; step++) {
        f.update(100, 0.2, dev.cascade.kernel.Gaussian.next(rng), 1.0 / 13);
        j.update(step >= 7 ? 97 : 100, 0.2, dev.cascade.kernel.Gaussian.next(rng), 1.0 / 13);
      }
      flat[d] = Math.log(f.atmLevel() / 0.1944);
      jump[d] = Math.log(j.atmLevel() / 0.1944) - FIT.response(-0.03, 0.1944);
    }
    double expectedJump = Math.sqrt(0.0362 * 0.0362 + 1.563 * 1.563 * Math.pow(Math.log(0.97), 2));
    assertThat(sd(flat)).isCloseTo(0.0362, within(0.0362 * 0.12));
    assertThat(sd(jump)).isCloseTo(expectedJump, within(expectedJump * 0.12));
    // zero-mean in log: the mean daily change stays the fit's (3 standard errors)
    assertThat(mean(flat)).isCloseTo(0, within(3 * 0.0362 / Math.sqrt(days)));
    assertThat(mean(jump)).isCloseTo(0, within(3 * expectedJump / Math.sqrt(days)));
    // with no draw the level is the fit's exactly, as before the residual
    VolSurface none = new VolSurface(spotOnly(0), 100);
    none.update(97, 0.2, 0, 1);
    assertThat(Math.log(none.atmLevel() / 0.1944))
        .isCloseTo(FIT.response(-0.03, 0.1944), within(1e-12));
  }

  private static double mean(double[] x) {
    double m = 0;
    for (double v : x) {
      m += v;
    }
    return m / x.length;
  }

  private static double sd(double[] x) {
    double m = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (x.length - 1));
  }
}
