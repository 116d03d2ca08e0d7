package dev.cascade.bench;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Time;
import dev.cascade.scenario.LoadResult;
import dev.cascade.scenario.ScenarioLoader;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * End-to-end simulation speed: one invocation runs a whole scenario (default: calm-day, a 6.5-hour
 * session of three instruments and 78 agents) from resolution to the last event, single-threaded.
 * The {@code events} and {@code wakeups} auxiliary counters report events per second (wake-ups plus
 * order messages) and wake-ups per second. Run from the repository root so the scenario path
 * resolves.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EndToEndBenchmark {
  @Param("scenarios/calm-day.yaml")
  public String scenario;

  private ScenarioSpec spec;
  private long seed;

  /** Events counted by the benchmark, reported per second by JMH. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long events;
    public long wakeups;
  }

  @Setup(Level.Trial)
  public void load() {
    LoadResult r = ScenarioLoader.load(Path.of(scenario), StandardFamilies.registry());
    if (!r.ok()) {
      throw new IllegalStateException("cannot load " + scenario + ": " + r.errors());
    }
    spec = r.spec().orElseThrow();
  }

  @Benchmark
  public long run(Counters c) {
    Simulation sim = Simulations.resolve(spec, seed++, Set.of(), StandardFamilies.registry());
    long events = sim.run(Time.NANOS_PER_HOUR, (t, e) -> {});
    c.events += events;
    c.wakeups += sim.clock().eventsRun();
    return sim.exchange().lastPrice(0);
  }
}
