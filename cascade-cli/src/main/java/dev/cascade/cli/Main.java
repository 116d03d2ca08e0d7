package dev.cascade.cli;

import dev.cascade.scenario.RunMemory;
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
      CalibrateCommand.class,
      ReverseStressCommand.class,
      GexCommand.class,
      MonitorCommand.class,
      ReportCommand.class,
      FactsCommand.class,
      ImpactCommand.class,
      SchemaCommand.class,
      MechanismsCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** slf4j-simple's level key: Cascade logs nothing unless asked (--verbose, --log-file). */
  static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";

  static {
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "off");
    }
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Set at parse time, before any logger exists (loggers are made when first used). */
  @CommandLine.Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "log what Cascade and its libraries do, at info level, on standard error")
  void verbose(boolean on) {
    if (on) {
      System.setProperty(LOG_LEVEL, "info");
    }
  }

  @CommandLine.Option(
      names = "--log-file",
      scope = CommandLine.ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "write the log (info level) to FILE instead of standard error")
  void logFile(java.nio.file.Path file) {
    // The logger truncates its file: only a new file, an empty one or a log Cascade wrote may be
    // it (nothing the user owns is replaced).
    String refused = logFileRefusal(file);
    if (refused != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--log-file " + file + ": " + refused);
    }
    // Opened here, once, so that a path the logger could not write is the user's one-line error,
    // not the logger's stack trace on the first log line.
    try (java.io.OutputStream probe =
        java.nio.file.Files.newOutputStream(
            file,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND)) {
      // nothing written: the logger appends
    } catch (java.io.IOException | SecurityException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--log-file " + file + ": cannot be written (" + e.getMessage() + ")");
    }
    System.setProperty(LOG_FILE, file.toString());
    if ("off".equals(System.getProperty(LOG_LEVEL))) {
      System.setProperty(LOG_LEVEL, "info");
    }
  }

  /**
   * A log line as the logger writes it: an ISO date-time with milliseconds and offset, a thread.
   */
  private static final java.util.regex.Pattern LOG_LINE =
      java.util.regex.Pattern.compile(
          "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4} \\[.*");

  /**
   * Why {@code file} may not be the log, or null: it is a directory, its directory does not exist,
   * or it holds something other than a log Cascade wrote (the logger would replace it).
   */
  static String logFileRefusal(java.nio.file.Path file) {
    java.nio.file.Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
      return "its directory " + parent + " does not exist";
    }
    if (java.nio.file.Files.isDirectory(file)) {
      return "is a directory; give a file";
    }
    if (!java.nio.file.Files.exists(file)) {
      return null;
    }
    try (java.io.BufferedReader in =
        java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null || LOG_LINE.matcher(first).matches()) {
        return null;
      }
    } catch (java.io.IOException | RuntimeException e) {
      // unreadable or not text: not a log Cascade wrote
    }
    return "exists and is not a log Cascade wrote; give a new file (Cascade replaces only an empty"
        + " file or its own log)";
  }

  public static void main(String[] args) {
    System.exit(execute(commandLine(), args));
  }

  /**
   * Runs a command line. Picocli lets errors through; a command that exhausts the heap ends here
   * with one line and exit 2, not a stack trace: a scenario too large for the heap is the user's to
   * resize (cascade run refuses, before it starts, the ones its estimate sees coming).
   */
  static int execute(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      cl.getErr()
          .println(
              "cascade: out of memory ("
                  + e.getMessage()
                  + "): the JVM's heap of "
                  + RunMemory.size(Runtime.getRuntime().maxMemory())
                  + " was not enough; give it more with CASCADE_JAVA_OPTS=-Xmx<size>, e.g. -Xmx"
                  + RunMemory.xmx(2 * Runtime.getRuntime().maxMemory()));
      cl.getErr().flush();
      return 2;
    }
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // A failure the user can act on (a refused output, a path the system will not write) is one
    // line with its exit code; a bug must not look like a user error: one line naming it, exit 70
    // (EX_SOFTWARE).
    // cascade impact reports a bad flag as one line, like its other input errors.
    CommandLine.IParameterExceptionHandler standard = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          if (c.getCommandSpec().userObject() instanceof ImpactCommand) {
            c.getErr()
                .println(
                    "cascade impact: "
                        + ex.getMessage()
                        + " (cascade impact --help lists the options)");
            return CliFailure.USAGE;
          }
          return standard.handleParseException(ex, args);
        });
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
