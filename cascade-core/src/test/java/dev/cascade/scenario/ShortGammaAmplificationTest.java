package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Time;
import dev.cascade.record.MarketRecorder;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scenario test: the same shock, the same market and the same random numbers, with the
 * dealers' book on one side (short gamma: spot below the flip) or the other (long gamma), over 20
 * seeds. About 3 s: small market, 30 minutes.
 */
class ShortGammaAmplificationTest {
  private static final int SEEDS = 20;

  private static double maxDrawdown(ScenarioSpec spec, long seed) {
    Simulation sim = Simulations.resolve(spec, seed, Set.of(), StandardFamilies.registry());
    MarketRecorder rec = new MarketRecorder(sim.exchange(), sim.clock(), 60);
    sim.addListener(rec);
    rec.start();
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    rec.finish();
    return rec.maxDrawdown(0);
  }

  @Test
  void shortGammaDealersDeepenTheDrawdownOfTheSameShockThanLongGammaDealers() {
    ScenarioSpec shortGamma =
        DealerFixture.spec(DealerFixture.START, 30, -1, DealerFixture.shortGamma());
    ScenarioSpec longGamma =
        DealerFixture.spec(DealerFixture.START, 30, -1, DealerFixture.longGamma());
    double[] diff = new double[SEEDS];
    int shortDeeper = 0;
    double mean = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      diff[seed] = maxDrawdown(shortGamma, 100 + seed) - maxDrawdown(longGamma, 100 + seed);
      mean += diff[seed] / SEEDS;
      if (diff[seed] > 0) {
        shortDeeper++;
      }
    }
    double var = 0;
    for (double d : diff) {
      var += (d - mean) * (d - mean) / (SEEDS - 1);
    }
    double standardError = Math.sqrt(var / SEEDS);

    // Paired comparison: the mean extra drawdown is positive by more than 3 standard errors, and
    // short gamma is deeper in at least 18 of the 20 pairs.
    assertThat(mean)
        .as("mean paired difference %s, s.e. %s", mean, standardError)
        .isGreaterThan(3 * standardError);
    assertThat(shortDeeper).isGreaterThanOrEqualTo(18);
  }
}
