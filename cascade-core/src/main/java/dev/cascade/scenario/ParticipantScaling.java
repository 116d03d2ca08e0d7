package dev.cascade.scenario;

import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.Distribution;
import dev.cascade.agents.ParamSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

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

  /**
   * The parameters scaled as liquidity, by family; each group of these families also has its cash
   * and holdings per agent scaled.
   */
  public static final Map<String, List<String>> LIQUIDITY =
      orderedMap(
          "latent-liquidity", List.of("depth", "maxPosition"),
          "fundamental", List.of("size", "maxPosition"),
          "market-maker", List.of("size", "inventoryLimit"));

  private ParticipantScaling() {}

  /**
   * Whether {@code x} is a liquidity factor {@link #liquidity} takes: above 0 (a market without its
   * providers is not one) and at most {@link #MAX_FACTOR}; NaN is not.
   */
  public static boolean isLiquidityFactor(double x) {
    return x > 0 && x <= MAX_FACTOR;
  }

  /**
   * The scenario with its liquidity providers X times as deep ({@code --scale-liquidity}): in every
   * group of a family in {@link #LIQUIDITY}, each named parameter's draw is multiplied by X and
   * clamped to its bounds as any draw is (the distribution rewritten as for {@link #leverage}, so
   * every agent consumes the same random numbers), and the group's cash and holdings per agent are
   * multiplied by X (cash to the cent, holdings to whole lots). The latent book's depth L, the
   * elastic value investors' joint slope (their holdings q0 times their elasticity), a step-demand
   * investor's trade size and limit, and a market maker's quote size and inventory limit are then X
   * times as large, so by the square-root law a metaorder's impact on the latent book is 1 /
   * sqrt(X) times as large and its permanent part on the value investors 1 / X times (docs/model.md
   * §6). Noise traders, funds and every other family are unchanged. {@code x == 1} returns it
   * unchanged.
   *
   * @param x in (0, {@link #MAX_FACTOR}]
   */
  public static ScenarioSpec liquidity(ScenarioSpec spec, double x, AgentRegistry registry) {
    if (x == 1) {
      return spec;
    }
    if (!isLiquidityFactor(x)) {
      throw new IllegalArgumentException("liquidity factor must be in (0, 100], got " + x);
    }
    BigDecimal bx = BigDecimal.valueOf(x);
    return scaleGroups(
        spec,
        LIQUIDITY,
        x,
        registry,
        (g, params) -> {
          Map<String, Long> holdings = new LinkedHashMap<>();
          g.holdings().forEach((sym, lots) -> holdings.put(sym, Math.round(lots * x)));
          BigDecimal cash = g.cash().multiply(bx).setScale(2, RoundingMode.HALF_EVEN);
          return new AgentGroupSpec(
              g.family(), g.name(), g.count(), g.instruments(), cash, holdings, params);
        });
  }

  /**
   * The scenario with its participants' leverage scaled by {@code x} (the rules above); {@code x ==
   * 1} returns it unchanged.
   */
  public static ScenarioSpec leverage(ScenarioSpec spec, double x, AgentRegistry registry) {
    if (x == 1) {
      return spec;
    }
    return scaleGroups(
        spec,
        LEVERAGE,
        x,
        registry,
        (g, params) ->
            new AgentGroupSpec(
                g.family(), g.name(), g.count(), g.instruments(), g.cash(), g.holdings(), params));
  }

  /**
   * Every group of a family in {@code names} rebuilt by {@code rebuild} from its parameters with
   * the named ones' draws x {@code x} (their defaults where the file leaves them out); the other
   * groups as written.
   */
  private static ScenarioSpec scaleGroups(
      ScenarioSpec spec,
      Map<String, List<String>> names,
      double x,
      AgentRegistry registry,
      BiFunction<AgentGroupSpec, Map<String, Distribution>, AgentGroupSpec> rebuild) {
    List<AgentGroupSpec> groups = new ArrayList<>();
    for (AgentGroupSpec g : spec.agents()) {
      List<String> scaled = names.get(g.family());
      AgentFamily family = registry.find(g.family()).orElse(null);
      if (scaled == null || family == null) {
        groups.add(g);
        continue;
      }
      Map<String, Distribution> params = new LinkedHashMap<>(g.params());
      for (String n : scaled) {
        ParamSpec p = family.param(n);
        if (p != null) {
          params.put(n, times(params.getOrDefault(n, p.defaultValue()), x));
        }
      }
      groups.add(rebuild.apply(g, params));
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
