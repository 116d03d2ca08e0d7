package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.agents.Distribution;
import dev.cascade.agents.StandardFamilies;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Leverage and flows scale by their documented rules; everything else stays as written. */
class ParticipantScalingTest {
  private static final String FILE =
      """
      name: levered
      start: 2025-11-18T09:30:00-05:00
      end: 2025-11-18T16:00:00-05:00
      instruments:
        - {symbol: SPY, class: etf, price: 660.00, baselineDailyVolume: 100000}
        - {symbol: BTC, class: crypto, price: 91000.0, tick: 0.5, lot: 0.001}
        - {symbol: BTC-PERP, class: crypto-perp, price: 91000.0, tick: 0.5, lot: 0.001, index: BTC}
      agents:
        - {family: market-maker, count: 1, cash: 1000000}
        - {family: long-short-fund, name: ls, count: 1, cash: 1000000, params: {gross: 3, net: {dist: uniform, min: -0.5, max: 0.5}}}
        - {family: vol-target, name: vt, count: 1, cash: 1000000}
        - {family: perp-trader, name: perps, count: 2, cash: 10000, instruments: [BTC-PERP]}
      shocks:
        - {type: fundamental, at: 2025-11-18T10:00:00-05:00, target: SPY, pct: -10}
        - {type: flow, at: 2025-11-18T10:00:00-05:00, target: SPY, dollars: -1000000, minutes: 30}
        - {type: metaorder, at: 2025-11-18T10:00:00-05:00, target: SPY, side: sell, pctOfDailyVolume: 1, minutes: 30}
      """;

  private static ScenarioSpec spec() {
    LoadResult r = ScenarioLoader.parse(FILE, "levered.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    return r.spec().orElseThrow();
  }

  @Test
  void leverageParametersAreTimesXAndTheRestIsAsWritten() {
    ScenarioSpec s = spec();
    ScenarioSpec two = ParticipantScaling.leverage(s, 2, StandardFamilies.registry());
    assertThat(two.agents().get(0)).isEqualTo(s.agents().get(0));
    assertThat(two.agents().get(1).params().get("gross")).isEqualTo(Distribution.fixed(6));
    assertThat(two.agents().get(1).params().get("net")).isEqualTo(Distribution.uniform(-1, 1));
    // defaults the file left out are scaled too: vol-target's 10% and 1.5x
    assertThat(two.agents().get(2).params().get("targetVolPct")).isEqualTo(Distribution.fixed(20));
    assertThat(two.agents().get(2).params().get("maxLeverage")).isEqualTo(Distribution.fixed(3));
    Distribution lev = s.agents().get(3).params().get("leverage");
    Distribution lev2 = two.agents().get(3).params().get("leverage");
    assertThat(lev2.kind()).isEqualTo(Distribution.Kind.LOGNORMAL); // the family's default
    assertThat(lev2.a()).isCloseTo(lev.a() + Math.log(2), within(1e-12));
    assertThat(lev2.b()).isEqualTo(lev.b());
    assertThat(two.shocks()).isEqualTo(s.shocks());
    assertThat(ParticipantScaling.leverage(s, 1, StandardFamilies.registry())).isSameAs(s);
  }

  @Test
  void aScaledDistributionDrawsXTimesFromTheSameRandomNumbers() {
    for (Distribution d :
        new Distribution[] {
          Distribution.uniform(1, 3), Distribution.normal(2, 1), Distribution.lognormal(1, 0.6)
        }) {
      double a = d.sample(new SplittableRandom(7));
      double b = ParticipantScaling.times(d, 2.5).sample(new SplittableRandom(7));
      assertThat(b).as(d.toString()).isCloseTo(2.5 * a, within(1e-9 * a));
    }
    // at 0 a lognormal draws next to nothing, which the parameter's clamp lifts to its minimum
    assertThat(
            ParticipantScaling.times(Distribution.lognormal(3, 0.6), 0)
                .sample(new SplittableRandom(1)))
        .isLessThan(1e-290);
  }

  @Test
  void flowsScaleFlowAndMetaorderShocksOnly() {
    ScenarioSpec s = spec();
    ScenarioSpec two = ParticipantScaling.flows(s, 2);
    assertThat(two.shocks().get(0)).isEqualTo(s.shocks().get(0));
    assertThat(two.shocks().get(1).params().get("dollars")).isEqualTo(-2_000_000);
    assertThat(two.shocks().get(2).params().get("pctOfDailyVolume")).isEqualTo(2);
    assertThat(two.agents()).isEqualTo(s.agents());
    assertThat(ParticipantScaling.flows(s, 0).shocks()).hasSize(2);
  }

  private static final String LIQUID =
      """
      name: liquid
      start: 2025-11-18T09:30:00-05:00
      end: 2025-11-18T16:00:00-05:00
      instruments:
        - {symbol: SPY, class: etf, price: 660.00, baselineDailyVolume: 100000}
      agents:
        - {family: market-maker, count: 2, cash: 1000000.05, params: {size: {dist: uniform, min: 50, max: 150}}}
        - {family: latent-liquidity, name: latent, count: 3, cash: 500000, holdings: {SPY: 1001}, params: {depth: 20000}}
        - {family: fundamental, name: value, count: 4, cash: 200000, holdings: {SPY: 300}, params: {elasticity: 50}}
        - {family: noise, count: 5, cash: 100000, holdings: {SPY: 100}}
      """;

  @Test
  void liquidityScalesTheProvidersSizesCashAndHoldingsAndNothingElse() {
    ScenarioSpec s =
        ScenarioLoader.parse(LIQUID, "liquid.yaml", StandardFamilies.registry())
            .spec()
            .orElseThrow();
    ScenarioSpec half = ParticipantScaling.liquidity(s, 0.5, StandardFamilies.registry());
    AgentGroupSpec mm = half.agents().get(0);
    assertThat(mm.params().get("size")).isEqualTo(Distribution.uniform(25, 75));
    assertThat(mm.params().get("inventoryLimit"))
        .isEqualTo(Distribution.fixed(2500)); // default 5000
    assertThat(mm.cash()).isEqualByComparingTo("500000.02"); // to the cent, half-even
    AgentGroupSpec latent = half.agents().get(1);
    assertThat(latent.params().get("depth")).isEqualTo(Distribution.fixed(10000));
    assertThat(latent.holdings()).containsEntry("SPY", 501L); // 500.5 to whole lots
    assertThat(latent.cash()).isEqualByComparingTo("250000");
    AgentGroupSpec value = half.agents().get(2);
    assertThat(value.holdings()).containsEntry("SPY", 150L);
    assertThat(value.params().get("size")).isEqualTo(Distribution.fixed(250)); // default 500
    assertThat(value.params().get("maxPosition")).isEqualTo(Distribution.fixed(10000));
    // the elasticity is a ratio: the slope scales through the holdings
    assertThat(value.params().get("elasticity")).isEqualTo(Distribution.fixed(50));
    assertThat(half.agents().get(3)).isEqualTo(s.agents().get(3)); // noise traders are flow
    assertThat(half.instruments()).isEqualTo(s.instruments());
    assertThat(ParticipantScaling.liquidity(s, 1, StandardFamilies.registry())).isSameAs(s);
    ScenarioSpec four = ParticipantScaling.liquidity(s, 4, StandardFamilies.registry());
    assertThat(Endowments.micro(four)).isGreaterThan(Endowments.micro(s));
  }
}
