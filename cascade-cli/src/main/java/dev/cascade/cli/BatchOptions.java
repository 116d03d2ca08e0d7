package dev.cascade.cli;

import picocli.CommandLine.Option;

/** The options shared by the commands that run many paths: {@code sweep} and {@code attribute}. */
final class BatchOptions {
  @Option(
      names = "--resume",
      description =
          "continue the unfinished run kept in <out>.partial (same scenario file and flags): only"
              + " the paths it lacks are run")
  boolean resume;

  @Option(
      names = "--no-progress",
      description =
          "no progress bar: plain progress lines on standard error instead (as when it is not a"
              + " terminal)")
  boolean noProgress;

  /**
   * Stops the command, as if killed, once this many paths have been recorded: the partial directory
   * stays, no output is written. For testing {@code --resume}; hidden from help.
   */
  @Option(names = "--halt-after", hidden = true, paramLabel = "K")
  Integer haltAfter;
}
