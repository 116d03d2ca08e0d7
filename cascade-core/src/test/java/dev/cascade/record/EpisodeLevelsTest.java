package dev.cascade.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Time;
import dev.cascade.scenario.EpisodeSpec;
import dev.cascade.scenario.ScenarioLoader;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EpisodeLevelsTest {
  private static List<EpisodeSummary.LevelLine> levelsWithRoundStep(double step) {
    ScenarioSpec calm =
        ScenarioLoader.load(Path.of("../scenarios/calm-day.yaml"), StandardFamilies.registry())
            .spec()
            .orElseThrow();
    ScenarioSpec s =
        new ScenarioSpec(
            calm.name(),
            calm.description(),
            calm.seed(),
            calm.start(),
            calm.start().plusMinutes(20),
            calm.instruments(),
            calm.agents(),
            calm.rules(),
            calm.shocks(),
            new EpisodeSpec(
                "test",
                Map.of(),
                null,
                Map.of(),
                Map.of("SPY", new EpisodeSpec.Levels(null, null, null, null, step)),
                null));
    Simulation sim = Simulations.resolve(s, 7, Set.of(), StandardFamilies.registry());
    MarketRecorder rec = MarketRecorder.of(sim, 60);
    sim.addListener(rec);
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    rec.finish();
    return EpisodeSummary.levels(sim, rec);
  }

  @Test
  void roundNumbersAreAtMost64LevelsInsideTheDaysRange() {
    List<EpisodeSummary.LevelLine> lines = levelsWithRoundStep(0.01);
    assertThat(lines).hasSize(64);
    assertThat(lines).allSatisfy(l -> assertThat(l.name()).startsWith("round "));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRoundStepTooFineToMoveThePriceEndsInsteadOfLoopingForever() {
    // 1e-18 is within the loader's (0, 1e9]; p + 1e-18 == p at 660, which once never ended.
    assertThat(levelsWithRoundStep(1e-18)).hasSizeLessThanOrEqualTo(64);
  }
}
