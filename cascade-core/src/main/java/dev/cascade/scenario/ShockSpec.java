package dev.cascade.scenario;

import java.time.OffsetDateTime;
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
 */
public record ShockSpec(
    ShockType type, OffsetDateTime at, String label, String target, Map<String, Double> params) {
  public ShockSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(label, "label");
    params = Map.copyOf(params);
  }

  public double param(String name) {
    Double v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException(type.configName() + " shock has no parameter " + name);
    }
    return v;
  }
}
