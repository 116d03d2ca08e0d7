package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.scenario.AgentGroupSpec;
import dev.cascade.scenario.ParticipantScaling;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.ShockScaling;
import dev.cascade.scenario.ShockSpec;
import dev.cascade.scenario.ShockType;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a reverse stress test scales ({@code --scale}): every shock, one labelled shock,
 * participants' leverage, investor flows, or the share of the liquidity providers withdrawn ({@code
 * withdrawal}: at scale w the market has 1 - w of its providers, {@link
 * ParticipantScaling#liquidity}, so the search finds how much liquidity must go for the breach). A
 * value that travels with a {@link PathBatch} to wherever an evaluation runs.
 *
 * @param kind shocks, shock, leverage, flows or withdrawal
 * @param label the shock's label for {@code shock}, else null
 */
record ScaleLever(String kind, String label) implements Serializable {
  /**
   * The lever {@code --scale TEXT} names, checked against the scenario.
   *
   * @throws CliFailure (usage) naming what the scenario lacks or the valid forms
   */
  static ScaleLever parse(String text, ScenarioSpec s, AgentRegistry registry) {
    switch (text) {
      case "shocks" -> {
        if (s.shocks().isEmpty()) {
          throw CliFailure.usage("--scale shocks: the scenario has no shocks");
        }
        return new ScaleLever("shocks", null);
      }
      case "leverage" -> {
        Set<String> fams = ParticipantScaling.LEVERAGE.keySet();
        if (s.agents().stream().map(AgentGroupSpec::family).noneMatch(fams::contains)) {
          throw CliFailure.usage(
              "--scale leverage: the scenario has no leveraged participant ("
                  + String.join(", ", fams)
                  + ")");
        }
        return new ScaleLever("leverage", null);
      }
      case "flows" -> {
        if (s.shocks().stream()
            .noneMatch(x -> x.type() == ShockType.FLOW || x.type() == ShockType.METAORDER)) {
          throw CliFailure.usage("--scale flows: the scenario has no flow or metaorder shock");
        }
        return new ScaleLever("flows", null);
      }
      case "withdrawal" -> {
        Set<String> fams = ParticipantScaling.LIQUIDITY.keySet();
        if (s.agents().stream().map(AgentGroupSpec::family).noneMatch(fams::contains)) {
          throw CliFailure.usage(
              "--scale withdrawal: the scenario has no liquidity provider ("
                  + String.join(", ", fams)
                  + ")");
        }
        return new ScaleLever("withdrawal", null);
      }
      default -> {
        if (text.startsWith("shock:")) {
          String label = text.substring("shock:".length());
          Set<String> labels = new LinkedHashSet<>();
          for (ShockSpec x : s.shocks()) {
            labels.add(x.label());
          }
          if (!labels.contains(label)) {
            throw CliFailure.usage(
                "--scale shock:"
                    + label
                    + ": no shock is labelled '"
                    + label
                    + "'; the labels are: "
                    + (labels.isEmpty() ? "(none)" : String.join("; ", labels)));
          }
          return new ScaleLever("shock", label);
        }
        throw CliFailure.usage(
            "--scale takes shocks, shock:LABEL, leverage, flows or withdrawal, got '" + text + "'");
      }
    }
  }

  /** As {@code --scale} spells it: shocks, shock:LABEL, leverage, flows, withdrawal. */
  String text() {
    return label == null ? kind : kind + ":" + label;
  }

  /**
   * The scenario with the lever at {@code x} (1: as written; for {@code withdrawal}, 0 is as
   * written and x below 1 the share of the providers taken away).
   */
  ScenarioSpec apply(ScenarioSpec s, double x, AgentRegistry registry) {
    return switch (kind) {
      case "shocks" -> x == 1 ? s : ShockScaling.scale(s, x, Map.of());
      case "shock" -> x == 1 ? s : ShockScaling.scale(s, 1, Map.of(label, x));
      case "leverage" -> ParticipantScaling.leverage(s, x, registry);
      case "flows" -> ParticipantScaling.flows(s, x);
      case "withdrawal" -> x == 0 ? s : ParticipantScaling.liquidity(s, 1 - x, registry);
      default -> throw new AssertionError(kind);
    };
  }
}
