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
 * @param walk whether the factor also drives the loaded instruments' calm value walks (their
 *     one-second steps share its draws), not only the spillover of news
 */
public record FactorSpec(String name, double volPct, Map<String, Double> loadings, boolean walk) {
  public FactorSpec {
    Objects.requireNonNull(name, "name");
    loadings = Map.copyOf(loadings);
    if (!(volPct > 0)) {
      throw new IllegalArgumentException("a factor's volPct must be above 0");
    }
  }

  /** A factor that drives the calm walks too (the default). */
  public FactorSpec(String name, double volPct, Map<String, Double> loadings) {
    this(name, volPct, loadings, true);
  }

  /** The instrument's loading on this factor, 0 when it has none. */
  public double loading(String symbol) {
    return loadings.getOrDefault(symbol, 0.0);
  }
}
