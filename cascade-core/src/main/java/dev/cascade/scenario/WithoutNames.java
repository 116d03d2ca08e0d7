package dev.cascade.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names {@code --without} accepts for one scenario, by kind: the mechanisms present in it
 * ({@link Mechanisms#presentIn}), its agent families, its group names, its shock types, each in the
 * order the scenario first uses it, and the market's own features it has ({@link
 * #LEVERAGE_EFFECT}). {@link Simulations#resolve} leaves out whatever they name.
 *
 * @param mechanisms mechanisms with at least one member in the scenario
 * @param families agent families of its groups
 * @param groups its groups' names (a group without a name is named after its family)
 * @param shockTypes the types of its shocks
 * @param market features of the market itself that can be turned off (not forced flow: {@code
 *     cascade attribute} keeps them on)
 */
public record WithoutNames(
    List<String> mechanisms,
    List<String> families,
    List<String> groups,
    List<String> shockTypes,
    List<String> market) {

  /**
   * The news flow's leverage effect (docs/model.md §4): off, every instrument's activity ignores
   * its price, as if its {@code leverageEffect} amplitude were 0; every random stream stays the
   * same.
   */
  public static final String LEVERAGE_EFFECT = "leverage-effect";

  public WithoutNames {
    mechanisms = List.copyOf(mechanisms);
    families = List.copyOf(families);
    groups = List.copyOf(groups);
    shockTypes = List.copyOf(shockTypes);
    market = List.copyOf(market);
  }

  /** The names {@code --without} accepts for {@code spec}. */
  public static WithoutNames of(ScenarioSpec spec) {
    Set<String> families = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    for (AgentGroupSpec g : spec.agents()) {
      families.add(g.family());
      groups.add(g.name());
    }
    Set<String> shocks = new LinkedHashSet<>();
    for (ShockSpec s : spec.shocks()) {
      shocks.add(s.type().configName());
    }
    boolean leverage = spec.instruments().stream().anyMatch(InstrumentSpec::readsOwnPrice);
    return new WithoutNames(
        Mechanisms.presentIn(spec),
        new ArrayList<>(families),
        new ArrayList<>(groups),
        new ArrayList<>(shocks),
        leverage ? List.of(LEVERAGE_EFFECT) : List.of());
  }

  /** True if {@code name} is one of them. */
  public boolean accepts(String name) {
    return mechanisms.contains(name)
        || families.contains(name)
        || groups.contains(name)
        || shockTypes.contains(name)
        || market.contains(name);
  }

  /** The names of {@code names} that are none of them, in their order. */
  public List<String> unknown(Iterable<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (!accepts(n)) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * The accepted names as one line, by kind: "mechanisms dealers, vol-target; families noise,
   * options-dealer; groups noise, dealers; shock types fundamental".
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    part(parts, "mechanisms", mechanisms);
    part(parts, "families", families);
    part(parts, "groups", groups);
    part(parts, "shock types", shockTypes);
    part(parts, "market features", market);
    return parts.isEmpty()
        ? "none (the scenario has no agents or shocks)"
        : String.join("; ", parts);
  }

  private static void part(List<String> parts, String kind, List<String> names) {
    if (!names.isEmpty()) {
      parts.add(kind + " " + String.join(", ", names));
    }
  }
}
