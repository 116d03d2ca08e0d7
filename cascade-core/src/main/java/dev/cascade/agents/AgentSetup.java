package dev.cascade.agents;

import dev.cascade.market.Instrument;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a family's factory gets to build one agent: its id and the parameter values drawn for it.
 *
 * @param agentId unique id, e.g. {@code noise-3}
 * @param instruments the instruments the scenario gave this group
 * @param params one drawn value per parameter the family declares (defaults filled in)
 */
public record AgentSetup(String agentId, List<Instrument> instruments, Map<String, Double> params) {
  public AgentSetup {
    Objects.requireNonNull(agentId, "agentId");
    instruments = List.copyOf(instruments);
    params = Map.copyOf(params);
  }

  /** A parameter's drawn value; the family declared it, so it is always there. */
  public double get(String name) {
    Double v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter " + name + " for " + agentId);
    }
    return v;
  }

  public long getLong(String name) {
    return Math.round(get(name));
  }

  public int getInt(String name) {
    return Math.toIntExact(Math.round(get(name)));
  }
}
