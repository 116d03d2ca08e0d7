package dev.cascade.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cascade} command. */
@Command(
    name = "cascade",
    mixinStandardHelpOptions = true,
    version = "cascade 0.1.0",
    description = "Simulates and explains forced-deleveraging market cascades.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      ExplainCommand.class,
      AttributeCommand.class,
      SweepCommand.class,
      GexCommand.class,
      MonitorCommand.class,
      ReportCommand.class,
      FactsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // A failure the user can act on (a refused output, a path the system will not write) is one
    // line with its exit code; a bug must not look like a user error: one line naming it, exit 70
    // (EX_SOFTWARE).
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          String who = "cascade " + commandLine.getCommandName() + ": ";
          if (e instanceof CliFailure f) {
            commandLine.getErr().println(who + f.getMessage());
            return f.exitCode();
          }
          if (e instanceof IOException || e instanceof UncheckedIOException) {
            commandLine.getErr().println(who + CliFailure.reason(e));
            return CliFailure.IO;
          }
          commandLine
              .getErr()
              .println(
                  "cascade: internal error: "
                      + e
                      + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "")
                      + " (this is a bug in Cascade, not in your input)");
          return 70;
        });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
