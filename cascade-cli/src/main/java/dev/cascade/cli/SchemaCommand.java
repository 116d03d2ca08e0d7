package dev.cascade.cli;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.FamilyTables;
import dev.cascade.scenario.ScenarioSchema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cascade schema}: prints the scenario format's JSON Schema, generated from the loader's key
 * tables and the standard agent families, or (with {@code --families}) the Markdown section of
 * docs/scenario-format.md listing every family and its parameters. The repository's copies are
 * regenerated with it (see docs/scenario-format.md, "JSON Schema").
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the scenario JSON Schema (draft 2020-12), generated from the loader and the agent"
          + " families: the file published as schema/scenario.schema.json.",
      "Regenerate it with: ./cascade schema > schema/scenario.schema.json"
    })
public final class SchemaCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--families",
      description =
          "print instead the Markdown list of every agent family and its parameters (the section"
              + " of docs/scenario-format.md between its families markers)")
  boolean families;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        families
            ? FamilyTables.markdown(StandardFamilies.registry())
            : ScenarioSchema.text(StandardFamilies.registry()));
    out.flush();
    return 0;
  }
}
