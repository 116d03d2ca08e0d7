package dev.cascade.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of shock a scenario can schedule, with the parameters each takes. */
public enum ShockType {
  /**
   * The fundamental value of {@code target} jumps by {@code pct} percent (an earnings surprise).
   */
  FUNDAMENTAL(true, List.of("pct")),
  /**
   * Market makers on {@code target} (or everywhere, without a target) widen spreads by {@code
   * spreadMultiplier} and quote {@code depthMultiplier} of their size for {@code minutes}.
   */
  LIQUIDITY(false, List.of("spreadMultiplier", "depthMultiplier", "minutes")),
  /**
   * The venue multiplies its margin rates on {@code target} by {@code multiplier} (SHFE and Comex
   * raising silver margins, seed 003): every margin account is checked at once.
   */
  MARGIN_RATE(true, List.of("multiplier"));

  private final boolean needsTarget;
  private final List<String> params;

  ShockType(boolean needsTarget, List<String> params) {
    this.needsTarget = needsTarget;
    this.params = params;
  }

  public boolean needsTarget() {
    return needsTarget;
  }

  /** The parameter names this shock requires; no others are allowed. */
  public List<String> params() {
    return params;
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<ShockType> fromConfigName(String s) {
    for (ShockType t : values()) {
      if (t.configName().equals(s)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
