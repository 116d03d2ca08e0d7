package dev.cascade.serve;

/**
 * Pause, resume, step and stop for one run's simulation thread. The thread asks the gate before
 * each slice of simulated time ({@link #awaitGo}); the HTTP threads change it. Nothing here runs
 * per event: the kernel runs each slice untouched.
 */
final class RunGate {
  private boolean paused;
  private boolean stopped;
  private long stepUntil = Long.MIN_VALUE;
  private long changes;

  /** Pauses at the end of the current slice. */
  synchronized void pause() {
    paused = true;
    stepUntil = Long.MIN_VALUE;
    changed();
  }

  synchronized void resume() {
    paused = false;
    changed();
  }

  /** While paused, lets the run go on to simulated time {@code until}, then pause again. */
  synchronized void stepTo(long until) {
    stepUntil = Math.max(stepUntil, until);
    changed();
  }

  synchronized void stop() {
    stopped = true;
    changed();
  }

  synchronized boolean paused() {
    return paused;
  }

  synchronized boolean stopped() {
    return stopped;
  }

  /**
   * Blocks while the run is paused at {@code simNow} (and no step takes it further).
   *
   * @return false when the run is to stop
   */
  synchronized boolean awaitGo(long simNow) throws InterruptedException {
    while (!stopped && paused && simNow >= stepUntil) {
      wait();
    }
    return !stopped;
  }

  /** True while the thread would block at {@code simNow}: paused with no step ahead. */
  synchronized boolean holdsAt(long simNow) {
    return paused && simNow >= stepUntil;
  }

  /**
   * Sleeps up to {@code millis}, waking early when the gate changes (so pacing never delays a pause
   * or a stop).
   *
   * @return true when the gate changed during the sleep
   */
  synchronized boolean sleep(long millis) throws InterruptedException {
    long seen = changes;
    long until = System.currentTimeMillis() + millis;
    long left = millis;
    while (left > 0 && seen == changes) {
      wait(left);
      left = until - System.currentTimeMillis();
    }
    return seen != changes;
  }

  /** A count of changes, so the thread can tell that its pacing origin is stale. */
  synchronized long changes() {
    return changes;
  }

  private void changed() {
    changes++;
    notifyAll();
  }
}
