package dev.cascade.bench;

import dev.cascade.kernel.EventQueue;
import dev.cascade.kernel.Priority;
import dev.cascade.kernel.Wakeable;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The event queue under the hold model (the classic priority-queue benchmark, and what a run does):
 * the queue holds {@code events} pending events, one per agent; each invocation pops the earliest
 * and schedules its successor a random delay later (exponential, mean one second; priorities drawn
 * from the engine's). The pending count stays at {@code events}: 780 is calm-day's population x10,
 * 78,000 x1000.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventQueueBenchmark {
  private static final Wakeable NOBODY = (t, tag) -> {};
  private static final int[] PRIORITIES = {
    Priority.AGENT, Priority.AGENT, Priority.AGENT, Priority.SAMPLING, Priority.CLEARING
  };
  private static final int DELAYS = 1 << 16;

  @Param({"780", "78000"})
  public int events;

  private EventQueue queue;
  private long[] delays;
  private int[] prios;
  private int next;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(20_261_207L);
    delays = new long[DELAYS];
    prios = new int[DELAYS];
    for (int i = 0; i < DELAYS; i++) {
      delays[i] = 1 + (long) (-Math.log(1 - rng.nextDouble()) * 1e9);
      prios[i] = PRIORITIES[rng.nextInt(PRIORITIES.length)];
    }
    queue = new EventQueue(events);
    for (int i = 0; i < events; i++) {
      queue.schedule(delays[i % DELAYS], prios[i % DELAYS], NOBODY, i);
    }
  }

  /** One pop and one schedule. */
  @Benchmark
  public long holdOne() {
    queue.pop();
    int k = next++ & (DELAYS - 1);
    long t = queue.currentTime() + delays[k];
    queue.schedule(t, prios[k], NOBODY, queue.currentTag());
    return t;
  }
}
