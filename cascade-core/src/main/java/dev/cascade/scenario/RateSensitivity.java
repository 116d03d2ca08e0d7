package dev.cascade.scenario;

/**
 * How an instrument's fundamental value responds to its discount rate, as written in a scenario:
 * dV/V = -D dr + C dr^2 / 2 (see docs/model.md §12).
 *
 * @param duration modified duration, years; 0 means the value does not respond to rates
 * @param convexity convexity, years squared
 * @param yieldPct the starting yield of a bond, percent, or NaN when not a bond (informational: the
 *     yield at time t is yieldPct plus the cumulative shifts of yield and policy shocks)
 */
public record RateSensitivity(double duration, double convexity, double yieldPct) {
  /** Not rate-sensitive. */
  public static final RateSensitivity NONE = new RateSensitivity(0, 0, Double.NaN);

  public RateSensitivity {
    if (!(duration >= 0) || !(convexity >= 0)) {
      throw new IllegalArgumentException("duration and convexity must be >= 0");
    }
  }

  public boolean sensitive() {
    return duration > 0 || convexity > 0;
  }
}
