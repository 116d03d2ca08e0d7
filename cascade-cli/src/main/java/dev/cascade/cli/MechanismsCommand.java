package dev.cascade.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.AgentGroupSpec;
import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.Mechanisms;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.ShockSpec;
import dev.cascade.scenario.WithoutNames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cascade mechanisms FILE}: what a scenario holds (instruments, agent groups with their
 * family and count, shocks with their type and label) and exactly the names {@code --without}
 * accepts for it, by kind, so that no one has to guess them.
 */
@Command(
    name = "mechanisms",
    mixinStandardHelpOptions = true,
    description =
        "Lists a scenario's instruments, agent groups (family, count) and shocks (type, label),"
            + " and every name --without accepts for it: mechanisms, families, groups, shock"
            + " types.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "2:the scenario has errors"})
public final class MechanismsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario YAML file")
  Path file;

  @Option(names = "--json", description = "print JSON instead of the text listing")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter err = spec.commandLine().getErr();
    ScenarioFiles.Loaded loaded = ScenarioFiles.load(file, StandardFamilies.registry(), err);
    if (loaded == null) {
      return ValidateCommand.INVALID;
    }
    ScenarioSpec s = loaded.spec();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(s) : text(s));
    out.flush();
    return 0;
  }

  static String text(ScenarioSpec s) {
    StringBuilder b = new StringBuilder();
    b.append("scenario ").append(s.name()).append('\n');
    b.append("\ninstruments (").append(s.instruments().size()).append(")\n");
    for (InstrumentSpec i : s.instruments()) {
      b.append(
          String.format(
              "  %-12s %-12s %s %s%n",
              i.symbol(), i.assetClass().configName(), i.price().toPlainString(), i.currency()));
    }
    b.append("\nagent groups (").append(s.agents().size()).append(")\n");
    b.append(String.format("  %-24s %-20s %8s  %s%n", "group", "family", "count", "mechanism"));
    for (AgentGroupSpec g : s.agents()) {
      b.append(
          String.format(
              "  %-24s %-20s %8d  %s%n",
              g.name(), g.family(), g.count(), orDash(mechanismsOf(g.family()))));
    }
    b.append("\nshocks (").append(s.shocks().size()).append(")\n");
    for (ShockSpec x : s.shocks()) {
      b.append(
          String.format(
              "  %s  %-12s %s%s%n",
              x.at(),
              x.type().configName(),
              x.label(),
              mechanismsOf(x.type().configName()).isEmpty()
                  ? ""
                  : " (" + String.join(", ", mechanismsOf(x.type().configName())) + ")"));
    }
    WithoutNames w = WithoutNames.of(s);
    b.append("\n--without accepts\n");
    line(b, "mechanisms", w.mechanisms());
    line(b, "families", w.families());
    line(b, "groups", w.groups());
    line(b, "shock types", w.shockTypes());
    line(b, "market", w.market());
    return b.toString();
  }

  private static void line(StringBuilder b, String kind, List<String> names) {
    b.append(String.format("  %-12s %s%n", kind, orDash(names)));
  }

  private static String orDash(List<String> names) {
    return names.isEmpty() ? "-" : String.join(", ", names);
  }

  /** The mechanisms a family or shock type belongs to. */
  private static List<String> mechanismsOf(String member) {
    return Mechanisms.names().stream().filter(m -> Mechanisms.members(m).contains(member)).toList();
  }

  static String json(ScenarioSpec s) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode().put("scenario", s.name());
    ArrayNode instruments = root.putArray("instruments");
    for (InstrumentSpec i : s.instruments()) {
      instruments
          .addObject()
          .put("symbol", i.symbol())
          .put("class", i.assetClass().configName())
          .put("price", i.price())
          .put("currency", i.currency());
    }
    ArrayNode groups = root.putArray("agents");
    for (AgentGroupSpec g : s.agents()) {
      ObjectNode o =
          groups
              .addObject()
              .put("group", g.name())
              .put("family", g.family())
              .put("count", g.count());
      mechanismsOf(g.family()).forEach(o.putArray("mechanisms")::add);
    }
    ArrayNode shocks = root.putArray("shocks");
    for (ShockSpec x : s.shocks()) {
      ObjectNode o =
          shocks
              .addObject()
              .put("at", x.at().toString())
              .put("type", x.type().configName())
              .put("label", x.label());
      if (x.target() != null) {
        o.put("target", x.target());
      }
      mechanismsOf(x.type().configName()).forEach(o.putArray("mechanisms")::add);
    }
    WithoutNames w = WithoutNames.of(s);
    ObjectNode without = root.putObject("without");
    w.mechanisms().forEach(without.putArray("mechanisms")::add);
    w.families().forEach(without.putArray("families")::add);
    w.groups().forEach(without.putArray("groups")::add);
    w.shockTypes().forEach(without.putArray("shockTypes")::add);
    w.market().forEach(without.putArray("market")::add);
    return mapper.writeValueAsString(root) + "\n";
  }
}
