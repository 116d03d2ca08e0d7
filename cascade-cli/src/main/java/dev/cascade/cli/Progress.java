package dev.cascade.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a command on standard error (standard output stays the result): done/total, rate and
 * time to go.
 *
 * <p>On a terminal it is a bar drawn in place by {@code me.tongfei:progressbar}. Where standard
 * error is not a terminal (a log file, a pipe, CI) or the bar is turned off, a batch command prints
 * plain lines instead, {@code sweep: 12/40 paths, 0.8 paths/s, ETA 35 s}: whenever another tenth of
 * the work is done, at most every {@value #LINE_SECONDS} s otherwise, and once at the end. Rates
 * count only the work done by this process, so a resumed command's ETA is not flattered by the work
 * it found done.
 *
 * <p>Thread-safe: paths finish on worker threads.
 */
final class Progress implements AutoCloseable {
  /** Longest gap between two plain lines while work completes, seconds. */
  static final int LINE_SECONDS = 30;

  /** How progress is shown. */
  enum Mode {
    /** A bar redrawn in place: standard error is a terminal. */
    BAR,
    /** Plain periodic lines. */
    LINES,
    /** Nothing. */
    NONE
  }

  private final PrintWriter err;
  private final Mode mode;
  private final String task;
  private final String unit;
  private final long total;
  private final long startDone;
  private final LongSupplier nanoClock;
  private final long wallStart;
  private final ProgressBar bar;
  private long done;
  private long lastLineNanos;
  private long lastLineTenth;
  private boolean closed;

  private Progress(
      PrintWriter err,
      Mode mode,
      String task,
      String unit,
      long total,
      long done,
      LongSupplier nanoClock) {
    this.err = err;
    this.mode = mode;
    this.task = task;
    this.unit = unit;
    this.total = total;
    this.startDone = done;
    this.done = done;
    this.nanoClock = nanoClock;
    this.wallStart = nanoClock.getAsLong();
    this.lastLineNanos = wallStart;
    this.lastLineTenth = tenth(done);
    this.bar =
        mode == Mode.BAR
            ? new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .startsFrom(done, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setUpdateIntervalMillis(250)
                .clearDisplayOnFinish()
                .setConsumer(new TerminalLine(err, terminalWidth()))
                .build()
            : null;
  }

  /**
   * Starts showing the progress of {@code total} units of work of which {@code done} are already
   * done (a resumed command).
   */
  static Progress start(
      PrintWriter err, Mode mode, String task, String unit, long total, long done) {
    return new Progress(err, mode, task, unit, total, done, System::nanoTime);
  }

  /** As {@link #start}, reading time from {@code nanoClock}: for tests. */
  static Progress start(
      PrintWriter err,
      Mode mode,
      String task,
      String unit,
      long total,
      long done,
      LongSupplier nanoClock) {
    return new Progress(err, mode, task, unit, total, done, nanoClock);
  }

  /**
   * The mode of a batch command: a bar when standard error is a terminal and the bar is wanted,
   * plain lines otherwise.
   */
  static Mode forBatch(boolean noBar) {
    return !noBar && stderrIsTerminal() ? Mode.BAR : Mode.LINES;
  }

  /** One more unit done. */
  synchronized void step() {
    stepTo(done + 1);
  }

  /** {@code n} units done in all. */
  synchronized void stepTo(long n) {
    if (closed || n <= done) {
      return;
    }
    done = Math.min(n, total);
    if (mode == Mode.BAR) {
      bar.stepTo(done);
    } else if (mode == Mode.LINES) {
      long now = nanoClock.getAsLong();
      long t = tenth(done);
      if (done < total
          && (t > lastLineTenth || now - lastLineNanos >= LINE_SECONDS * 1_000_000_000L)) {
        lastLineTenth = t;
        lastLineNanos = now;
        err.println(line(now));
        err.flush();
      }
    }
  }

  /** A short note shown beside the bar (the run's simulated time); bar mode only. */
  synchronized void message(String text) {
    if (mode == Mode.BAR && !closed) {
      bar.setExtraMessage(text);
    }
  }

  /**
   * Removes the bar; a batch command then prints one closing line ({@link #closingLine}) in every
   * mode but {@link Mode#NONE}.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (bar != null) {
      bar.close();
    }
  }

  /** Closes and prints {@code sweep: 40/40 paths in 50.0 s, 0.8 paths/s}. */
  synchronized void finish() {
    close();
    if (mode == Mode.NONE) {
      return;
    }
    double secs = (nanoClock.getAsLong() - wallStart) / 1e9;
    err.println(
        String.format(
            Locale.ROOT,
            "%s: %d/%d %s in %s, %s %s/s%s",
            task,
            done,
            total,
            unit,
            duration(secs),
            rate(done - startDone, secs),
            unit,
            startDone > 0 ? " (" + startDone + " found done)" : ""));
    err.flush();
  }

  /** The plain progress line at time {@code now}. */
  private String line(long now) {
    double secs = (now - wallStart) / 1e9;
    long ran = done - startDone;
    String eta = ran > 0 && secs > 0 ? duration((total - done) * secs / ran) : "unknown";
    return String.format(
        Locale.ROOT,
        "%s: %d/%d %s, %s %s/s, ETA %s",
        task,
        done,
        total,
        unit,
        rate(ran, secs),
        unit,
        eta);
  }

  private long tenth(long n) {
    return total == 0 ? 10 : n * 10 / total;
  }

  private static String rate(long n, double secs) {
    double r = secs > 0 ? n / secs : 0;
    return String.format(Locale.ROOT, r >= 10 ? "%.0f" : r >= 0.1 ? "%.1f" : "%.3f", r);
  }

  /** 35 s, 4 min 10 s, 2 h 05 min. */
  static String duration(double secs) {
    long s = Math.round(secs);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  /**
   * Whether standard error is a terminal. Java has no direct test: on Linux, file descriptor 2
   * links to a {@code /dev/pts} or {@code /dev/tty} device when it is one; elsewhere the console's
   * presence (standard input and output) stands in for it. {@code TERM=dumb} is not a terminal.
   */
  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    String to = linkTarget(Path.of("/proc/self/fd/2"));
    if (to != null) {
      return to.startsWith("/dev/pts/") || to.startsWith("/dev/tty");
    }
    return System.console() != null;
  }

  /** Where a symbolic link points, or null when it is not one or cannot be read here. */
  private static String linkTarget(Path link) {
    try {
      return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).toString() : null;
    } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
      return null; // no /proc (not Linux) or not allowed: the caller asks the console instead
    }
  }

  /** The terminal's width from {@code COLUMNS} when exported, else 80 columns. */
  private static int terminalWidth() {
    try {
      String c = System.getenv("COLUMNS");
      int w = c == null ? 80 : Integer.parseInt(c.trim());
      return Math.max(40, Math.min(w, 200)) - 1;
    } catch (NumberFormatException e) {
      return 79;
    }
  }

  /** Draws the library's rendered bar in place on the command's standard error. */
  private static final class TerminalLine implements ProgressBarConsumer {
    private final PrintWriter err;
    private final int width;

    TerminalLine(PrintWriter err, int width) {
      this.err = err;
      this.width = width;
    }

    @Override
    public int getMaxRenderedLength() {
      return width;
    }

    @Override
    public void accept(String rendered) {
      err.print('\r');
      err.print(rendered);
      err.flush();
    }

    @Override
    public void clear() {
      err.print('\r');
      err.print(" ".repeat(width));
      err.print('\r');
      err.flush();
    }

    @Override
    public void close() {
      err.flush();
    }
  }
}
