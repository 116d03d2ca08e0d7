package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command's help renders cleanly. picocli formats descriptions with String.format, and warns
 * on System.err (not the command's err writer) when one fails, e.g. for a '%' not written '%%'.
 */
class HelpTest {
  /** Runs {@code cascade args} and returns what it printed, with picocli's own System.err. */
  private static Cli.Result withSystemErr(List<String> args, StringBuilder systemErr) {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      return Cli.run(args.toArray(String[]::new));
    } finally {
      System.setErr(saved);
      systemErr.append(captured.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyCommandsHelpRendersWithoutWarnings() {
    List<List<String>> invocations = new ArrayList<>();
    invocations.add(List.of("--help"));
    for (String name : Main.commandLine().getSubcommands().keySet()) {
      invocations.add(List.of(name, "--help"));
      invocations.add(List.of("help", name));
    }
    assertThat(invocations).hasSizeGreaterThan(16);
    for (List<String> args : invocations) {
      StringBuilder systemErr = new StringBuilder();
      Cli.Result r = withSystemErr(args, systemErr);
      assertThat(r.exit()).as("exit of %s", args).isZero();
      assertThat(r.out()).as("help of %s", args).contains("Usage: cascade");
      assertThat(r.err()).as("err of %s", args).isEmpty();
      assertThat(systemErr.toString()).as("System.err of %s", args).isEmpty();
    }
  }
}
