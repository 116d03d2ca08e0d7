package dev.cascade.agents;

import dev.cascade.kernel.Priority;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.Time;
import dev.cascade.kernel.Wakeable;
import dev.cascade.market.Exchange;

/**
 * Reads, once a minute of the clock, the last traded price of every instrument whose news flow has
 * a leverage effect, and passes it to {@link Fundamentals#observePrice}. Readings come after every
 * agent at that instant ({@link Priority#SAMPLING}), so the factor they set applies from the next
 * step of the walk on, and the walk's path does not depend on when agents ask for values.
 */
public final class LeverageClock implements Wakeable {
  /** Between readings: one minute. */
  public static final long INTERVAL_NANOS = Time.NANOS_PER_MINUTE;

  private final Scheduler clock;
  private final Exchange exchange;
  private final Fundamentals fundamentals;
  private final int[] instruments;

  /**
   * @param instruments the instruments to read (those for which {@link Fundamentals#readsPrice})
   */
  public LeverageClock(
      Scheduler clock, Exchange exchange, Fundamentals fundamentals, int[] instruments) {
    this.clock = clock;
    this.exchange = exchange;
    this.fundamentals = fundamentals;
    this.instruments = instruments.clone();
  }

  /** Schedules the first reading one interval from now; does nothing with no instrument to read. */
  public void start() {
    if (instruments.length > 0) {
      clock.after(INTERVAL_NANOS, Priority.SAMPLING, this, 0);
    }
  }

  @Override
  public void wake(long timeNanos, int tag) {
    double seconds = (double) INTERVAL_NANOS / Time.NANOS_PER_SECOND;
    for (int k : instruments) {
      fundamentals.observePrice(k, timeNanos, exchange.lastPrice(k), seconds);
    }
    clock.after(INTERVAL_NANOS, Priority.SAMPLING, this, 0);
  }
}
