package dev.cascade.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Time;
import dev.cascade.scenario.EpisodeSpec;
import dev.cascade.scenario.LoadResult;
import dev.cascade.scenario.ScenarioLoader;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EpisodeReferenceTest {
  @Test
  void changesAreMeasuredFromTheLastPriceAtTheEpisodesFromTime() {
    LoadResult r =
        ScenarioLoader.load(Path.of("../scenarios/calm-day.yaml"), StandardFamilies.registry());
    ScenarioSpec calm = r.spec().orElseThrow();
    OffsetDateTime from = calm.start().plusHours(2);
    ScenarioSpec s =
        new ScenarioSpec(
            calm.name(),
            calm.description(),
            calm.seed(),
            calm.start(),
            calm.start().plusHours(4),
            calm.instruments(),
            calm.agents(),
            calm.rules(),
            calm.shocks(),
            new EpisodeSpec("test", Map.of(), null, Map.of(), Map.of(), from));
    Simulation sim = Simulations.resolve(s, 3, Set.of(), StandardFamilies.registry());
    MarketRecorder rec = MarketRecorder.of(sim, 60);
    sim.addListener(rec);
    sim.runUntil(Time.ofInstant(from.toInstant()));
    long[] atFrom = new long[sim.instruments().size()];
    for (int i = 0; i < atFrom.length; i++) {
      atFrom[i] = sim.exchange().lastPrice(i);
    }
    sim.runUntil(sim.endNanos());
    for (int i = 0; i < atFrom.length; i++) {
      assertThat(rec.reference(i)).isEqualTo(atFrom[i]);
      assertThat(rec.reference(i))
          .as("the warm-up moved the price")
          .isNotEqualTo(sim.instruments().get(i).referencePriceTicks());
      assertThat(rec.changePct(i))
          .isCloseTo(100.0 * ((double) rec.close(i) / atFrom[i] - 1), within(1e-12));
    }
  }
}
