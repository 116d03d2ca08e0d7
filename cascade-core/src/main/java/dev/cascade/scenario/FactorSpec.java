package dev.cascade.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * A common factor of fundamental values, as written in a scenario's {@code factors} section: news
 * about one instrument is also news about the factors it loads on, and through them about every
 * other instrument that loads on them (docs/model.md §12, "Spillover").
 *
 * @param name the factor's name, as shocks' {@code spillover} lists it
 * @param volPct the factor's annualised volatility, percent (above 0)
 * @param loadings each loaded instrument's exposure to the factor (its beta), by symbol
 */
public record FactorSpec(String name, double volPct, Map<String, Double> loadings) {
  public FactorSpec {
    Objects.requireNonNull(name, "name");
    loadings = Map.copyOf(loadings);
    if (!(volPct > 0)) {
      throw new IllegalArgumentException("a factor's volPct must be above 0");
    }
  }

  /** The instrument's loading on this factor, 0 when it has none. */
  public double loading(String symbol) {
    return loadings.getOrDefault(symbol, 0.0);
  }
}
