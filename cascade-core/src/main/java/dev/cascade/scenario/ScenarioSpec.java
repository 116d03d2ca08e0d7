package dev.cascade.scenario;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A scenario as written: what to simulate, from when to when, with which instruments, agents,
 * market rules and shocks. Immutable; {@code Simulations.resolve} turns it into a runnable
 * simulation.
 *
 * @param name short identifier, used in run directory names
 * @param description free text from the file
 * @param seed default seed (the CLI's {@code --seed} overrides it)
 * @param start simulated start time
 * @param end simulated end time (after start)
 * @param instruments at least one
 * @param agents agent groups, in file order
 * @param rules circuit breakers and fees
 * @param shocks scheduled shocks, in file order
 * @param episode what the scenario says about the episode it reproduces ({@link EpisodeSpec#NONE}
 *     if nothing)
 */
public record ScenarioSpec(
    String name,
    String description,
    long seed,
    OffsetDateTime start,
    OffsetDateTime end,
    List<InstrumentSpec> instruments,
    List<AgentGroupSpec> agents,
    MarketRulesSpec rules,
    List<ShockSpec> shocks,
    EpisodeSpec episode) {

  public ScenarioSpec {
    Objects.requireNonNull(episode, "episode");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(rules, "rules");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start");
    }
    instruments = List.copyOf(instruments);
    agents = List.copyOf(agents);
    shocks = List.copyOf(shocks);
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one instrument");
    }
  }

  /** A scenario with no episode section. */
  public ScenarioSpec(
      String name,
      String description,
      long seed,
      OffsetDateTime start,
      OffsetDateTime end,
      List<InstrumentSpec> instruments,
      List<AgentGroupSpec> agents,
      MarketRulesSpec rules,
      List<ShockSpec> shocks) {
    this(name, description, seed, start, end, instruments, agents, rules, shocks, EpisodeSpec.NONE);
  }

  /** The instrument spec with this symbol, or null. */
  public InstrumentSpec instrument(String symbol) {
    for (InstrumentSpec i : instruments) {
      if (i.symbol().equals(symbol)) {
        return i;
      }
    }
    return null;
  }
}
