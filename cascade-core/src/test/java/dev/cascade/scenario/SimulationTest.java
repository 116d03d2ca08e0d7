package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Time;
import dev.cascade.record.MarketRecorder;
import dev.cascade.record.TapeHash;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulationTest {

  private static String tapeHash(long seed, Set<String> without) {
    Simulation sim =
        Simulations.resolve(CalmDayFixture.spec(30), seed, without, StandardFamilies.registry());
    TapeHash hash = new TapeHash();
    sim.addListener(hash);
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    assertThat(hash.trades()).isPositive();
    return hash.hex();
  }

  @Test
  void sameScenarioAndSeedGiveTheSameTape() {
    assertThat(tapeHash(7, Set.of())).isEqualTo(tapeHash(7, Set.of()));
  }

  @Test
  void differentSeedsGiveDifferentTapes() {
    assertThat(tapeHash(7, Set.of())).isNotEqualTo(tapeHash(8, Set.of()));
  }

  @Test
  void cashAndUnitsAreConservedAfterEveryEvent() {
    Simulation sim =
        Simulations.resolve(CalmDayFixture.spec(10), 3, Set.of(), StandardFamilies.registry());
    long end = sim.endNanos();
    sim.runUntil(sim.startNanos()); // starts the agents
    long checks = 0;
    while (!sim.finished()) {
      long next = sim.clock().nextEventTime();
      sim.runUntil(next == Long.MAX_VALUE ? end : next);
      assertThat(sim.ledger().conservation().holds())
          .as("conservation at %s", Time.format(sim.clock().now()))
          .isTrue();
      checks++;
    }
    assertThat(checks).isGreaterThan(1000);
  }

  @Test
  void aCalmMarketTradesEveryInstrumentWithTightSpreads() {
    Simulation sim =
        Simulations.resolve(CalmDayFixture.spec(60), 7, Set.of(), StandardFamilies.registry());
    MarketRecorder rec = new MarketRecorder(sim.exchange(), sim.clock(), 1.0);
    sim.addListener(rec);
    rec.start();
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    rec.finish();
    for (int i = 0; i < sim.instruments().size(); i++) {
      assertThat(rec.trades(i)).as("trades of %d", i).isGreaterThan(100);
      assertThat(rec.avgSpreadBps(i)).as("spread of %d", i).isLessThan(20);
      assertThat(rec.maxDrawdown(i)).as("drawdown of %d", i).isLessThan(0.05);
    }
  }
}
