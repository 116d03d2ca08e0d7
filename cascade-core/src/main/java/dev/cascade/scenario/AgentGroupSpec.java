package dev.cascade.scenario;

import dev.cascade.agents.Distribution;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A group of agents of one family as written in a scenario.
 *
 * @param family registered family name, e.g. {@code market-maker}
 * @param name id prefix for the group's agents (agents are {@code name-0}, {@code name-1}, ...);
 *     defaults to the family name
 * @param count number of agents, at least 1
 * @param instruments symbols the agents trade (each must be a scenario instrument)
 * @param cash starting cash per agent, currency units
 * @param holdings starting position per agent, lots, by symbol
 * @param params parameter values by name (only names the family declares)
 */
public record AgentGroupSpec(
    String family,
    String name,
    int count,
    List<String> instruments,
    BigDecimal cash,
    Map<String, Long> holdings,
    Map<String, Distribution> params) {

  public AgentGroupSpec {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cash, "cash");
    instruments = List.copyOf(instruments);
    holdings = Map.copyOf(holdings);
    params = Map.copyOf(params);
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1");
    }
  }
}
