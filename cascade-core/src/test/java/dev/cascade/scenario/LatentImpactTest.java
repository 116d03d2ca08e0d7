package dev.cascade.scenario;

import static dev.cascade.scenario.FlowScenarioTest.group;
import static dev.cascade.scenario.FlowScenarioTest.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.agents.Distribution;
import dev.cascade.agents.StandardFamilies;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A sell metaorder into a latent order book alone (value constant, no market makers, nothing
 * forgotten): the price ends sqrt(2 Q / L) percent below value, the square-root law of the latent
 * book, so four times the quantity moves it twice as far.
 */
class LatentImpactTest {
  private static final OffsetDateTime START = OffsetDateTime.parse("2025-11-21T10:00:00-05:00");

  /** Five agents of depth 20,000 lots per percent^2: L = 100,000 in total. */
  private static final double TOTAL_DEPTH = 100_000;

  private static double percentBelowValue(long lots) {
    return percentBelowValue(lots, 1);
  }

  /** The same with the liquidity providers scaled by {@code x} ({@code --scale-liquidity}). */
  private static double percentBelowValue(long lots, double x) {
    List<AgentGroupSpec> agents =
        List.of(
            group(
                "latent-liquidity",
                "latent",
                5,
                List.of("STK"),
                10_000_000,
                Map.of("STK", 50_000L),
                Map.of(
                    "depth", Distribution.fixed(TOTAL_DEPTH / 5),
                    "rate", Distribution.fixed(1),
                    "memoryMinutes", Distribution.fixed(1e6))));
    ScenarioSpec s =
        new ScenarioSpec(
            "latent-impact-test",
            "",
            1,
            START,
            START.plusMinutes(20),
            List.of(stock("STK", "100.00", 0, 0, null)),
            agents,
            MarketRulesSpec.defaults(),
            List.of(
                new ShockSpec(
                    ShockType.METAORDER,
                    START.plusMinutes(1),
                    "sell",
                    "STK",
                    Map.of("side", -1.0, "dollars", lots * 100.0, "minutes", 10.0))));
    s = ParticipantScaling.liquidity(s, x, StandardFamilies.registry());
    Simulation sim = Simulations.resolve(s, 3, Set.of(), StandardFamilies.registry());
    sim.runUntil(sim.endNanos());
    assertThat(sim.ledger().conservation().holds()).isTrue();
    double last = sim.instruments().get(0).price(sim.exchange().lastPrice(0));
    return -100 * Math.log(last / 100);
  }

  @Test
  void impactIsTheSquareRootOfTheQuantity() {
    double small = percentBelowValue(5_000);
    double large = percentBelowValue(20_000);
    // sqrt(2 x 5,000 / 100,000) = 0.316%; sqrt(2 x 20,000 / 100,000) = 0.632%.
    assertThat(small).isCloseTo(Math.sqrt(2 * 5_000 / TOTAL_DEPTH), within(0.04));
    assertThat(large).isCloseTo(Math.sqrt(2 * 20_000 / TOTAL_DEPTH), within(0.06));
    assertThat(large / small).isCloseTo(2, within(0.2));
  }

  @Test
  void aBookScaledFourTimesAsDeepIsMovedHalfAsFar() {
    double asWritten = percentBelowValue(20_000, 1);
    double deeper = percentBelowValue(20_000, 4);
    // --scale-liquidity 4: L = 400,000 lots per percent^2, sqrt(2 x 20,000 / 400,000) = 0.316%
    assertThat(deeper).isCloseTo(Math.sqrt(2 * 20_000 / (4 * TOTAL_DEPTH)), within(0.04));
    assertThat(asWritten / deeper).isCloseTo(2, within(0.2));
  }
}
