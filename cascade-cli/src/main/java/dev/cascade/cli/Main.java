package dev.cascade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cascade} command. */
@Command(
    name = "cascade",
    mixinStandardHelpOptions = true,
    version = "cascade 0.1.0",
    description = "Simulates and explains forced-deleveraging market cascades.",
    subcommands = {CommandLine.HelpCommand.class, GexCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
