package dev.cascade.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Time;
import dev.cascade.ledger.Ledger;
import dev.cascade.scenario.ScenarioLoader;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Group positions on the crypto liquidation demo (a perpetual, a venue and a prime broker): read on
 * the sampling clock, they leave the tape as it is, add up to the groups' equity, and show the
 * maintenance margin of the groups the desks cover.
 */
class GroupPositionsTest {
  private static final ScenarioSpec DEMO =
      ScenarioLoader.load(
              Path.of("../scenarios/crypto-liquidation-demo.yaml"), StandardFamilies.registry())
          .spec()
          .orElseThrow();

  @Test
  void readingPositionsOnTheSamplingClockLeavesTheTapeAsItIs() {
    List<String> checks = new ArrayList<>();
    String sampled = tape(true, checks);
    assertThat(checks).isNotEmpty().allMatch(String::isEmpty);
    assertThat(sampled).isEqualTo(tape(false, new ArrayList<>()));
  }

  /** The tape hash of 30 minutes of the demo, its positions read every five minutes or not. */
  private static String tape(boolean read, List<String> problems) {
    Simulation sim = Simulations.resolve(DEMO, 11, Set.of(), StandardFamilies.registry());
    TapeHash hash = new TapeHash();
    sim.addListener(hash);
    MarketRecorder rec = new MarketRecorder(sim.exchange(), sim.clock(), 60);
    GroupPositions pos = new GroupPositions(sim);
    if (read) {
      rec.streamTo(
          new MarketRecorder.Sink() {
            @Override
            public void sampled(long timeNanos) {
              if (timeNanos % (5 * Time.NANOS_PER_MINUTE) == 0) {
                pos.sample(timeNanos);
                problems.add(check(sim, pos));
              }
            }
          });
    }
    sim.addListener(rec);
    rec.start();
    sim.runUntil(sim.startNanos() + 30 * Time.NANOS_PER_MINUTE);
    return hash.hex();
  }

  /** What is wrong with a sample, or "" if nothing. */
  private static String check(Simulation sim, GroupPositions pos) {
    Ledger ledger = sim.ledger();
    AccountGroups groups = pos.groups();
    long total = ledger.equity(Ledger.EXTERNAL);
    StringBuilder wrong = new StringBuilder();
    for (int g = 0; g < groups.size(); g++) {
      long sum = pos.cash(g);
      for (int i = 0; i < sim.instruments().size(); i++) {
        sum += pos.value(g, i);
        if (pos.units(g, i) != 0 && !pos.everHeld(g, i)) {
          wrong.append(groups.name(g)).append(" holds but never held; ");
        }
      }
      if (sum != pos.equity(g)) {
        wrong.append(groups.name(g)).append(": cash + values != equity; ");
      }
      total += pos.equity(g);
      String family = groups.family(g);
      if (family.equals("perp-trader") && !(pos.marginCovered(g) && pos.marginUsed(g) > 0)) {
        wrong.append(groups.name(g)).append(": perpetual traders' margin not shown; ");
      }
      if (family.equals("market-maker") && pos.marginCovered(g)) {
        wrong.append(groups.name(g)).append(": market makers have no margin desk; ");
      }
    }
    if (total != 0) {
      wrong.append("equity not conserved: ").append(total);
    }
    return wrong.toString();
  }
}
