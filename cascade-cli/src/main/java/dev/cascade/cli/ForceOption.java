package dev.cascade.cli;

import picocli.CommandLine.Option;

/** The {@code --force} option of the commands that write an output directory. */
final class ForceOption {
  @Option(
      names = "--force",
      description =
          "replace an output directory that Cascade wrote before (and nothing else: a directory"
              + " Cascade did not write, or whose files changed since, is never replaced)")
  boolean force;
}
