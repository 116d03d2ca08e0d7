package dev.cascade.scenario;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scheduled shock as written in a scenario. Each type documents its parameters in docs/model.md;
 * the loader checks them against {@link ShockType}.
 *
 * @param type what happens
 * @param at when
 * @param label a name for cause chains and reports, e.g. "NVDA gross-margin miss"
 * @param target the instrument (symbol) it hits, or null for market-wide shocks
 * @param params numeric parameters by name
 * @param spillover the factors the news is also about ({@code fundamental} and {@code earnings}
 *     shocks; empty: the target's news alone)
 */
public record ShockSpec(
    ShockType type,
    OffsetDateTime at,
    String label,
    String target,
    Map<String, Double> params,
    List<String> spillover) {
  public ShockSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(label, "label");
    params = Map.copyOf(params);
    spillover = List.copyOf(spillover);
  }

  /** A shock whose news is about its target alone. */
  public ShockSpec(
      ShockType type, OffsetDateTime at, String label, String target, Map<String, Double> params) {
    this(type, at, label, target, params, List.of());
  }

  /** The same shock with other parameters. */
  public ShockSpec withParams(Map<String, Double> newParams) {
    return new ShockSpec(type, at, label, target, newParams, spillover);
  }

  public double param(String name) {
    Double v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException(type.configName() + " shock has no parameter " + name);
    }
    return v;
  }
}
