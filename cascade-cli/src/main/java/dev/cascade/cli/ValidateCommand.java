package dev.cascade.cli;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.AgentGroupSpec;
import dev.cascade.scenario.LoadResult;
import dev.cascade.scenario.RealScale;
import dev.cascade.scenario.ScenarioError;
import dev.cascade.scenario.ScenarioLoader;
import dev.cascade.scenario.ScenarioSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cascade validate FILE}: loads a scenario against the standard agent families and prints
 * either a one-line summary (exit 0), with any located warnings on stderr (set-ups that run but are
 * probably not meant: a shock on an instrument no one trades, a flow larger than its market trades
 * in a day), or every located error (exit 2).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks a scenario file and reports every error with its line and column.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the scenario is valid", "2:the scenario has errors"})
public final class ValidateCommand implements Callable<Integer> {
  /**
   * Exit code for a scenario with errors (picocli uses 2 for bad usage too: both are user input).
   */
  static final int INVALID = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario YAML file")
  Path file;

  @Override
  public Integer call() {
    LoadResult result = ScenarioLoader.load(file, StandardFamilies.registry());
    if (result.ok()) {
      ScenarioSpec s = result.spec().orElseThrow();
      int agents = s.agents().stream().mapToInt(AgentGroupSpec::count).sum();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "ok: %s: scenario '%s', %d instruments, %d agents in %d groups, %d shocks%n",
          file, s.name(), s.instruments().size(), agents, s.agents().size(), s.shocks().size());
      if (s.scale().isSet()) {
        out.printf(
            "real scale: 1 simulated dollar stands for $%,.0f (from %s)%n",
            s.scale().factor(),
            String.join(", ", s.scale().basis().stream().map(RealScale.Basis::symbol).toList()));
      }
      out.flush();
      for (ScenarioError w : result.warnings()) {
        spec.commandLine().getErr().println("warning: " + w);
      }
      String heap =
          HeapFit.warning(s, StandardFamilies.registry(), Runtime.getRuntime().maxMemory());
      if (heap != null) {
        spec.commandLine().getErr().println(file + ": " + heap);
        spec.commandLine().getErr().flush();
      }
      return 0;
    }
    ScenarioFiles.printErrors(result, file, spec.commandLine().getErr());
    return INVALID;
  }
}
