package dev.cascade.derivatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolSurfaceAndVixTest {

  /**
   * With a flat surface the continuous-strike variance-swap formula gives sigma exactly; the
   * discrete CBOE sum differs by (a) the midpoint-rule error of a 0.25%-of-spot strike grid,
   * relative O((dK/K)^2 / (sigma^2 T)), below 1e-3 here, (b) the third-order remainder of the K0
   * correction, (2/3)(F/K0-1)^3 / T, below 1e-6 in variance, and (c) truncation at +-10 standard
   * deviations, below 1e-20. All of these are far below 0.01 index points (0.01 vol point), the
   * tolerance, which is also the precision VIX is published to.
   */
  @ParameterizedTest
  @CsvSource({"0.10, 0.0, 0.0", "0.20, 0.03, 0.01", "0.35, 0.05, 0.02", "0.80, 0.01, 0.0"})
  void flatSurfaceGivesHundredTimesSigma(double sigma, double r, double q) {
    VolSurface flat = new VolSurface(VolSurfaceParams.flat(sigma), 1290.59);
    double vix = VixIndex.standard().value(flat, 1290.59, r, q);
    assertThat(vix).isCloseTo(100 * sigma, within(0.01));
  }

  @Test
  void skewRaisesTheIndexAboveAtmVol() {
    VolSurface surface = new VolSurface(VolSurfaceParams.defaults(), 100);
    double vix = VixIndex.standard().value(surface, 100, 0.02, 0.015);
    assertThat(vix).isGreaterThan(100 * surface.atm(VixIndex.THIRTY_DAYS) + 0.5);
  }

  @Test
  void surfaceHasDocumentedShape() {
    VolSurface s = new VolSurface(VolSurfaceParams.defaults(), 100);
    double t = 30.0 / 365;
    assertThat(s.vol(0, t)).isCloseTo(s.atm(t), within(1e-15));
    assertThat(s.vol(-0.1, t)).isGreaterThan(s.vol(0, t)).isGreaterThan(s.vol(0.05, t));
    // the same log-moneyness skews less at a longer maturity
    assertThat(s.vol(-0.1, 2) - s.atm(2)).isLessThan(s.vol(-0.1, t) - s.atm(t));
    // floors and caps hold far in the wings
    assertThat(s.vol(-5, 1.0 / 365)).isEqualTo(1.5);
    assertThat(s.vol(0.3, t)).isGreaterThanOrEqualTo(0.05);
  }

  @Test
  void atmLevelConvergesToRealisedVolAtTheEwmaSpeed() {
    VolSurfaceParams p = VolSurfaceParams.defaults();
    VolSurface s = new VolSurface(p, 100);
    double target = p.impliedOverRealized() * 0.40;
    double gap0 = target - s.atmLevel();
    s.update(100, 0.40);
    assertThat(target - s.atmLevel()).isCloseTo(gap0 * (1 - p.ewmaSpeed()), within(1e-12));
    for (int i = 0; i < 200; i++) {
      s.update(100, 0.40);
    }
    assertThat(s.atmLevel()).isCloseTo(target, within(1e-4));
  }

  @Test
  void spotFallRaisesVolSteepensSkewAndLiftsTheIndex() {
    VolSurface s = new VolSurface(VolSurfaceParams.defaults(), 100);
    VixIndex vix = VixIndex.standard();
    double before = vix.value(s, 100, 0.0, 0.0);
    double skewBefore = s.skew();
    double rv = s.atmLevel() / s.params().impliedOverRealized(); // no pull from the EWMA
    s.update(95, rv);
    assertThat(s.atmLevel()).isGreaterThan(s.params().initialAtm());
    assertThat(s.skew()).isLessThan(skewBefore);
    assertThat(vix.value(s, 95, 0.0, 0.0)).isGreaterThan(before + 2);
    // a rally does not steepen the skew
    VolSurface up = new VolSurface(VolSurfaceParams.defaults(), 100);
    up.update(105, rv);
    assertThat(up.skew()).isEqualTo(skewBefore);
    assertThat(up.atmLevel()).isLessThan(up.params().initialAtm());
  }

  @Test
  void atmVolIsClampedUnderExtremeMoves() {
    VolSurface s = new VolSurface(VolSurfaceParams.defaults(), 100);
    s.update(20, 3.0);
    assertThat(s.atmLevel()).isEqualTo(1.5);
    assertThat(s.skew()).isEqualTo(-3.0);
  }
}
