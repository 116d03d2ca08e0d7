package dev.cascade.agents;

import java.util.List;
import java.util.function.Function;

/**
 * A kind of agent a scenario can name: its config name, the parameters it accepts and a factory.
 *
 * @param name the name in scenario files, e.g. {@code market-maker}
 * @param description one line, for {@code cascade validate --families}
 * @param params every parameter it accepts; anything else in a scenario is an error
 * @param factory builds one agent from its drawn parameters
 */
public record AgentFamily(
    String name, String description, List<ParamSpec> params, Function<AgentSetup, Agent> factory) {
  public AgentFamily {
    params = List.copyOf(params);
  }

  /** The spec of a parameter by name, or null. */
  public ParamSpec param(String n) {
    for (ParamSpec p : params) {
      if (p.name().equals(n)) {
        return p;
      }
    }
    return null;
  }
}
