package dev.cascade.cli;

import java.util.Map;

/** The paths on this process's threads. */
final class LocalThreads implements PathExecutor {
  private final int threads;

  LocalThreads(int threads) {
    this.threads = threads;
  }

  @Override
  public PathOutcome[] runAll(
      PathBatch batch, Map<Integer, PathOutcome> known, PathOutcome.Finished finished)
      throws InterruptedException {
    return PathOutcome.runAll(batch, known, threads, finished);
  }

  @Override
  public String describe() {
    return threads == 1 ? "1 thread" : threads + " threads";
  }

  @Override
  public void close() {}
}
