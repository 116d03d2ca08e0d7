package dev.cascade.bench;

import dev.cascade.market.LadderOrderBook;
import java.util.concurrent.TimeUnit;
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
 * Throughput of {@link LadderOrderBook} on a realistic command mix, one command per invocation.
 *
 * <p>The stream is {@link CommandStream}, generated in setup: {@value CommandStream#STREAM_LENGTH}
 * commands (seed {@value CommandStream#SEED}), 60% limit orders near a randomly walking mid, 30%
 * cancels of live orders, 10% immediate-or-cancel orders through the mid, 50 accounts (so
 * self-trade prevention happens), the book held near {@code restingOrders} orders and drained at
 * the end, so that it is replayed in a loop, ids shifted by the stream's id span on each pass.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderBookBenchmark {
  /** Steady-state number of resting orders. */
  @Param({"3000"})
  public int restingOrders;

  /**
   * Where the mid starts, in ticks. The default sits well inside one page of the book's ladder
   * (pages are 4,096 ticks); 49152, a page boundary, keeps the book across two pages, so the best
   * level moves between pages and pages go back to the pool and return.
   */
  @Param({"50000"})
  public long startMidTicks;

  private CascadeReplay replay;

  @Setup(Level.Trial)
  public void generate() {
    replay = new CascadeReplay(CommandStream.generate(restingOrders, startMidTicks));
  }

  /** Applies the next command of the stream; returns lots filled, or 1 for a cancel that hit. */
  @Benchmark
  public long command() {
    return replay.next();
  }
}
