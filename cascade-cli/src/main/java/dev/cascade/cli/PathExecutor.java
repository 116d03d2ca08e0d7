package dev.cascade.cli;

import java.util.Map;

/**
 * Runs the paths of a sweep or an attribution: on the command's own threads ({@link LocalThreads})
 * or elsewhere, through a {@link Provider} found with {@link java.util.ServiceLoader} (the module
 * cascade-spark provides {@code spark}, selected by {@code --spark MASTER}). Whatever runs them,
 * job k's outcome is {@link PathBatch#run}{@code (k)}'s.
 */
public interface PathExecutor extends AutoCloseable {
  /**
   * The outcomes of the batch's jobs, in job order. Jobs whose outcome {@code known} already holds
   * (a resumed command) are not run again. {@code finished} hears of each path run here as its
   * outcome reaches this process (from several threads at once on local threads); a {@link
   * RuntimeException} it throws stops the run (paths in flight are cancelled or dropped) and is
   * rethrown.
   */
  PathOutcome[] runAll(
      PathBatch batch, Map<Integer, PathOutcome> known, PathOutcome.Finished finished)
      throws InterruptedException;

  /** Where the paths ran, for the summary line: "4 threads", "Spark local[2]". */
  String describe();

  /** Releases what the executor holds (a Spark context); the local one holds nothing. */
  @Override
  void close();

  /**
   * The executor could not finish the batch for reasons outside the paths (a cluster lost, a
   * context stopped): the paths recorded so far stay, and {@code --resume} continues.
   */
  final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Makes executors of one kind; listed in META-INF/services of the module that provides it. */
  interface Provider {
    /** The kind's name: {@code spark}. */
    String name();

    /**
     * An executor for {@code master} (for Spark: {@code local[N]}, {@code spark://host:port}).
     *
     * @param appName what a cluster's user interface calls the application
     * @throws IllegalArgumentException when the master is refused, with why in one line
     */
    PathExecutor open(String master, String appName);
  }
}
