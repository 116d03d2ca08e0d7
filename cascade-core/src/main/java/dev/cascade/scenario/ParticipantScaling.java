package dev.cascade.scenario;

import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.Distribution;
import dev.cascade.agents.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario with its participants' leverage, or its investor flows, made X times as large,
 * everything else (instruments, other parameters, shocks of other types, every random stream)
 * unchanged: the other two levers of a stress test besides {@link ShockScaling}.
 *
 * <p>Leverage ({@link #leverage}): in every family in {@link #LEVERAGE}, each named parameter's
 * draw is multiplied by X and then clamped to the parameter's bounds as any draw is. The
 * distribution is rewritten so that every agent consumes the same random numbers as before: a fixed
 * value, a uniform's bounds and a normal's mean and deviation are multiplied by X; a lognormal's
 * {@code mu} gains {@code ln X} (at X = 0, {@code ln} of the smallest normal double, a draw of
 * about 1e-300 that the clamp lifts to the parameter's minimum). The families and why:
 *
 * <ul>
 *   <li>{@code perp-trader}: {@code leverage} (the ladder of position notional / cash posted; the
 *       venue's tier cap still applies);
 *   <li>{@code long-short-fund}: {@code gross} and {@code net} (the same book shape, X times as
 *       large a multiple of equity);
 *   <li>{@code vol-target}, {@code risk-parity}, {@code cta}: {@code targetVolPct} and {@code
 *       maxLeverage}, so that the exposure min(Lmax, target / vol) is X times as large in every
 *       state.
 * </ul>
 *
 * <p>The leverage a broker allows an account (the family's account terms) is not scaled.
 *
 * <p>Flows ({@link #flows}): {@code flow} shocks' {@code dollars} and {@code metaorder} sizes by
 * {@link ShockScaling}'s rule for their types (at X = 0 a metaorder is left out); passive funds
 * ({@code etf-holder}, {@code index-fund}) trade only the flows these shocks schedule.
 */
public final class ParticipantScaling {
  /** The largest factor accepted. */
  public static final double MAX_FACTOR = 100;

  /** The parameters scaled as leverage, by family. */
  public static final Map<String, List<String>> LEVERAGE =
      orderedMap(
          "perp-trader", List.of("leverage"),
          "long-short-fund", List.of("gross", "net"),
          "vol-target", List.of("targetVolPct", "maxLeverage"),
          "risk-parity", List.of("targetVolPct", "maxLeverage"),
          "cta", List.of("targetVolPct", "maxLeverage"));

  private ParticipantScaling() {}

  /**
   * The scenario with its participants' leverage scaled by {@code x} (the rules above); {@code x ==
   * 1} returns it unchanged.
   */
  public static ScenarioSpec leverage(ScenarioSpec spec, double x, AgentRegistry registry) {
    if (x == 1) {
      return spec;
    }
    List<AgentGroupSpec> groups = new ArrayList<>();
    for (AgentGroupSpec g : spec.agents()) {
      List<String> names = LEVERAGE.get(g.family());
      AgentFamily family = registry.find(g.family()).orElse(null);
      if (names == null || family == null) {
        groups.add(g);
        continue;
      }
      Map<String, Distribution> params = new LinkedHashMap<>(g.params());
      for (String n : names) {
        ParamSpec p = family.param(n);
        if (p != null) {
          params.put(n, times(params.getOrDefault(n, p.defaultValue()), x));
        }
      }
      groups.add(
          new AgentGroupSpec(
              g.family(), g.name(), g.count(), g.instruments(), g.cash(), g.holdings(), params));
    }
    return with(spec, groups, spec.shocks());
  }

  /**
   * The scenario with its flow and metaorder shocks scaled by {@code x}; {@code x == 1} returns it
   * unchanged.
   */
  public static ScenarioSpec flows(ScenarioSpec spec, double x) {
    if (x == 1) {
      return spec;
    }
    List<ShockSpec> out = new ArrayList<>();
    for (ShockSpec s : spec.shocks()) {
      if (s.type() != ShockType.FLOW && s.type() != ShockType.METAORDER) {
        out.add(s);
      } else if (!(s.type() == ShockType.METAORDER && x == 0)) {
        out.add(s.withParams(ShockScaling.scaled(s, x)));
      }
    }
    return with(spec, spec.agents(), out);
  }

  /**
   * A distribution whose every draw, from the same random numbers, is {@code x} times the draw of
   * {@code d}.
   */
  static Distribution times(Distribution d, double x) {
    return switch (d.kind()) {
      case FIXED -> Distribution.fixed(d.a() * x);
      case UNIFORM -> Distribution.uniform(d.a() * x, d.b() * x);
      case NORMAL -> Distribution.normal(d.a() * x, d.b() * x);
      case LOGNORMAL ->
          Distribution.lognormal(d.a() + Math.log(Math.max(x, Double.MIN_NORMAL)), d.b());
    };
  }

  private static ScenarioSpec with(
      ScenarioSpec spec, List<AgentGroupSpec> agents, List<ShockSpec> shocks) {
    return spec.withAgents(agents).withShocks(shocks);
  }

  private static Map<String, List<String>> orderedMap(Object... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> v = (List<String>) kv[i + 1];
      m.put((String) kv[i], v);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
