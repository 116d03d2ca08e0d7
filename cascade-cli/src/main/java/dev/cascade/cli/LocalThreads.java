package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import java.util.Map;

/** The paths on this process's threads. */
final class LocalThreads implements PathExecutor {
  private final int threads;
  private final AgentRegistry registry;

  LocalThreads(int threads, AgentRegistry registry) {
    this.threads = threads;
    this.registry = registry;
  }

  @Override
  public PathOutcome[] runAll(
      PathBatch batch, Map<Integer, PathOutcome> known, PathOutcome.Finished finished)
      throws InterruptedException {
    return PathOutcome.runAll(batch.spec(), batch.jobs(), known, registry, threads, finished);
  }

  @Override
  public String describe() {
    return threads + " threads";
  }

  @Override
  public void close() {}
}
