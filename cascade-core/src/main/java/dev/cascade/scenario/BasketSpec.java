package dev.cascade.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * The creation basket of an exchange-traded fund, as written in a scenario.
 *
 * @param weights index weight of each constituent (symbol), fractions summing to 1, file order
 * @param creationUnit fund lots per creation unit (50,000 shares for SPY, State Street SPDR S&P 500
 *     ETF Trust prospectus)
 */
public record BasketSpec(Map<String, Double> weights, long creationUnit) {
  /** Default creation unit, lots (SPY prospectus: 50,000 shares). */
  public static final long DEFAULT_CREATION_UNIT = 50_000;

  public BasketSpec {
    Objects.requireNonNull(weights, "weights");
    weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
    if (weights.isEmpty() || creationUnit <= 0) {
      throw new IllegalArgumentException("a basket needs constituents and a positive unit");
    }
  }
}
