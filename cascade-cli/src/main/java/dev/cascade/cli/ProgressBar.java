package dev.cascade.cli;

import dev.cascade.kernel.Time;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on the terminal: simulated time reached, share done and events per
 * wall-clock second. Drawn only when the output is a terminal.
 */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean enabled;
  private final long start;
  private final long end;
  private final long wallStart = System.nanoTime();
  private long lastDraw;

  ProgressBar(PrintWriter err, boolean enabled, long start, long end) {
    this.err = err;
    this.enabled = enabled;
    this.start = start;
    this.end = end;
  }

  void update(long simTime, long events) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < 100 * Time.NANOS_PER_MILLI && simTime < end) {
      return;
    }
    lastDraw = now;
    double done = (double) (simTime - start) / (end - start);
    int filled = (int) Math.round(done * WIDTH);
    double secs = (now - wallStart) / 1e9;
    err.printf(
        Locale.ROOT,
        "\r[%s%s] %3.0f%%  %s  %,.0f events/s ",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        100 * done,
        Time.format(simTime).substring(0, 16).replace('T', ' '),
        secs > 0 ? events / secs : 0);
    err.flush();
  }

  void finish() {
    if (enabled) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      err.flush();
    }
  }
}
