package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FillWakeLoopTest {
  /**
   * Market makers skewed 10% at their inventory limit (skewBps 1000, within its range) quote
   * through each other as soon as they hold a few lots, and each fill wakes the other to requote:
   * they passed inventory round without time passing, and this run never ended.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void makersThatTradeWithEachOtherOnEveryFillStillLetTimePass() {
    String text =
        """
        name: skewed-makers
        start: 2025-11-18T09:30:00-05:00
        end: 2025-11-18T09:40:00-05:00
        instruments:
          - {symbol: UST10, class: treasury, price: 100.000, tick: 0.005}
        agents:
          - {family: market-maker, name: mm, count: 3, cash: 50000000, params: {skewBps: 1000}}
          - {family: noise, count: 20, cash: 2000000, holdings: {UST10: 5000}}
        """;
    LoadResult r = ScenarioLoader.parse(text, "skewed.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    Simulation sim =
        Simulations.resolve(r.spec().orElseThrow(), 1, Set.of(), StandardFamilies.registry());
    sim.run(60_000_000_000L, (t, e) -> {});
    assertThat(sim.finished()).isTrue();
    assertThat(sim.ledger().conservation().holds()).isTrue();
  }
}
