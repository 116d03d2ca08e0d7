package dev.cascade.derivatives;

import static dev.cascade.derivatives.OptionType.CALL;
import static dev.cascade.derivatives.OptionType.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlackScholesTest {

  /**
   * Published worked examples, checked to half a unit in the last published digit.
   *
   * <p>Haug, E.G. (2007) The Complete Guide to Option Pricing Formulas, 2nd ed., McGraw-Hill:
   * generalised BSM call S=60 K=65 T=0.25 r=0.08 b=0.08 v=0.30 -> 2.1334; index put S=100 K=95
   * T=0.5 r=0.10 q=0.05 v=0.20 -> 2.4648; futures-option deltas S=105 K=100 T=0.5 r=0.10 b=0 v=0.36
   * -> call 0.5946, put -0.3566; gamma and vega S=55 K=60 T=0.75 r=b=0.10 v=0.30 -> 0.0278 and
   * 18.9358; put theta S=430 K=405 T=0.0833 r=0.07 b=0.02 v=0.20 -> -31.1924 per year.
   *
   * <p>Hull, J.C. Options, Futures, and Other Derivatives (8th ed.): Example 15.6 S=42 K=40 r=0.10
   * T=0.5 v=0.2 -> call 4.76, put 0.81; the chapter 19 running example S=49 K=50 r=0.05 T=20/52
   * v=0.20 -> delta 0.522, gamma 0.066, vega 12.1, theta -4.31 per year.
   */
  @Test
  void reproducesPublishedTextbookExamples() {
    assertThat(BlackScholes.price(CALL, 60, 65, 0.25, 0.08, 0, 0.30))
        .isCloseTo(2.1334, within(5e-5));
    assertThat(BlackScholes.price(PUT, 100, 95, 0.5, 0.10, 0.05, 0.20))
        .isCloseTo(2.4648, within(5e-5));
    assertThat(BlackScholes.delta(CALL, 105, 100, 0.5, 0.10, 0.10, 0.36))
        .isCloseTo(0.5946, within(5e-5));
    assertThat(BlackScholes.delta(PUT, 105, 100, 0.5, 0.10, 0.10, 0.36))
        .isCloseTo(-0.3566, within(5e-5));
    assertThat(BlackScholes.gamma(55, 60, 0.75, 0.10, 0, 0.30)).isCloseTo(0.0278, within(5e-5));
    assertThat(BlackScholes.vega(55, 60, 0.75, 0.10, 0, 0.30)).isCloseTo(18.9358, within(5e-5));
    assertThat(BlackScholes.theta(PUT, 430, 405, 0.0833, 0.07, 0.05, 0.20))
        .isCloseTo(-31.1924, within(5e-5));

    assertThat(BlackScholes.price(CALL, 42, 40, 0.5, 0.10, 0, 0.2)).isCloseTo(4.76, within(5e-3));
    assertThat(BlackScholes.price(PUT, 42, 40, 0.5, 0.10, 0, 0.2)).isCloseTo(0.81, within(5e-3));
    Greeks hull = BlackScholes.greeks(CALL, 49, 50, 20.0 / 52, 0.05, 0, 0.20);
    assertThat(hull.delta()).isCloseTo(0.522, within(5e-4));
    assertThat(hull.gamma()).isCloseTo(0.066, within(5e-4));
    assertThat(hull.vega()).isCloseTo(12.1, within(5e-2));
    assertThat(hull.theta()).isCloseTo(-4.31, within(5e-3));
  }

  /**
   * The same textbook cases, all seven outputs, against 40-digit values from an independent
   * implementation ({@code tools/bs_reference.py}, mpmath) to 1e-9: far tighter than the 1e-6
   * target, and tighter than the four decimals the books print.
   */
  static Stream<Arguments> highPrecisionReferences() {
    return Stream.of(
        Arguments.of(
            CALL,
            60,
            65,
            0.25,
            0.08,
            0.0,
            0.30,
            new double[] {
              2.133368444916,
              0.372482797962,
              0.042042755754,
              11.351544053522,
              -8.428174386737,
              0.599468379149,
              -0.561486255108
            }),
        Arguments.of(
            PUT,
            100,
            95,
            0.5,
            0.10,
            0.05,
            0.20,
            new double[] {
              2.464787646756,
              -0.264181599636,
              0.022839574296,
              22.839574296270,
              -3.000528096398,
              -0.757055311254,
              0.024004110788
            }),
        Arguments.of(
            CALL,
            105,
            100,
            0.5,
            0.10,
            0.10,
            0.36,
            new double[] {
              12.432844508202,
              0.594628659730,
              0.013493637111,
              26.778122845828,
              -8.396839773678,
              -0.064505853850,
              0.082684973359
            }),
        Arguments.of(
            PUT,
            105,
            100,
            0.5,
            0.10,
            0.10,
            0.36,
            new double[] {
              7.676697385699,
              -0.356600764771,
              0.013493637111,
              26.778122845828,
              -8.872454485928,
              -0.064505853850,
              -0.012437969091
            }),
        Arguments.of(
            CALL,
            55,
            60,
            0.75,
            0.105,
            0.0355,
            0.30,
            new double[] {
              4.733326948788,
              0.485164071192,
              0.027184931628,
              18.502744089128,
              -5.058089150333,
              0.342077122867,
              -0.155106501193
            }),
        Arguments.of(
            PUT,
            430,
            405,
            0.0833,
            0.07,
            0.05,
            0.20,
            new double[] {
              1.756020183936,
              -0.136103260553,
              0.008784688077,
              27.060651832958,
              -31.192367056519,
              -1.131300953940,
              1.275750905989
            }),
        Arguments.of(
            PUT,
            42,
            40,
            0.5,
            0.10,
            0.0,
            0.2,
            new double[] {
              0.808599372900,
              -0.220868709057,
              0.049962670406,
              8.813415059603,
              -0.754174496590,
              -0.931600678614,
              -0.023523079982
            }));
  }

  @ParameterizedTest
  @MethodSource("highPrecisionReferences")
  void matchesIndependentHighPrecisionValues(
      OptionType type, double s, double k, double t, double r, double q, double v, double[] ref) {
    Greeks g = BlackScholes.greeks(type, s, k, t, r, q, v);
    double[] got = {g.price(), g.delta(), g.gamma(), g.vega(), g.theta(), g.vanna(), g.charm()};
    for (int i = 0; i < ref.length; i++) {
      assertThat(got[i]).as("output %d", i).isCloseTo(ref[i], within(1e-9));
    }
    assertThat(BlackScholes.price(type, s, k, t, r, q, v)).isCloseTo(ref[0], within(1e-9));
  }

  @Test
  void putCallParityHoldsAcrossRandomInputs() {
    Random rnd = new Random(20110124L); // recorded seed
    for (int i = 0; i < 2000; i++) {
      double s = 10 + 190 * rnd.nextDouble();
      double k = s * Math.exp(rnd.nextGaussian() * 0.4);
      double t = 0.001 + 3 * rnd.nextDouble();
      double r = 0.08 * rnd.nextDouble() - 0.01;
      double q = 0.05 * rnd.nextDouble();
      double v = 0.02 + 1.2 * rnd.nextDouble();
      double c = BlackScholes.price(CALL, s, k, t, r, q, v);
      double p = BlackScholes.price(PUT, s, k, t, r, q, v);
      assertThat(c - p)
          .isCloseTo(s * Math.exp(-q * t) - k * Math.exp(-r * t), within(1e-10 * (s + k)));
      Greeks gc = BlackScholes.greeks(CALL, s, k, t, r, q, v);
      Greeks gp = BlackScholes.greeks(PUT, s, k, t, r, q, v);
      assertThat(gc.delta() - gp.delta()).isCloseTo(Math.exp(-q * t), within(1e-12));
      assertThat(gc.gamma()).isCloseTo(gp.gamma(), within(1e-12));
    }
  }

  /** Central differences with step h; truncation error O(h^2) relative, so tolerance 1e-5. */
  @ParameterizedTest
  @MethodSource("fdCases")
  void everyGreekMatchesFiniteDifferences(
      OptionType w, double s, double k, double t, double r, double q, double v) {
    Greeks g = BlackScholes.greeks(w, s, k, t, r, q, v);
    double hs = s * 1e-4;
    double hv = 1e-5;
    double ht = Math.min(t * 1e-4, 1e-5);
    double up = BlackScholes.price(w, s + hs, k, t, r, q, v);
    double dn = BlackScholes.price(w, s - hs, k, t, r, q, v);
    double scale = Math.max(1, g.price());
    assertThat(g.delta()).isCloseTo((up - dn) / (2 * hs), within(1e-6));
    assertThat(g.gamma() * s)
        .isCloseTo((up - 2 * g.price() + dn) / (hs * hs) * s, within(1e-4 * scale));
    assertThat(g.vega())
        .isCloseTo(
            (BlackScholes.price(w, s, k, t, r, q, v + hv)
                    - BlackScholes.price(w, s, k, t, r, q, v - hv))
                / (2 * hv),
            within(1e-5 * Math.max(1, g.vega())));
    // theta and charm are d/dt = -d/dT
    assertThat(g.theta())
        .isCloseTo(
            -(BlackScholes.price(w, s, k, t + ht, r, q, v)
                    - BlackScholes.price(w, s, k, t - ht, r, q, v))
                / (2 * ht),
            within(1e-5 * Math.max(1, Math.abs(g.theta()))));
    assertThat(g.vanna())
        .isCloseTo(
            (BlackScholes.delta(w, s, k, t, r, q, v + hv)
                    - BlackScholes.delta(w, s, k, t, r, q, v - hv))
                / (2 * hv),
            within(1e-5 * Math.max(1, Math.abs(g.vanna()))));
    assertThat(g.charm())
        .isCloseTo(
            -(BlackScholes.delta(w, s, k, t + ht, r, q, v)
                    - BlackScholes.delta(w, s, k, t - ht, r, q, v))
                / (2 * ht),
            within(1e-5 * Math.max(1, Math.abs(g.charm()))));
  }

  static Stream<Arguments> fdCases() {
    return Stream.of(
        Arguments.of(CALL, 100, 100, 1.0, 0.05, 0.02, 0.2),
        Arguments.of(PUT, 100, 100, 1.0, 0.05, 0.02, 0.2),
        Arguments.of(CALL, 100, 130, 0.25, 0.01, 0.0, 0.35),
        Arguments.of(PUT, 100, 70, 0.5, 0.03, 0.04, 0.5),
        Arguments.of(CALL, 1290.59, 1200, 0.07, 0.004, 0.018, 0.18),
        Arguments.of(PUT, 1290.59, 1400, 2.0, 0.004, 0.018, 0.22));
  }

  @Test
  void expiryLimitIsIntrinsicValue() {
    assertThat(BlackScholes.price(CALL, 110, 100, 0, 0.05, 0, 0.2)).isEqualTo(10);
    assertThat(BlackScholes.price(PUT, 110, 100, 0, 0.05, 0, 0.2)).isEqualTo(0);
    Greeks itm = BlackScholes.greeks(PUT, 90, 100, -1, 0.05, 0, 0.2);
    assertThat(itm.price()).isEqualTo(10);
    assertThat(itm.delta()).isEqualTo(-1);
    assertThat(itm.gamma()).isZero();
    assertThat(BlackScholes.delta(CALL, 100, 100, 0, 0, 0, 0.2)).isEqualTo(0.5);
    // approaching expiry continuously: tiny T gives nearly intrinsic
    assertThat(BlackScholes.price(CALL, 110, 100, 1e-10, 0.05, 0, 0.2)).isCloseTo(10, within(1e-8));
  }

  @Test
  void zeroVolLimitIsDiscountedForwardIntrinsic() {
    double s = 100;
    double k = 95;
    double t = 0.5;
    double r = 0.05;
    double q = 0.01;
    Greeks g = BlackScholes.greeks(CALL, s, k, t, r, q, 0);
    double fwdIntrinsic = s * Math.exp(-q * t) - k * Math.exp(-r * t);
    assertThat(g.price()).isCloseTo(fwdIntrinsic, within(1e-12));
    assertThat(g.delta()).isCloseTo(Math.exp(-q * t), within(1e-12));
    assertThat(g.gamma()).isZero();
    // continuity: a tiny positive vol gives the same price
    assertThat(BlackScholes.price(CALL, s, k, t, r, q, 1e-6))
        .isCloseTo(fwdIntrinsic, within(1e-10));
    assertThat(BlackScholes.price(PUT, s, k, t, r, q, 0)).isZero();
    // theta of the deterministic limit matches a finite difference in T
    double h = 1e-6;
    double fd =
        -(BlackScholes.price(CALL, s, k, t + h, r, q, 0)
                - BlackScholes.price(CALL, s, k, t - h, r, q, 0))
            / (2 * h);
    assertThat(g.theta()).isCloseTo(fd, within(1e-6));
  }

  @Test
  void normalCdfMatchesHipparchusToMachinePrecision() {
    org.hipparchus.distribution.continuous.NormalDistribution n =
        new org.hipparchus.distribution.continuous.NormalDistribution(0, 1);
    for (double x = -37; x <= 37; x += 0.001) {
      assertThat(BlackScholes.cdf(x))
          .as("N(%f)", x)
          .isCloseTo(n.cumulativeProbability(x), within(1e-15));
    }
  }
}
