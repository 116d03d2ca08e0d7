package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.scenario.LoadResult;
import dev.cascade.scenario.ScenarioError;
import dev.cascade.scenario.ScenarioLoader;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.ScenarioText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Loading a scenario file for a command: the spec, or every located error printed. */
final class ScenarioFiles {
  private ScenarioFiles() {}

  /**
   * A scenario as a command loaded it: the spec and the exact text it was parsed from. The file is
   * read once; the text is what the command copies into its output, so editing or removing the file
   * while the command runs changes neither what it runs nor what it records.
   */
  record Loaded(ScenarioSpec spec, String text) {
    /** Writes the text the spec came from to {@code file} (UTF-8, as read). */
    void copyTo(Path file) throws IOException {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }

  /** The scenario, or null after printing every error and a count to {@code err}. */
  static Loaded load(Path file, AgentRegistry registry, PrintWriter err) {
    ScenarioText text = ScenarioLoader.read(file);
    LoadResult loaded =
        text.ok()
            ? ScenarioLoader.parse(text.text().orElseThrow(), text.fileName(), registry)
            : new LoadResult(Optional.empty(), text.errors());
    if (loaded.ok()) {
      org.slf4j.LoggerFactory.getLogger(ScenarioFiles.class)
          .info(
              "read scenario {} from {} ({} instruments, {} agent groups, {} shocks)",
              loaded.spec().orElseThrow().name(),
              file,
              loaded.spec().orElseThrow().instruments().size(),
              loaded.spec().orElseThrow().agents().size(),
              loaded.spec().orElseThrow().shocks().size());
      return new Loaded(loaded.spec().orElseThrow(), text.text().orElseThrow());
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
