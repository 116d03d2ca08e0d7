package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioLoaderTest.assertError;
import static dev.cascade.scenario.ScenarioLoaderTest.goodWith;
import static dev.cascade.scenario.ScenarioLoaderTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The market's real scale: read from instruments' real volumes, applied to {real: X} sizes. */
class RealScaleTest {
  /** SPY: 5,000,000 lots a day at 660 = $3.3bn simulated, stated as $660bn real: 200x. */
  static final String SCALED =
      goodWith(
          "    baselineDailyVolume: 5000000\n",
          "    baselineDailyVolume: 5000000\n" + "    realDailyVolume: 660e9\n");

  static String scaledWith(String from, String to) {
    assertThat(SCALED).contains(from);
    return SCALED.replace(from, to);
  }

  @Test
  void theScaleIsSummedRealOverSummedSimulatedVolume() {
    RealScale s =
        RealScale.of(
            java.util.List.of(
                new RealScale.Basis("A", 500e9, 160e6), new RealScale.Basis("B", 200e9, 170e6)));
    assertThat(s.factor()).isCloseTo(700e9 / 330e6, within(1e-6));
    assertThat(s.basis().get(0).factor()).isCloseTo(3125, within(1e-9));
    assertThat(s.real(1e6)).isCloseTo(1e6 * 700e9 / 330e6, within(1e-3));
    assertThat(s.simulated(s.real(123.0))).isCloseTo(123.0, within(1e-9));
    assertThat(RealScale.NONE.isSet()).isFalse();
  }

  @Test
  void sizesWrittenAtRealScaleAreDividedByIt() {
    String text =
        scaledWith("    cash: 1000000\n", "    cash: {real: 200e6}\n")
            .replace("holdings: {SPY: 1000}", "holdings: {SPY: {real: 200100}}")
            .replace("size: {dist: lognormal, mu: 4, sigma: 0.5}", "size: {real: 10000}");
    LoadResult r = parse(text);
    assertThat(r.errors()).isEmpty();
    ScenarioSpec spec = r.spec().orElseThrow();
    assertThat(spec.scale().factor()).isCloseTo(200, within(1e-9));
    assertThat(spec.scale().basis()).extracting(RealScale.Basis::symbol).containsExactly("SPY");
    AgentGroupSpec noise = spec.agents().get(0);
    assertThat(noise.cash()).isEqualByComparingTo(new BigDecimal("1000000.00"));
    assertThat(noise.holdings()).containsEntry("SPY", 1001L); // 200,100 / 200 = 1000.5, rounded
    assertThat(noise.params().get("size").a()).isCloseTo(50, within(1e-9));
  }

  @Test
  void aShockSizeInDollarsMayBeWrittenAtRealScale() {
    String text =
        SCALED
            + "  - type: metaorder\n"
            + "    at: 2025-11-18T14:00:00-05:00\n"
            + "    target: SPY\n"
            + "    side: sell\n"
            + "    dollars: {real: 66e9}\n"
            + "    minutes: 30\n";
    ScenarioSpec spec = parse(text).spec().orElseThrow();
    ShockSpec meta = spec.shocks().get(spec.shocks().size() - 1);
    assertThat(meta.param(Metaorders.DOLLARS)).isCloseTo(330e6, within(1e-3));
  }

  @Test
  void aRealSizeWithoutARealVolumeIsALocatedError() {
    String text = goodWith("    cash: 1000000\n", "    cash: {real: 200e6}\n");
    assertError(text, "{real: 200e6}", "agents[0].cash", "realDailyVolume");
  }

  @Test
  void aRealSizeTakesOnlyTheRealKey() {
    String text = scaledWith("    cash: 1000000\n", "    cash: {real: 200e6, of: SPY}\n");
    assertError(text, "of: SPY", "agents[0].cash.of", "unknown key");
  }

  @Test
  void aRealVolumeNeedsTheSimulatedOne() {
    String text = goodWith("    price: 181.36\n", "    price: 181.36\n    realDailyVolume: 30e9\n");
    assertError(text, "30e9", "instruments[1].realDailyVolume", "baselineDailyVolume");
  }

  @Test
  void anInstrumentOffTheMarketsScaleIsWarnedAboutAtItsRealVolume() {
    // NVDA: 1,000,000 lots at 181.36 = $181.36M simulated against $181.36bn real, 1,000x; the
    // market's scale is (660 + 181.36)bn / (3.3bn + 181.36M) = 241.7x: NVDA's book is 4.1x thin.
    String text =
        scaledWith(
            "    price: 181.36\n",
            "    price: 181.36\n    baselineDailyVolume: 1000000\n    realDailyVolume: 181.36e9\n");
    LoadResult r = parse(text);
    assertThat(r.errors()).isEmpty();
    assertThat(r.warnings()).hasSize(1);
    ScenarioError w = r.warnings().get(0);
    assertThat(w.path()).isEqualTo("instruments[1].realDailyVolume");
    assertThat(w.line()).isEqualTo(ScenarioLoaderTest.at(text, "181.36e9")[0]);
    assertThat(w.message()).contains("NVDA's real volume is 1,000 times").contains("4.1x too thin");
  }

  @Test
  void aForcedSellerHoldingMoreThanADayOfVolumeIsWarnedAboutAtItsHolding() {
    String text =
        "name: big-fund\n"
            + "start: 2025-11-18T09:30:00-05:00\n"
            + "end: 2025-11-18T16:00:00-05:00\n"
            + "instruments:\n"
            + "  - {symbol: SPY, class: etf, price: 600, baselineDailyVolume: 1000}\n"
            + "agents:\n"
            + "  - family: vol-target\n"
            + "    count: 2\n"
            + "    holdings: {SPY: 600}\n"
            + "  - family: noise\n"
            + "    count: 2\n"
            + "    holdings: {SPY: 5000}\n";
    LoadResult r =
        ScenarioLoader.parse(text, "big.yaml", dev.cascade.agents.StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    // The vol-target funds hold 1,200 lots, 1.2 days; the noise traders' 10,000 are not forced.
    assertThat(r.warnings()).hasSize(1);
    ScenarioError w = r.warnings().get(0);
    assertThat(w.path()).isEqualTo("agents[0].holdings.SPY");
    assertThat(w.line()).isEqualTo(9);
    assertThat(w.message()).contains("1,200 lots of SPY in all, 1.2 days");
    String smaller = text.replace("{SPY: 600}", "{SPY: 500}");
    assertThat(
            ScenarioLoader.parse(
                    smaller, "big.yaml", dev.cascade.agents.StandardFamilies.registry())
                .warnings())
        .isEmpty();
  }
}
