package dev.cascade.kernel;

/** Something the event queue can wake: an agent, a clearing house, the exchange's session timer. */
@FunctionalInterface
public interface Wakeable {
  /**
   * Called when an event scheduled for this target comes due.
   *
   * @param timeNanos simulated time of the event, nanoseconds since the Unix epoch (UTC)
   * @param tag the integer the scheduler was given, so one target can tell its wake-ups apart
   */
  void wake(long timeNanos, int tag);
}
