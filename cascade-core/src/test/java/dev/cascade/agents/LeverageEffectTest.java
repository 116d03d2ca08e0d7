package dev.cascade.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.kernel.RandomStreams;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.AssetClass;
import dev.cascade.market.Instrument;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The leverage effect of the news flow (docs/model.md §4, "Leverage"): the factor on the activity
 * follows the traded price against its own average by G = exp(h(x)) / E_v[exp(h)], h(x) = -c tanh(A
 * x / c), saturates at c, scales the walk's variance, keeps the news flow's draws paired, and
 * leaves the walk's path independent of when values are asked.
 */
class LeverageEffectTest {
  private static final long START =
      ZonedDateTime.parse("2025-01-02T00:00:00Z").toInstant().toEpochMilli() * 1_000_000L;
  private static final long REF = 1_000_000;
  private static final double VOL = 0.5;

  private static Fundamentals walk(long seed, LeverageEffect effect) {
    List<Instrument> ins = List.of(NewsFlowTest.crypto(0, "X", REF));
    Fundamentals f = new Fundamentals(ins, new double[] {VOL}, new RandomStreams(seed), START);
    f.setLeverageEffect(0, effect);
    return f;
  }

  /** v after t trading days: sigma_d^2 (T / 2)(1 - exp(-2 t / T)), a 24-hour day. */
  private static double v(double tDays, double days) {
    double sigmaD2 = VOL * VOL / 365;
    return sigmaD2 * days / 2 * (1 - Math.exp(-2 * tDays / days));
  }

  /** E[exp(-c tanh(A x / c))] for x ~ N(0, v), by a fine midpoint sum. */
  private static double mean(double a, double c, double v) {
    double sum = 0;
    double w = 0;
    for (int i = -40_000; i < 40_000; i++) {
      double z = (i + 0.5) * 2e-4;
      double g = Math.exp(-0.5 * z * z);
      sum += g * Math.exp(-c * Math.tanh(a * Math.sqrt(v) * z / c));
      w += g;
    }
    return sum / w;
  }

  @Test
  void factorFollowsThePriceAgainstItsAverage() {
    LeverageEffect e = new LeverageEffect(20, 10, 0.33);
    Fundamentals f = walk(1, e);
    assertThat(f.readsPrice(0)).isTrue();
    assertThat(f.leverageFactor(0)).isEqualTo(1);
    double minuteDays = 60.0 / 86_400;
    // 1% below the start: h = -0.33 tanh(20 ln 0.99 / 0.33), about +0.19 on the log variance.
    f.observePrice(0, START + Time.NANOS_PER_MINUTE, 0.99 * REF, 60);
    double x1 = Math.log(0.99);
    double h1 = -0.33 * Math.tanh(20 * x1 / 0.33);
    assertThat(f.leverageFactor(0))
        .isCloseTo(Math.exp(h1) / mean(20, 0.33, v(minuteDays, 10)), within(1e-9));
    // The average moved a minute's share towards the price: the same price again counts less.
    double x2 = x1 - x1 * -Math.expm1(-minuteDays / 10);
    f.observePrice(0, START + 2 * Time.NANOS_PER_MINUTE, 0.99 * REF, 60);
    assertThat(f.leverageFactor(0))
        .isCloseTo(
            Math.exp(-0.33 * Math.tanh(20 * x2 / 0.33)) / mean(20, 0.33, v(2 * minuteDays, 10)),
            within(1e-9));
    // A rise lowers it.
    f.observePrice(0, START + 3 * Time.NANOS_PER_MINUTE, 1.02 * REF, 60);
    assertThat(f.leverageFactor(0)).isLessThan(1);
  }

  @Test
  void theLogVarianceSaturatesAndTheMeanFactorIsItsGaussianMean() {
    LeverageEffect e = LeverageEffect.INDEX;
    // small moves: slope A (a 0.1% fall adds about 3.4% to the variance)
    assertThat(e.logVariance(-0.001)).isCloseTo(0.0336, within(2e-4));
    // large ones: at most c either way
    assertThat(e.logVariance(-0.5)).isCloseTo(0.33, within(1e-9));
    assertThat(e.logVariance(0.5)).isCloseTo(-0.33, within(1e-9));
    for (double v : new double[] {1e-6, 1e-4, 1e-3, 1e-2}) {
      assertThat(e.meanFactor(v)).as("v %s", v).isCloseTo(mean(33.6, 0.33, v), within(1e-9));
    }
    assertThat(e.meanFactor(0)).isEqualTo(1);
    assertThat(LeverageEffect.NONE.meanFactor(1e-3)).isEqualTo(1);
  }

  @Test
  void factorScalesTheWalksVarianceAndTheTradingActivity() {
    NewsFlow n =
        new NewsFlow(
            SessionKind.CRYPTO_24_7, new SplittableRandom(3), new SplittableRandom(4), 1e-4);
    n.update(null, START);
    double sigma = n.diffusionSigma();
    double trading = n.tradingActivity();
    n.setLeverage(4);
    assertThat(n.diffusionSigma()).isCloseTo(2 * sigma, within(1e-15));
    assertThat(n.tradingActivity()).isCloseTo(4 * trading, within(1e-12));
    n.update(null, START + Time.NANOS_PER_MINUTE); // the factor stays through updates
    n.setLeverage(1);
    double back = n.diffusionSigma();
    n.setLeverage(4);
    assertThat(n.diffusionSigma()).isCloseTo(2 * back, within(1e-15));
  }

  @Test
  void theWalkDoesNotDependOnWhenValuesAreAsked() {
    LeverageEffect e = LeverageEffect.INDEX;
    Fundamentals often = walk(7, e);
    Fundamentals seldom = walk(7, e);
    double a = 0;
    double b = 0;
    for (int m = 1; m <= 600; m++) {
      long t = START + m * Time.NANOS_PER_MINUTE;
      for (int s = 1; s <= 60; s += 7) {
        often.value(0, t - Time.NANOS_PER_MINUTE + s * Time.NANOS_PER_SECOND);
      }
      a = often.value(0, t);
      often.observePrice(0, t, a * 0.999, 60);
      // the other walk is asked only at the readings
      seldom.observePrice(0, t, seldom.value(0, t) * 0.999, 60);
      b = seldom.value(0, t);
    }
    assertThat(b).isEqualTo(a);
    assertThat(often.leverageFactor(0)).isEqualTo(seldom.leverageFactor(0));
  }

  @Test
  void twoRunsWhoseActivityDiffersKeepTheirDrawsPaired() {
    // The same seed with and without the effect, the effect's factor swinging about e^2 either
    // way: a jump's arrival is one uniform a step and its size a draw of a stream of its own, so
    // the news flow's other draws stay paired and the two activities differ by the factor alone.
    Fundamentals with = walk(9, new LeverageEffect(100, 5, 2));
    Fundamentals without = walk(9, LeverageEffect.NONE);
    double previous = 1;
    for (int m = 1; m <= 3000; m++) {
      long t = START + m * Time.NANOS_PER_MINUTE;
      double a = with.value(0, t);
      without.value(0, t);
      assertThat(with.tradingActivity(0, t) / without.tradingActivity(0, t))
          .as("minute %d", m)
          .isCloseTo(previous, within(1e-9 * previous));
      with.observePrice(0, t, a * (m % 200 < 100 ? 0.97 : 1.03), 60);
      previous = with.leverageFactor(0);
    }
    assertThat(previous).isNotEqualTo(1);
  }

  @Test
  void noEffectLeavesThePathAsItWas() {
    Fundamentals none = walk(5, LeverageEffect.NONE);
    List<Instrument> ins = List.of(NewsFlowTest.crypto(0, "X", REF));
    Fundamentals plain = new Fundamentals(ins, new double[] {VOL}, new RandomStreams(5), START);
    assertThat(none.readsPrice(0)).isFalse();
    long t = START + 3 * Time.NANOS_PER_HOUR;
    assertThat(none.value(0, t)).isEqualTo(plain.value(0, t));
  }

  @Test
  void defaultsByClassAndBounds() {
    assertThat(LeverageEffect.defaultFor(AssetClass.ETF)).isEqualTo(LeverageEffect.INDEX);
    assertThat(LeverageEffect.defaultFor(AssetClass.INDEX)).isEqualTo(LeverageEffect.INDEX);
    assertThat(LeverageEffect.defaultFor(AssetClass.EQUITY)).isEqualTo(LeverageEffect.STOCK);
    assertThat(LeverageEffect.defaultFor(AssetClass.CRYPTO)).isEqualTo(LeverageEffect.NONE);
    assertThat(LeverageEffect.defaultFor(AssetClass.TREASURY)).isEqualTo(LeverageEffect.NONE);
    assertThatThrownBy(() -> new LeverageEffect(-1, 10, 0.33)).hasMessageContaining("amplitude");
    assertThatThrownBy(() -> new LeverageEffect(1, 0, 0.33)).hasMessageContaining("days");
    assertThatThrownBy(() -> new LeverageEffect(1, 10, 0)).hasMessageContaining("saturation");
  }
}
