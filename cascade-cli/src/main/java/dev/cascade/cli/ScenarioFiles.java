package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.scenario.LoadResult;
import dev.cascade.scenario.ScenarioError;
import dev.cascade.scenario.ScenarioLoader;
import dev.cascade.scenario.ScenarioSpec;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Loading a scenario file for a command: the spec, or every located error printed. */
final class ScenarioFiles {
  private ScenarioFiles() {}

  /** The spec, or null after printing every error and a count to {@code err}. */
  static ScenarioSpec load(Path file, AgentRegistry registry, PrintWriter err) {
    LoadResult loaded = ScenarioLoader.load(file, registry);
    if (loaded.ok()) {
      return loaded.spec().orElseThrow();
    }
    printErrors(loaded, file, err);
    return null;
  }

  /** Prints every error of a failed load, one per line, then their count. */
  static void printErrors(LoadResult loaded, Path file, PrintWriter err) {
    for (ScenarioError e : loaded.errors()) {
      err.println(e);
    }
    err.printf("%d error(s) in %s%n", loaded.errors().size(), file);
    err.flush();
  }
}
