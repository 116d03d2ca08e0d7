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
 * @param factors common factors of fundamental values, through which a shock's news spills over
 *     (empty if none)
 * @param scale real dollars per simulated dollar, from the instruments' {@code realDailyVolume}
 *     ({@link RealScale#NONE} when none states one)
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
    EpisodeSpec episode,
    List<FactorSpec> factors,
    RealScale scale) {

  public ScenarioSpec {
    Objects.requireNonNull(episode, "episode");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(scale, "scale");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start");
    }
    instruments = List.copyOf(instruments);
    agents = List.copyOf(agents);
    shocks = List.copyOf(shocks);
    factors = List.copyOf(factors);
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one instrument");
    }
  }

  /** A scenario with no factors and no real scale. */
  public ScenarioSpec(
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
    this(
        name,
        description,
        seed,
        start,
        end,
        instruments,
        agents,
        rules,
        shocks,
        episode,
        List.of(),
        RealScale.NONE);
  }

  /** A scenario with no episode section and no factors. */
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

  /** The same scenario with these shocks instead of its own. */
  public ScenarioSpec withShocks(List<ShockSpec> newShocks) {
    return with(agents, newShocks);
  }

  /** The same scenario with these agent groups instead of its own. */
  public ScenarioSpec withAgents(List<AgentGroupSpec> newAgents) {
    return with(newAgents, shocks);
  }

  private ScenarioSpec with(List<AgentGroupSpec> newAgents, List<ShockSpec> newShocks) {
    return new ScenarioSpec(
        name,
        description,
        seed,
        start,
        end,
        instruments,
        newAgents,
        rules,
        newShocks,
        episode,
        factors,
        scale);
  }

  /** The factor with this name, or null. */
  public FactorSpec factor(String factorName) {
    for (FactorSpec f : factors) {
      if (f.name().equals(factorName)) {
        return f;
      }
    }
    return null;
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
