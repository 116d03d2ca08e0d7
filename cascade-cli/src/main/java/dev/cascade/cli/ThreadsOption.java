package dev.cascade.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --threads} option of the commands that run many simulations in parallel. */
final class ThreadsOption {
  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "parallel simulations (default: the number of cores)")
  Integer threads;

  /** The thread count, or -1 after printing why the given one is refused. */
  int resolve(String command, PrintWriter err) {
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (n < 1 || n > 1024) {
      err.println("cascade " + command + ": --threads must be in [1, 1024], got " + n);
      return -1;
    }
    return n;
  }
}
