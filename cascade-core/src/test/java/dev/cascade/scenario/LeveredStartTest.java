package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.agents.World;
import dev.cascade.market.Instrument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Long/short funds that start levered: their book opened before the run, against the world. */
class LeveredStartTest {
  static ScenarioSpec demo(boolean invested) throws IOException {
    String text = Files.readString(Path.of("../scenarios/leverage-demo.yaml"));
    text = text.replace("gross: {dist: uniform, min: 5.0, max: 8.0}", "gross: 3.0");
    if (invested) {
      text = text.replace("      size: 100\n", "      size: 100\n      startInvested: 1\n");
    }
    LoadResult r = ScenarioLoader.parse(text, "leverage-demo.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    return r.spec().orElseThrow();
  }

  static List<Integer> funds(Simulation sim) {
    World w = sim.world();
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < w.agentCount(); k++) {
      if (w.agentId(k).startsWith("fund-")) {
        out.add(w.agentAccount(k));
      }
    }
    return out;
  }

  @Test
  void aFundThatStartsInvestedHoldsItsTargetsAtTheStartWithItsEquityAndTheLedgerIntact()
      throws IOException {
    ScenarioSpec spec = demo(true);
    Simulation sim = Simulations.resolve(spec, 1, Set.of(), StandardFamilies.registry());
    sim.runUntil(sim.startNanos() + 1);
    List<Integer> funds = funds(sim);
    assertThat(funds).hasSize(6);
    for (int a : funds) {
      // Longs NVDA and MSFT, short SPY: gross 3.0, net 0.7 of equity $400,000.
      double gross = 0;
      double net = 0;
      for (Instrument ins : sim.instruments()) {
        InstrumentSpec is = spec.instrument(ins.symbol());
        double value =
            sim.ledger().position(a, ins.id())
                * is.price().doubleValue()
                * is.lot().doubleValue()
                * is.multiplier().doubleValue();
        gross += Math.abs(value);
        net += value;
      }
      assertThat(sim.ledger().position(a, sim.instruments().get(0).id())).isPositive();
      assertThat(sim.ledger().position(a, sim.instruments().get(2).id())).isNegative();
      assertThat(gross / 400_000).isBetween(2.99, 3.0);
      assertThat(net / 400_000).isBetween(0.69, 0.71);
      // Opened at the start prices: its cash paid the net book (longs less the shorts' proceeds),
      // so its cash is its equity less the net, and its equity is still what it was given.
      assertThat(sim.ledger().cash(a) / 1e6).isCloseTo(400_000 - net, within(0.01));
      assertThat(sim.ledger().equity(a) / 1e6).isCloseTo(400_000, withinPercentage(1));
    }
    assertThat(sim.ledger().conservation().holds()).isTrue();
    sim.runUntil(sim.startNanos() + 30 * 60 * 1_000_000_000L);
    assertThat(sim.ledger().conservation().holds()).isTrue();
  }

  @Test
  void byDefaultAFundStartsInCashAndBuysItsBookThroughTheMarket() throws IOException {
    Simulation sim = Simulations.resolve(demo(false), 1, Set.of(), StandardFamilies.registry());
    sim.runUntil(sim.startNanos() + 1);
    for (int a : funds(sim)) {
      for (Instrument ins : sim.instruments()) {
        assertThat(sim.ledger().position(a, ins.id())).isZero();
      }
    }
  }
}
