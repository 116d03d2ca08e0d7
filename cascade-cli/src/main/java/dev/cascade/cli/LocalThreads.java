package dev.cascade.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The paths on this process's threads: in parallel on {@code threads} threads, the outcomes back in
 * job order, so results do not depend on the thread count.
 */
final class LocalThreads implements PathExecutor {
  private final int threads;

  LocalThreads(int threads) {
    this.threads = threads;
  }

  /**
   * Jobs whose outcome {@code known} already holds (a resumed command) are not run again. {@code
   * finished} hears of each path run here as it ends; a {@link CliFailure} it throws stops the run
   * and is rethrown, as is one from a path.
   */
  @Override
  public PathOutcome[] runAll(
      PathBatch batch, Map<Integer, PathOutcome> known, PathOutcome.Finished finished)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      PathOutcome[] out = new PathOutcome[batch.jobs().size()];
      List<Future<PathOutcome>> futures = new ArrayList<>();
      for (int k = 0; k < out.length; k++) {
        PathOutcome had = known.get(k);
        if (had != null) {
          out[k] = had;
          futures.add(null);
          continue;
        }
        int job = k;
        futures.add(
            pool.submit(
                () -> {
                  PathOutcome o = batch.run(job);
                  finished.accept(job, o);
                  return o;
                }));
      }
      for (int k = 0; k < out.length; k++) {
        if (futures.get(k) != null) {
          out[k] = futures.get(k).get();
        }
      }
      return out;
    } catch (ExecutionException e) {
      pool.shutdownNow();
      // Paths in flight run to their end (a simulation does not poll for interruption); their
      // results are dropped by whoever was recording them.
      pool.awaitTermination(1, TimeUnit.MINUTES);
      if (e.getCause() instanceof CliFailure f) {
        throw f;
      }
      throw new IllegalStateException("a simulation failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public String describe() {
    return threads == 1 ? "1 thread" : threads + " threads";
  }

  @Override
  public void close() {}
}
