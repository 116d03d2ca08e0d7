package dev.cascade.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The stylised-fact statistics on series whose answer is known: a Gaussian (no heavy tails, no
 * dependence), a GARCH(1,1) (volatility clustering), a Student-t with 3 degrees of freedom (tail
 * exponent 3), and the S&P 500's daily returns 2000-2020 against figures computed apart with numpy
 * (tools/stylised_reference.py). Tolerances of random series are stated in standard errors.
 */
class StylizedFactsTest {
  private static final StylizedFacts.Settings DAILY =
      new StylizedFacts.Settings(2, 252, Double.NaN);

  private static double[] gaussian(long seed, int n, double sd) {
    Well19937c rng = new Well19937c(seed);
    double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = sd * rng.nextGaussian();
    }
    return x;
  }

  @Test
  void aGaussianSampleHasNoExcessKurtosisThinTailsAndNoAutocorrelation() {
    int n = 20_000;
    StylizedFacts f = StylizedFacts.measure(ReturnSeries.of(gaussian(11, n, 1e-3)), DAILY);
    double se = Math.sqrt(24.0 / n);
    assertThat(f.excessKurtosis()).as("g2 within 3 SE of 0").isCloseTo(0, within(3 * se));
    assertThat(f.moorsExcessKurtosis()).isCloseTo(0, within(0.05));
    HillEstimate h = f.tail(0.05).both();
    assertThat(h.k()).isEqualTo(1000);
    assertThat(h.alpha() - 3 * h.se())
        .as("a Gaussian's Hill exponent lies above the band of real returns (4.5)")
        .isGreaterThan(4.5);
    double band = 3 / Math.sqrt(n);
    for (int k = 0; k < StylizedFacts.ACF_LAGS; k++) {
      assertThat(f.acf().get(k)).as("ACF(r) lag %d", k + 1).isCloseTo(0, within(band));
      assertThat(f.absAcf().get(k)).as("ACF(|r|) lag %d", k + 1).isCloseTo(0, within(band));
    }
    assertThat(f.leverage().sumZ()).isCloseTo(0, within(3.0));
    assertThat(f.realisedVol())
        .as("1e-3 a day over 252 days")
        .isCloseTo(1e-3 * Math.sqrt(252), within(2e-4));

    StylizedBands.Verdict v = StylizedBands.standard().profile(StylizedBands.DAILY).check(f);
    assertThat(v.pass()).isFalse();
    assertThat(failed(v))
        .contains("excess kurtosis (heavy tails, no crash)", "Hill alpha, top 5%, both tails");
  }

  @Test
  void aGarchSampleHasHeavyTailsAndSlowlyDecayingAbsoluteReturnAutocorrelation() {
    // r_t = sigma_t z_t, sigma_t^2 = w + a r_{t-1}^2 + b sigma_{t-1}^2 with a = 0.1, b = 0.88:
    // finite fourth moment (3a^2 + 2ab + b^2 = 0.98 < 1), excess kurtosis 3 in theory.
    Well19937c rng = new Well19937c(5);
    double a = 0.1;
    double b = 0.88;
    double w = 1e-6 * (1 - a - b);
    int n = 50_000;
    double[] r = new double[n];
    double s2 = 1e-6;
    double prev = 0;
    for (int t = -1000; t < n; t++) {
      s2 = w + a * prev * prev + b * s2;
      prev = Math.sqrt(s2) * rng.nextGaussian();
      if (t >= 0) {
        r[t] = prev;
      }
    }
    StylizedFacts f = StylizedFacts.measure(ReturnSeries.of(r), DAILY);
    assertThat(f.excessKurtosis())
        .as("far beyond a Gaussian's 3 SE (%.3f)", 3 * Math.sqrt(24.0 / n))
        .isGreaterThan(1.0);
    List<Double> abs = f.absAcf();
    assertThat(abs.get(0)).as("volatility clusters").isGreaterThan(0.1);
    assertThat(abs.get(0)).isGreaterThan(abs.get(9));
    assertThat(abs.get(9)).isGreaterThan(abs.get(49));
    assertThat(abs.get(49)).as("still positive at lag 50").isGreaterThan(3 / Math.sqrt(n));
    assertThat(f.meanAbsAcf()).isGreaterThan(0.05);
    assertThat(f.absAcfDecay().beta()).isPositive();
    for (int k = 0; k < StylizedFacts.ACF_LAGS; k++) {
      assertThat(f.acf().get(k))
          .as("returns themselves stay uncorrelated, lag %d (4 robust SE)", k + 1)
          .isCloseTo(0, within(4 * f.acfRobustSe().get(k)));
    }
  }

  @Test
  void aStudentTWithThreeDegreesOfFreedomHasTailExponentThree() {
    // t = Z / sqrt(chi2_3 / 3). The Hill estimate is biased low by the t's second-order tail term
    // (about 2.7 from the top 5%); from the top 2.5% the bias is well inside the standard error.
    Well19937c rng = new Well19937c(3);
    int n = 20_000;
    double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      double z = rng.nextGaussian();
      double chi = 0;
      for (int i = 0; i < 3; i++) {
        double g = rng.nextGaussian();
        chi += g * g;
      }
      x[t] = 1e-3 * z / Math.sqrt(chi / 3);
    }
    StylizedFacts f = StylizedFacts.measure(ReturnSeries.of(x), DAILY);
    HillEstimate h = f.tail(0.025).both();
    assertThat(h.k()).isEqualTo(500);
    assertThat(h.se()).isCloseTo(h.alpha() / Math.sqrt(500), within(1e-12));
    assertThat(h.alpha())
        .as("within 3 SE (%.3f) of 3", 3 * h.se())
        .isCloseTo(3, within(3 * h.se()));
    assertThat(f.tail(0.025).left().alpha()).isCloseTo(3, within(3 * f.tail(0.025).left().se()));
    assertThat(f.excessKurtosis()).as("infinite in theory").isGreaterThan(5);
  }

  @Test
  void hillEstimateFollowsItsDefinition() {
    // Values 1..20: the top 10 over the threshold 10 (the 11th largest).
    double[] x = new double[20];
    for (int i = 0; i < 20; i++) {
      x[i] = i + 1;
    }
    double h = 0;
    for (int v = 11; v <= 20; v++) {
      h += Math.log(v / 10.0);
    }
    HillEstimate e = HillEstimate.of(x, 10);
    assertThat(e.alpha()).isCloseTo(10 / h, within(1e-12));
    assertThat(e.threshold()).isEqualTo(10);
    assertThat(HillEstimate.of(x, 9).alpha()).as("fewer than 10 order statistics").isNaN();
    assertThat(HillEstimate.of(x, 20).alpha()).as("no threshold left").isNaN();
  }

  @Test
  void pooledSegmentsArePairedOnlyWithinThemselves() {
    // Two segments; concatenated, the seam would pair the last 1 of one with the first 1 of the
    // next. Within segments every pair is (+1, -1) at lag 1.
    double[] seg = {1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1};
    ReturnSeries s = ReturnSeries.builder().addReturns(seg, null).addReturns(seg, null).build();
    assertThat(s.size()).isEqualTo(32);
    assertThat(s.segments()).isEqualTo(2);
    double[] acf = ReturnStatistics.acf(s.returnsView(), s, 2);
    assertThat(acf[0])
        .as("30 within-segment pairs, all -1, over 32")
        .isCloseTo(-30.0 / 32, within(1e-12));
    assertThat(acf[1]).isCloseTo(28.0 / 32, within(1e-12));
    double[] agg =
        ReturnStatistics.aggregate(
            new double[] {1, 2, 3, 4, 5, 6, 7},
            ReturnSeries.builder()
                .addReturns(new double[] {1, 2, 3}, null)
                .addReturns(new double[] {4, 5, 6, 7}, null)
                .build(),
            2);
    assertThat(agg).as("blocks inside segments; incomplete ones dropped").containsExactly(3, 9, 13);
  }

  @Test
  void pricesBecomeLogReturnsCarryingTheLaterPeriodsVolume() {
    ReturnSeries s =
        ReturnSeries.builder()
            .addPrices(new double[] {100, 110, 99}, new double[] {5, 6, 7})
            .addPrices(new double[] {50}, new double[] {1})
            .build();
    assertThat(s.returns()).containsExactly(Math.log(1.1), Math.log(0.9));
    assertThat(s.volumesView()).containsExactly(6, 7);
    assertThat(s.segments()).isEqualTo(1);
    assertThatThrownBy(() -> ReturnSeries.builder().addPrices(new double[] {1, 0}, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StylizedFacts.measure(ReturnSeries.of(1, 2, 3), DAILY))
        .hasMessageContaining("too few returns (3");
  }

  /**
   * The S&P 500 (data/sp500_daily_ohlcv_2000-2020_vega.csv, 5,105 closes), daily log returns.
   * Reference values from {@code python3 tools/stylised_reference.py} (numpy; the independent
   * checker ../shared/tools/stylized.py gives the same to six digits). Tolerances: 1e-9 relative
   * for what is arithmetic on the same numbers in another order, looser only where rounding grows.
   */
  @Test
  void theSp500DailyReturnsHaveHeavyTailsClusteringAndALeverageEffect() throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of("..", "data", "sp500_daily_ohlcv_2000-2020_vega.csv"));
    double[] close = new double[lines.size() - 1];
    double[] volume = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      close[i - 1] = Double.parseDouble(f[4]);
      volume[i - 1] = Double.parseDouble(f[6]);
    }
    StylizedFacts f =
        StylizedFacts.measure(ReturnSeries.builder().addPrices(close, volume).build(), DAILY);
    assertThat(f.n()).isEqualTo(5104);
    assertThat(f.excessKurtosis()).isCloseTo(11.23651716640818, within(1e-8));
    assertThat(f.moorsExcessKurtosis()).isCloseTo(0.4025940258268892, within(1e-10));
    assertThat(f.tail(0.05).both().alpha()).isCloseTo(2.711266264, within(1e-8));
    assertThat(f.tail(0.05).both().k()).isEqualTo(255);
    assertThat(f.tail(0.05).left().alpha()).isCloseTo(2.728969462, within(1e-8));
    assertThat(f.tail(0.05).left().k()).isEqualTo(120);
    assertThat(f.tail(0.05).right().alpha()).isCloseTo(2.541965683, within(1e-8));
    assertThat(f.acf().get(0)).isCloseTo(-0.113478231, within(1e-9));
    assertThat(f.acf().get(1)).isCloseTo(-0.007262998101, within(1e-9));
    assertThat(f.acf().get(4)).isCloseTo(-0.01202213071, within(1e-9));
    assertThat(f.absAcf().get(0)).isCloseTo(0.3124204502820097, within(1e-10));
    assertThat(f.meanAbsAcf()).isCloseTo(0.22752240556169562, within(1e-10));
    assertThat(f.absAcfDecay().beta()).isCloseTo(0.32253636690336945, within(1e-9));
    assertThat(f.leverage().sum())
        .as("negative: falls raise later volatility")
        .isCloseTo(-0.9507255339198818, within(1e-9));
    assertThat(f.leverage().sumZ()).isCloseTo(-3.631147067146327, within(1e-8));
    assertThat(f.volume().pearson()).isCloseTo(0.262219036023284, within(1e-10));
    // Hipparchus's streaming Pearson on ranks up to 5,104 rounds at about 1e-8.
    assertThat(f.volume().spearman()).isCloseTo(0.10949345037374911, within(1e-7));
    assertThat(f.volume().pearsonDetrended()).isCloseTo(0.1646788426468628, within(1e-9));
    assertThat(f.aggregation().get(1).excessKurtosis()).isCloseTo(10.679801108251178, within(1e-8));
    assertThat(f.aggregationRatio(20))
        .isCloseTo(2.6971935205750226 / 11.23651716640818, within(1e-9));

    // The checker's verdict with its daily profile: every band passes but |ACF(r)| at lag 1
    // (0.113 > 0.1); the stated-vol band is not measured (no stated vol).
    StylizedBands.Verdict v = StylizedBands.standard().profile(StylizedBands.DAILY).check(f);
    assertThat(failed(v)).containsExactly("|ACF(r)| at lag 1");
    assertThat(v.checks().stream().filter(c -> c.result() == StylizedBands.Result.SKIP))
        .extracting(c -> c.band().metric())
        .containsExactly("realised_vol_ratio");
  }

  @Test
  void everyShippedBandNamesAKnownFigureAndASource() {
    StylizedBands bands = StylizedBands.standard();
    assertThat(bands.profiles()).containsKeys(StylizedBands.ONE_MINUTE, StylizedBands.DAILY);
    StylizedBands.Profile p = bands.profile(StylizedBands.ONE_MINUTE);
    assertThat(p.minN()).isEqualTo(5000);
    assertThat(p.acfK()).isEqualTo(30);
    assertThat(bands.sources()).containsKey(p.bandsFrom());
    for (StylizedBands.Profile q : bands.profiles().values()) {
      for (StylizedBands.Band b : q.bands()) {
        assertThat(StylizedFacts.metricNames()).contains(b.metric());
        assertThat(bands.sources().keySet().stream().anyMatch(b.source()::contains))
            .as("%s cites a listed source", b.name())
            .isTrue();
      }
    }
    assertThat(band(p, "excess_kurtosis"))
        .extracting(StylizedBands.Band::lo, StylizedBands.Band::hi)
        .containsExactly(3.0, 100.0);
    assertThat(band(p, "hill.top_5pct.both.alpha"))
        .extracting(StylizedBands.Band::lo, StylizedBands.Band::hi)
        .containsExactly(2.5, 4.5);
    assertThat(band(p, "acf_r.values.0"))
        .extracting(StylizedBands.Band::lo, StylizedBands.Band::hi)
        .containsExactly(-0.35, 0.1);
    assertThat(band(p, "acf_abs_r.lag1"))
        .extracting(StylizedBands.Band::lo, StylizedBands.Band::hi)
        .containsExactly(0.1, 0.6);
    assertThat(band(p, "acf_abs_r.mean_lags_1_to_50").lo()).isEqualTo(0.05);
    assertThat(band(p, "realised_vol_ratio"))
        .extracting(StylizedBands.Band::lo, StylizedBands.Band::hi)
        .containsExactly(0.8, 1.2);
  }

  @Test
  void boundsWidenForSmallSamplesAndSkipBelowTheirMinimum() {
    StylizedFacts f =
        StylizedFacts.measure(
            ReturnSeries.of(gaussian(2, 400, 1e-3)),
            new StylizedFacts.Settings(30, 252 * 390, Double.NaN));
    StylizedBands.Verdict v = StylizedBands.standard().profile(StylizedBands.ONE_MINUTE).check(f);
    StylizedBands.Check first = v.checks().get(0);
    assertThat(first.band().name()).isEqualTo("sample size");
    assertThat(first.result()).isEqualTo(StylizedBands.Result.FAIL);
    assertThat(check(v, "acf_abs_r.power_law.beta").result()).isEqualTo(StylizedBands.Result.SKIP);
    assertThat(check(v, "acf_abs_r.power_law.beta").note()).isEqualTo("skipped: n < 10000");
    // mean ACF(|r|): lo = max(0.05, 0.5 / sqrt(400)) = 0.05; max |ACF| lags 30..60: hi = max(0.03,
    // 4 x the median robust SE, about 4 / sqrt(400) = 0.2)
    assertThat(check(v, "acf_abs_r.mean_lags_1_to_50").lo()).isEqualTo(0.05);
    StylizedBands.Check beyond = check(v, "acf_r.beyond_k.max_abs");
    assertThat(beyond.hi())
        .isCloseTo(4 * f.acfBeyond().robustSe(), within(1e-15))
        .isGreaterThan(0.15);
    assertThat(f.acfBeyond().k()).isEqualTo(30);
    assertThat(f.acfBeyond().lagMax()).isEqualTo(60);
    assertThat(check(v, "volume_abs_return.pearson_detrended").result())
        .as("no volumes")
        .isEqualTo(StylizedBands.Result.SKIP);
  }

  private static List<String> failed(StylizedBands.Verdict v) {
    return v.checks().stream()
        .filter(c -> c.result() == StylizedBands.Result.FAIL)
        .map(c -> c.band().name())
        .toList();
  }

  private static StylizedBands.Band band(StylizedBands.Profile p, String metric) {
    return p.bands().stream().filter(b -> b.metric().equals(metric)).findFirst().orElseThrow();
  }

  private static StylizedBands.Check check(StylizedBands.Verdict v, String metric) {
    return v.checks().stream()
        .filter(c -> c.band().metric().equals(metric))
        .findFirst()
        .orElseThrow();
  }
}
