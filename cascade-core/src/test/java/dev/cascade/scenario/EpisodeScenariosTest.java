package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Time;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The episode scenarios (from the source commentaries) load without errors and, cut to their first
 * two hours (shocks in that window kept), run with cash and units conserved after every step.
 */
@Tag("slow")
class EpisodeScenariosTest {
  private static ScenarioSpec load(String file) {
    LoadResult r = ScenarioLoader.load(Path.of("../scenarios", file), StandardFamilies.registry());
    assertThat(r.errors()).as("errors in %s", file).isEmpty();
    return r.spec().orElseThrow();
  }

  private static ScenarioSpec firstHours(ScenarioSpec s, int hours) {
    var end = s.start().plusHours(hours);
    List<ShockSpec> shocks = s.shocks().stream().filter(k -> !k.at().isAfter(end)).toList();
    return new ScenarioSpec(
        s.name(),
        s.description(),
        s.seed(),
        s.start(),
        end,
        s.instruments(),
        s.agents(),
        s.rules(),
        shocks,
        s.episode(),
        s.factors(),
        s.scale());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ai-margin-call-2025.yaml", "cross-asset-deleveraging-2026.yaml"})
  void anEpisodeRunsItsFirstHoursConservingCashAndUnits(String file) {
    ScenarioSpec spec = firstHours(load(file), 4);
    assertThat(spec.shocks()).as("a shock falls in the first four hours").isNotEmpty();
    Simulation sim = Simulations.resolve(spec, 1, Set.of(), StandardFamilies.registry());
    long step = 5 * Time.NANOS_PER_MINUTE;
    long t = sim.startNanos();
    while (!sim.finished()) {
      t = Math.min(t + step, sim.endNanos());
      sim.runUntil(t);
      assertThat(sim.ledger().conservation().holds())
          .as("conservation at %s", Time.format(sim.clock().now()))
          .isTrue();
      if (t >= sim.endNanos()) {
        break;
      }
    }
    assertThat(sim.events()).isGreaterThan(10_000);
  }

  @Test
  void everyEpisodeFileLoads() {
    assertThat(load("ai-margin-call-2025.yaml").episode().index()).isEqualTo("SPY");
    assertThat(load("cross-asset-deleveraging-2026.yaml").shocks()).hasSize(5);
    // the AI factor (news spillover and calm walks) and the market factor (calm walks)
    assertThat(load("ai-margin-call-2025.yaml").factors())
        .extracting(FactorSpec::name, FactorSpec::walk)
        .containsExactly(tuple("ai", true), tuple("market", true));
    assertThat(load("cross-asset-deleveraging-2026.yaml").factors())
        .extracting(FactorSpec::walk)
        .containsExactly(false);
  }
}
