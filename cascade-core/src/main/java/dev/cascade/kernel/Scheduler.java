package dev.cascade.kernel;

import java.util.random.RandomGenerator;

/**
 * The simulated clock: owns the event queue and the current time, and advances only by running
 * events. One scheduler per simulation, used by one thread; only {@link #interrupt} may be called
 * from another.
 */
public final class Scheduler {
  /** Events between two looks at {@link #interrupted}, minus one (a power of two). */
  private static final long INTERRUPT_MASK = (1 << 16) - 1;

  private volatile boolean interrupted;

  private final EventQueue queue;
  private long now;
  private long eventsRun;

  public Scheduler(long startNanos) {
    this.queue = new EventQueue(1024);
    this.now = startNanos;
  }

  /** Current simulated time, nanoseconds since the epoch. */
  public long now() {
    return now;
  }

  /** Schedules a one-off wake-up at an absolute time (never earlier than now). */
  public void at(long timeNanos, int priority, Wakeable target, int tag) {
    queue.schedule(Math.max(timeNanos, now), priority, target, tag);
  }

  /** Schedules a one-off wake-up after a delay in nanoseconds. */
  public void after(long delayNanos, int priority, Wakeable target, int tag) {
    at(now + Math.max(0, delayNanos), priority, target, tag);
  }

  /**
   * Schedules a wake-up after an exponentially distributed delay: the next arrival of a Poisson
   * process with the given rate.
   *
   * @param ratePerSecond arrivals per simulated second, must be positive
   */
  public void poisson(
      double ratePerSecond, RandomGenerator rng, int priority, Wakeable target, int tag) {
    after(exponentialDelay(ratePerSecond, rng), priority, target, tag);
  }

  /**
   * An exponential waiting time in nanoseconds for a Poisson process of the given rate (>= 1 ns).
   */
  public static long exponentialDelay(double ratePerSecond, RandomGenerator rng) {
    double u = rng.nextDouble();
    double seconds = -StrictMath.log1p(-u) / ratePerSecond;
    return Math.max(1L, (long) (seconds * Time.NANOS_PER_SECOND));
  }

  /**
   * Runs events in order until the next one lies beyond {@code endNanos} or the queue is empty. The
   * clock ends at {@code endNanos}.
   *
   * @return events run by this call
   */
  public long runUntil(long endNanos) {
    long n = 0;
    while (queue.peekTime() <= endNanos) {
      queue.pop();
      now = queue.currentTime();
      queue.currentTarget().wake(now, queue.currentTag());
      n++;
      if ((n & INTERRUPT_MASK) == 0 && interrupted) {
        // another thread asked the run to stop: end here, mid-slice, the clock where it is
        eventsRun += n;
        return n;
      }
    }
    now = Math.max(now, endNanos);
    eventsRun += n;
    return n;
  }

  /**
   * Asks a run on another thread to stop: {@link #runUntil} returns within 65,536 events, its clock
   * left at the last event run. A stopped run's tape is not a finished one; only the dashboard's
   * stop uses this.
   */
  public void interrupt() {
    interrupted = true;
  }

  /** True once {@link #interrupt} was called. */
  public boolean interrupted() {
    return interrupted;
  }

  /** Time of the next pending event, or {@link Long#MAX_VALUE}. */
  public long nextEventTime() {
    return queue.peekTime();
  }

  public long eventsRun() {
    return eventsRun;
  }

  public int pending() {
    return queue.size();
  }
}
