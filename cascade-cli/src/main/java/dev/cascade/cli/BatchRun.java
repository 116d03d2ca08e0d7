package dev.cascade.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the paths of a sweep or an attribution with progress on standard error, each finished path
 * appended to the {@link PartialRun} beside the output, so that a stopped command can be resumed.
 */
final class BatchRun {
  /** Exit code of a command stopped by {@code --halt-after} (EX_TEMPFAIL: try again). */
  static final int HALTED = 75;

  private BatchRun() {}

  /**
   * The outcomes of {@code jobs}, in job order; the partial directory stays open (locked) until the
   * caller deletes it after committing the output, or closes it on failure.
   *
   * <p>The paths run on {@code executor} (local threads or Spark); the finished ones are recorded
   * here, in this process, as their outcomes arrive.
   *
   * @param experiment what the partial directory records (job k runs variant k / seeds)
   */
  static Result run(
      String command,
      PartialRun.Experiment experiment,
      PathBatch batch,
      Path target,
      BatchOptions options,
      PathExecutor executor,
      PrintWriter err)
      throws InterruptedException {
    List<PathOutcome.Job> jobs = batch.jobs();
    PartialRun partial = PartialRun.open(target, experiment, options.resume, command, err);
    // Interrupted (Ctrl-C, SIGTERM): the finished paths stay on disk; say how to go on.
    Thread onSignal =
        new Thread(
            () -> {
              err.println(
                  System.lineSeparator()
                      + "cascade "
                      + command
                      + ": stopped; the finished paths are kept in "
                      + partial.path()
                      + ": the same command with --resume continues");
              err.flush();
            },
            "cascade-resume-note");
    Runtime.getRuntime().addShutdownHook(onSignal);
    boolean ok = false;
    try {
      int found = partial.found().size();
      if (found > 0) {
        err.println(
            "cascade "
                + command
                + ": resuming "
                + partial.path()
                + ": "
                + found
                + " of "
                + jobs.size()
                + " paths done, "
                + (jobs.size() - found)
                + " to run");
        err.flush();
      }
      AtomicInteger recorded = new AtomicInteger();
      Integer haltAfter = options.haltAfter;
      long wall0 = System.nanoTime();
      PathOutcome[] out;
      try (Progress progress =
          Progress.start(
              err, Progress.forBatch(options.noProgress), command, "paths", jobs.size(), found)) {
        out =
            runAll(
                executor,
                batch,
                partial,
                (job, o) -> {
                  partial.record(job, jobs.get(job).seed(), job / experiment.seeds(), o);
                  progress.step();
                  if (haltAfter != null && recorded.incrementAndGet() >= haltAfter) {
                    partial.close();
                    throw new CliFailure(
                        HALTED,
                        "stopped after "
                            + haltAfter
                            + " paths as asked (--halt-after); --resume continues from "
                            + partial.path());
                  }
                });
        progress.finish();
      }
      ok = true;
      return new Result(out, partial, found, (System.nanoTime() - wall0) / 1e9);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting: the note is printed.
      }
      if (!ok) {
        partial.close();
      }
    }
  }

  /** The executor's outcomes; its failure becomes one line saying how to go on (exit 75). */
  private static PathOutcome[] runAll(
      PathExecutor executor, PathBatch batch, PartialRun partial, PathOutcome.Finished finished)
      throws InterruptedException {
    try {
      return executor.runAll(batch, partial.found(), finished);
    } catch (PathExecutor.Failure f) {
      throw new CliFailure(
          HALTED,
          f.getMessage()
              + "; the finished paths are kept in "
              + partial.path()
              + ": the same command with --resume continues");
    }
  }

  /**
   * What the paths gave.
   *
   * @param outcomes in job order
   * @param partial to delete once the output is committed
   * @param resumed paths found done on disk
   * @param wallSeconds wall-clock time of this process's share
   */
  record Result(PathOutcome[] outcomes, PartialRun partial, int resumed, double wallSeconds) {}
}
