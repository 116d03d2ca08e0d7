package dev.cascade.scenario;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The amplification mechanisms a run can switch off ({@code --without}) and attribute, each as the
 * agent families and shock types that make it up. A name given to {@code --without} may be a
 * mechanism, a family, an agent group or a shock type; mechanisms expand to their members.
 */
public final class Mechanisms {
  private static final Map<String, List<String>> MEMBERS = new LinkedHashMap<>();

  static {
    MEMBERS.put("dealers", List.of("options-dealer"));
    MEMBERS.put("leverage", List.of("long-short-fund"));
    MEMBERS.put("leveraged-etfs", List.of("leveraged-etf"));
    MEMBERS.put("margin-hikes", List.of("margin-rate"));
    MEMBERS.put("crypto-liquidations", List.of("perp-trader"));
    MEMBERS.put("vol-target", List.of("vol-target"));
    MEMBERS.put("risk-parity", List.of("risk-parity"));
    MEMBERS.put("passive-flows", List.of("index-fund", "etf-holder", "flow"));
    MEMBERS.put("stops", List.of("stop-loss"));
    MEMBERS.put("technical", List.of("technical"));
    MEMBERS.put("momentum", List.of("momentum"));
    MEMBERS.put("trend", List.of("cta"));
    MEMBERS.put("retail", List.of("retail"));
    MEMBERS.put("liquidity-withdrawal", List.of("liquidity"));
  }

  private Mechanisms() {}

  /** Mechanism names, in a stable order. */
  public static List<String> names() {
    return List.copyOf(MEMBERS.keySet());
  }

  /** The families and shock types a mechanism is made of, or an empty list for an unknown name. */
  public static List<String> members(String mechanism) {
    return MEMBERS.getOrDefault(mechanism, List.of());
  }

  /** The names with every mechanism replaced by its members (the others kept as they are). */
  public static Set<String> expand(Set<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : names) {
      out.add(n);
      out.addAll(members(n));
    }
    return out;
  }

  /**
   * The mechanisms present in a scenario: those with at least one member among its agent families
   * or shock types, in {@link #names()} order.
   */
  public static List<String> presentIn(ScenarioSpec spec) {
    Set<String> used = new LinkedHashSet<>();
    for (AgentGroupSpec g : spec.agents()) {
      used.add(g.family());
    }
    for (ShockSpec s : spec.shocks()) {
      used.add(s.type().configName());
    }
    return names().stream().filter(m -> members(m).stream().anyMatch(used::contains)).toList();
  }
}
