package dev.cascade.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the cascade command line in process, capturing what it prints. */
final class Cli {
  private Cli() {}

  /**
   * What a command did.
   *
   * @param exit its exit code
   * @param out what it printed to standard output
   * @param err what it printed to standard error
   */
  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
