package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.agents.StandardFamilies;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each shock type scales by its documented rule; X = 1 is the file, X = 0 no shock. */
class ShockScalingTest {
  private static final String FILE =
      """
      name: scaled
      start: 2025-11-18T09:30:00-05:00
      end: 2025-11-18T16:00:00-05:00
      instruments:
        - {symbol: SPY, class: etf, price: 660.00, duration: 6, baselineDailyVolume: 100000}
      agents:
        - {family: market-maker, count: 1, cash: 1000000}
      shocks:
        - {type: fundamental, at: 2025-11-18T10:00:00-05:00, target: SPY, pct: -10, label: re-rating}
        - {type: yield, at: 2025-11-18T10:00:00-05:00, bp: 20, label: cpi}
        - {type: policy, at: 2025-11-18T10:00:00-05:00, probabilityChangePct: -20, cutBp: 25}
        - {type: flow, at: 2025-11-18T10:00:00-05:00, target: SPY, dollars: -1000000, minutes: 30}
        - {type: liquidity, at: 2025-11-18T10:00:00-05:00, spreadMultiplier: 2, depthMultiplier: 0.5, minutes: 60}
        - {type: margin-rate, at: 2025-11-18T10:00:00-05:00, target: SPY, multiplier: 1.5}
        - {type: metaorder, at: 2025-11-18T10:00:00-05:00, target: SPY, side: sell, pctOfDailyVolume: 1, minutes: 30}
      """;

  private static ScenarioSpec spec() {
    LoadResult r = ScenarioLoader.parse(FILE, "scaled.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    return r.spec().orElseThrow();
  }

  @Test
  void everyTypeScalesByItsRule() {
    ScenarioSpec two = ShockScaling.scale(spec(), 2, Map.of());
    Map<String, Double> f = two.shocks().get(0).params();
    assertThat(f.get("pct")).isCloseTo(100 * (0.9 * 0.9 - 1), within(1e-9)); // -19%, not -20%
    assertThat(two.shocks().get(1).params().get("bp")).isEqualTo(40);
    assertThat(two.shocks().get(2).params().get("probabilityChangePct")).isEqualTo(-40);
    assertThat(two.shocks().get(2).params().get("cutBp")).isEqualTo(25);
    assertThat(two.shocks().get(3).params().get("dollars")).isEqualTo(-2_000_000);
    assertThat(two.shocks().get(3).params().get("minutes")).isEqualTo(30);
    assertThat(two.shocks().get(4).params().get("spreadMultiplier")).isEqualTo(4);
    assertThat(two.shocks().get(4).params().get("depthMultiplier")).isEqualTo(0.25);
    assertThat(two.shocks().get(4).params().get("minutes")).isEqualTo(60);
    assertThat(two.shocks().get(5).params().get("multiplier")).isCloseTo(2.25, within(1e-12));
    assertThat(two.shocks().get(6).params().get("pctOfDailyVolume")).isEqualTo(2);
  }

  @Test
  void oneIsTheFileZeroIsNoShockAndALabelOverridesTheRest() {
    ScenarioSpec s = spec();
    assertThat(ShockScaling.scale(s, 1, Map.of()).shocks()).isEqualTo(s.shocks());
    ScenarioSpec zero = ShockScaling.scale(s, 0, Map.of());
    assertThat(zero.shocks()).hasSize(6); // the metaorder of nothing is left out
    assertThat(zero.shocks().get(0).params().get("pct")).isZero();
    assertThat(zero.shocks().get(4).params().get("spreadMultiplier")).isEqualTo(1);
    assertThat(zero.shocks().get(5).params().get("multiplier")).isEqualTo(1);
    ScenarioSpec one = ShockScaling.scale(s, 0, Map.of("re-rating", 3.0));
    assertThat(one.shocks().get(0).params().get("pct")).isCloseTo(100 * (0.729 - 1), within(1e-9));
    assertThat(one.shocks().get(1).params().get("bp")).isZero();
    // Everything but the shocks is the same object.
    assertThat(one.agents()).isSameAs(s.agents());
    assertThat(one.instruments()).isSameAs(s.instruments());
  }
}
