package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.agents.Distribution;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.AssetClass;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Leveraged and inverse ETFs in a small run through a close (docs/model.md §12). */
class LeveragedEtfRunTest {
  private static final OffsetDateTime START = OffsetDateTime.parse("2025-11-18T15:00:00-05:00");
  private static final double AUM = 2e7;

  private static ScenarioSpec spec(double shockPct) {
    List<String> spy = List.of("SPY");
    List<AgentGroupSpec> agents =
        List.of(
            new AgentGroupSpec(
                "market-maker",
                "mm",
                3,
                spy,
                new BigDecimal("50000000"),
                Map.of(),
                Map.of("size", Distribution.uniform(50, 150), "levels", Distribution.fixed(4))),
            new AgentGroupSpec(
                "noise",
                "noise",
                20,
                spy,
                new BigDecimal("2000000"),
                Map.of("SPY", 2000L),
                Map.of("rate", Distribution.fixed(0.4), "size", Distribution.fixed(20))),
            new AgentGroupSpec(
                "fundamental",
                "value",
                6,
                spy,
                new BigDecimal("10000000"),
                Map.of("SPY", 5000L),
                Map.of("size", Distribution.fixed(50))),
            letf("bull", 3),
            letf("bear", -3));
    return new ScenarioSpec(
        "letf-fixture",
        "",
        1,
        START,
        START.plusMinutes(62),
        List.of(
            new InstrumentSpec(
                "SPY",
                AssetClass.ETF,
                new BigDecimal("0.01"),
                BigDecimal.ONE,
                BigDecimal.ONE,
                "USD",
                SessionKind.US_EQUITY,
                new BigDecimal("571.42"),
                15,
                0)),
        agents,
        MarketRulesSpec.defaults(),
        List.of(
            new ShockSpec(
                ShockType.FUNDAMENTAL,
                START.plusMinutes(5),
                "re-rating",
                "SPY",
                Map.of("pct", shockPct))));
  }

  private static AgentGroupSpec letf(String name, double leverage) {
    return new AgentGroupSpec(
        "leveraged-etf",
        name,
        1,
        List.of("SPY"),
        new BigDecimal("20000000"),
        Map.of(),
        Map.of("aumDollars", Distribution.fixed(AUM), "leverage", Distribution.fixed(leverage)));
  }

  private static Simulation run(ScenarioSpec spec, Set<String> without) {
    Simulation sim = Simulations.resolve(spec, 3, without, StandardFamilies.registry());
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    return sim;
  }

  /** The fund's account position, lots, and the day return its rebalance cause reports. */
  private static double[] positionAndReturn(Simulation sim, String group) {
    var world = sim.world();
    long position = 0;
    for (int k = 0; k < world.agentCount(); k++) {
      if (world.agentId(k).startsWith(group)) {
        position = sim.ledger().position(world.agentAccount(k), 0);
      }
    }
    CauseLog causes = world.causes();
    double r = Double.NaN;
    for (int id = 0; id < causes.size(); id++) {
      String label = causes.label(id);
      if (causes.kind(id) == CauseKind.REBALANCE
          && label != null
          && label.startsWith(group)
          && label.contains("reset after")) {
        r = Double.parseDouble(label.substring(label.indexOf("after ") + 6, label.length() - 1));
      }
    }
    return new double[] {position, r / 100};
  }

  @Test
  void bothFundsSellTheirHandComputedNotionalAfterADownDayAndTheLedgerBalances() {
    Simulation sim = run(spec(-2), Set.of());
    assertThat(sim.ledger().conservation().holds()).isTrue();
    double price =
        sim.world().exchange().instruments().get(0).price(sim.world().exchange().lastPrice(0));
    double[] bull = positionAndReturn(sim, "bull");
    double[] bear = positionAndReturn(sim, "bear");
    assertThat(bull[1]).isNegative();
    // both read the day's return at the reset, one after the other: the first's sale may move the
    // last price the second reads by a tick
    assertThat(bear[1]).isCloseTo(bull[1], within(0.0005));
    // L = 3: 3 x 2 x AUM x R; L = -3: -3 x -4 x AUM x R, twice as much; both sales
    double bullLots = 6 * AUM * bull[1] / price;
    double bearLots = 12 * AUM * bear[1] / price;
    assertThat(bull[0]).isNegative().isCloseTo(bullLots, within(0.1 * Math.abs(bullLots)));
    assertThat(bear[0]).isNegative().isCloseTo(bearLots, within(0.1 * Math.abs(bearLots)));
  }

  @Test
  void withoutTheMechanismNoFundTrades() {
    Simulation sim = run(spec(-2), Set.of("leveraged-etfs"));
    assertThat(sim.world().agentIds())
        .noneMatch(id -> id.startsWith("bull") || id.startsWith("bear"));
  }
}
