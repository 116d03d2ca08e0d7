package dev.cascade.scenario;

import static dev.cascade.scenario.FlowScenarioTest.group;
import static dev.cascade.scenario.FlowScenarioTest.stock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.Distribution;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A forced seller (an ETF outflow passed into a one-stock basket by an authorised participant) in a
 * market whose value investors have step demand or linear demand. Value is constant (no walk), so
 * where the stock ends relative to it is the flow's lasting impact.
 */
class ElasticDemandTest {
  private static final OffsetDateTime START = OffsetDateTime.parse("2025-11-21T10:00:00-05:00");

  private static Simulation run(double elasticity) {
    Map<String, Distribution> value = new HashMap<>();
    value.put("size", Distribution.fixed(200));
    value.put("rate", Distribution.fixed(0.2));
    value.put("thresholdPct", Distribution.fixed(0.05));
    value.put("noisePct", Distribution.fixed(0.02));
    value.put("maxPosition", Distribution.fixed(1_000_000));
    value.put("elasticity", Distribution.fixed(elasticity));
    List<AgentGroupSpec> agents =
        List.of(
            group("market-maker", "mm", 2, List.of("ETF", "STK"), 20_000_000, Map.of(), Map.of()),
            group(
                "noise",
                "noise",
                10,
                List.of("ETF", "STK"),
                1_000_000,
                Map.of("ETF", 500L, "STK", 500L),
                Map.of("rate", Distribution.fixed(0.2), "size", Distribution.fixed(10))),
            group(
                "fundamental",
                "value",
                5,
                List.of("STK"),
                10_000_000,
                Map.of("STK", 10_000L),
                value),
            group(
                "etf-ap",
                "ap",
                1,
                List.of("ETF"),
                5_000_000,
                Map.of("ETF", 5000L, "STK", 30_000L),
                Map.of()),
            group("etf-holder", "desk", 1, List.of("ETF"), 0, Map.of("ETF", 40_000L), Map.of()));
    ScenarioSpec s =
        new ScenarioSpec(
            "elastic-demand-test",
            "",
            1,
            START,
            START.plusMinutes(60),
            List.of(
                stock("ETF", "100.00", 0, 0, new BasketSpec(Map.of("STK", 1.0), 1000)),
                stock("STK", "100.00", 0, 0, null)),
            agents,
            MarketRulesSpec.defaults(),
            List.of(
                new ShockSpec(
                    ShockType.FLOW,
                    START.plusMinutes(5),
                    "ETF outflow",
                    "ETF",
                    Map.of("dollars", -1_000_000.0, "minutes", 20.0))));
    Simulation sim = Simulations.resolve(s, 7, Set.of(), StandardFamilies.registry());
    sim.runUntil(sim.endNanos());
    assertThat(sim.ledger().conservation().holds()).isTrue();
    return sim;
  }

  private static double stockPrice(Simulation sim) {
    return sim.instruments().get(1).price(sim.exchange().lastPrice(1));
  }

  @Test
  void stepDemandAbsorbsTheFlowAndTheStockReturnsToValue() {
    assertThat(stockPrice(run(0))).isBetween(99.8, 100.2);
  }

  @Test
  void linearDemandLeavesTheFlowsImpactInThePrice() {
    // $1M = 10,000 lots sold into five investors of 10,000 lots each at elasticity 20: 10,000 lots
    // per percent, so about 1% below value beyond the 0.05% band, less what others absorb.
    double p = stockPrice(run(20));
    assertThat(p).isBetween(98.5, 99.7);
  }

  @Test
  void theArbitrageursTradesDescendFromTheSaleThatOpenedTheDiscount() {
    Simulation sim = run(20);
    CauseLog causes = sim.causes();
    int underRedemption = 0;
    int arbitrage = 0;
    for (int c = 1; c < causes.size(); c++) {
      if (causes.kind(c) == CauseKind.HEDGE && causes.label(c).contains("ETF arbitrage")) {
        arbitrage++;
        if (causes.kind(causes.parent(c)) == CauseKind.REDEMPTION) {
          underRedemption++;
        }
      }
    }
    assertThat(arbitrage).isGreaterThan(1);
    assertThat(underRedemption).as("arbitrage under the desk's redemption sales").isPositive();
  }
}
