package dev.cascade.margin;

import java.util.Arrays;

/**
 * The multiplier a venue applies to its margin rates per instrument: 1 normally; a margin-rate
 * shock (SHFE and Comex raising silver margins, commentary 003) multiplies it.
 */
public final class VenueRates {
  private final double[] multiplier;

  public VenueRates(int instruments) {
    multiplier = new double[instruments];
    Arrays.fill(multiplier, 1);
  }

  public double multiplier(int instrument) {
    return multiplier[instrument];
  }

  /** Multiplies an instrument's margin rates by {@code factor} (positive). */
  public void scale(int instrument, double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("margin multiplier must be positive");
    }
    multiplier[instrument] *= factor;
  }
}
