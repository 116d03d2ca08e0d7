package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.scenario.Endowments;
import dev.cascade.scenario.ParticipantScaling;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.ShockBounds;
import dev.cascade.scenario.ShockScaling;
import dev.cascade.scenario.ShockSpec;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scalings a batch of paths runs under ({@code --scale-shocks}, {@code --scale-shock}, {@code
 * --scale-leverage}, {@code --scale-flows}, {@code --scale-liquidity}), checked already: a value
 * that travels with the scenario's text to wherever its paths run, so that every path is the one
 * the command would run locally.
 *
 * @param shocks every shock's factor
 * @param byLabel labelled shocks' factors, in the order given
 * @param leverage participants' leverage factor
 * @param flows investor flows' factor
 * @param liquidity the liquidity providers' factor
 */
record Scaling(
    double shocks, Map<String, Double> byLabel, double leverage, double flows, double liquidity)
    implements Serializable {
  /** No scaling. */
  static final Scaling NONE = new Scaling(1, Map.of(), 1, 1, 1);

  Scaling {
    byLabel = new LinkedHashMap<>(byLabel);
  }

  /** True when the shock factors change nothing. */
  boolean shocksIdentity() {
    return shocks == 1 && byLabel.values().stream().allMatch(x -> x == 1);
  }

  /** True when nothing changes. */
  boolean none() {
    return shocksIdentity() && leverage == 1 && flows == 1 && liquidity == 1;
  }

  /** The scenario scaled (the factors are not checked again). */
  ScenarioSpec apply(ScenarioSpec spec, AgentRegistry registry) {
    if (none()) {
      return spec;
    }
    ScenarioSpec scaled = shocksIdentity() ? spec : ShockScaling.scale(spec, shocks, byLabel);
    String beyond = beyondBounds(scaled);
    if (beyond != null) {
      throw CliFailure.usage("--scale-shocks/--scale-shock: " + beyond);
    }
    scaled = ParticipantScaling.flows(scaled, flows);
    scaled = ParticipantScaling.leverage(scaled, leverage, registry);
    scaled = ParticipantScaling.liquidity(scaled, liquidity, registry);
    String beyondEngine = Endowments.beyondLimit(Endowments.micro(scaled), "would come to");
    if (beyondEngine != null) {
      throw CliFailure.usage(
          "--scale-liquidity " + ShockScaleOption.num(liquidity) + ": " + beyondEngine);
    }
    return scaled;
  }

  /**
   * The first of a scaled scenario's shocks whose size is beyond what a scenario may state ({@link
   * ShockBounds}), as "shock 'LABEL' scaled goes beyond what a scenario may state: PROBLEM", or
   * null when every one is within them.
   */
  static String beyondBounds(ScenarioSpec scaled) {
    for (ShockSpec s : scaled.shocks()) {
      String problem = ShockBounds.problem(s.type(), s.params());
      if (problem != null) {
        return "shock '" + s.label() + "' scaled goes beyond what a scenario may state: " + problem;
      }
    }
    return null;
  }
}
