package dev.cascade.derivatives;

import java.util.OptionalDouble;

/**
 * Result of {@link ImpliedVol#solve}: the annualised implied volatility (decimal) when {@code
 * status} is {@link ImpliedVolStatus#SOLVED}, otherwise empty with the reason in {@code status}.
 */
public record ImpliedVolResult(OptionalDouble vol, ImpliedVolStatus status) {
  public ImpliedVolResult {
    if (vol.isPresent() != (status == ImpliedVolStatus.SOLVED)) {
      throw new IllegalArgumentException("vol is present exactly when status is SOLVED");
    }
  }

  static ImpliedVolResult solved(double vol) {
    return new ImpliedVolResult(OptionalDouble.of(vol), ImpliedVolStatus.SOLVED);
  }

  static ImpliedVolResult failed(ImpliedVolStatus status) {
    return new ImpliedVolResult(OptionalDouble.empty(), status);
  }

  /** True when a vol was found. */
  public boolean solved() {
    return status == ImpliedVolStatus.SOLVED;
  }
}
