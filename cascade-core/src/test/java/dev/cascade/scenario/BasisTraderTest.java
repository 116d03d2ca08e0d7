package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** crypto-liquidation-demo.yaml with two cash-and-carry desks added. */
class BasisTraderTest {
  private static final long HELD = 20_000;

  private static Simulation run() {
    LoadResult r =
        ScenarioLoader.load(
            Path.of("../scenarios/crypto-liquidation-demo.yaml"), StandardFamilies.registry());
    ScenarioSpec demo = r.spec().orElseThrow();
    List<AgentGroupSpec> agents = new ArrayList<>(demo.agents());
    agents.add(
        new AgentGroupSpec(
            "basis-trader",
            "basis",
            2,
            List.of("BTC-PERP", "BTC"),
            BigDecimal.valueOf(5_000_000),
            Map.of("BTC", HELD),
            Map.of()));
    ScenarioSpec s =
        new ScenarioSpec(
            demo.name(),
            demo.description(),
            demo.seed(),
            demo.start(),
            demo.start().plusHours(3),
            demo.instruments(),
            agents,
            demo.rules(),
            demo.shocks(),
            demo.episode());
    Simulation sim = Simulations.resolve(s, 1, Set.of(), StandardFamilies.registry());
    sim.runUntil(sim.endNanos());
    return sim;
  }

  @Test
  void desksBuyThePerpetualLiquidationsPushedBelowSpotAndSellSpotAgainstIt() {
    Simulation sim = run();
    assertThat(sim.ledger().conservation().holds()).isTrue();
    int perp = 1;
    int btc = 0;
    for (int k = 0; k < sim.world().agentCount(); k++) {
      if (!sim.world().agentId(k).startsWith("basis-")) {
        continue;
      }
      int account = sim.world().agentAccount(k);
      long perpPos = sim.ledger().position(account, perp);
      long spotPos = sim.ledger().position(account, btc);
      // Started short 20,000 perpetual lots against 20,000 spot lots: bought perpetuals back,
      // sold spot, and stayed hedged lot for lot.
      assertThat(perpPos).as("perpetual bought back").isGreaterThan(-HELD);
      assertThat(spotPos).as("spot sold").isLessThan(HELD);
      assertThat(perpPos + spotPos).as("hedged").isZero();
    }
    CauseLog causes = sim.causes();
    int underLiquidation = 0;
    for (int c = 1; c < causes.size(); c++) {
      if (causes.label(c).contains("basis arbitrage")
          && causes.ancestorOfKind(c, CauseKind.LIQUIDATION) > 0) {
        underLiquidation++;
      }
    }
    assertThat(underLiquidation).as("arbitrage under the liquidations").isPositive();
  }

  @Test
  void aBasisTraderNeedsAPerpetualAndItsIndex() {
    String yaml =
        ScenarioLoaderTest.good()
            .replace(
                "agents:\n", "agents:\n  - {family: basis-trader, instruments: [SPY, NVDA]}\n");
    LoadResult r = ScenarioLoader.parse(yaml, "calm-day.yaml", StandardFamilies.registry());
    assertThat(r.errors())
        .anySatisfy(
            e -> {
              assertThat(e.path()).isEqualTo("agents[0].instruments");
              assertThat(e.line()).isEqualTo(38);
              assertThat(e.message()).contains("a basis trader takes two instruments: a perpetual");
            });
  }
}
