package dev.cascade.scenario;

/**
 * The rule from an inflation print to the move of discount rates (docs/model.md §12, "Shocks from
 * the news"): rates move by {@code surprisePp x bpPerPp} basis points, the surprise (actual less
 * expected, percentage points) times the yield's sensitivity to it, on the target or on every
 * rate-sensitive instrument, as a {@code yield} shock of that size.
 */
public final class Inflation {
  public static final String SURPRISE_PP = "surprisePp";
  public static final String BP_PER_PP = "bpPerPp";

  private Inflation() {}

  /** The move of the discount rate, basis points. */
  public static double bp(ShockSpec s) {
    return s.param(SURPRISE_PP) * s.param(BP_PER_PP);
  }
}
