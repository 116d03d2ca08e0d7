package dev.cascade.margin;

import dev.cascade.market.Instrument;

/**
 * Strategy-based margin for securities: a fixed fraction of each position's value, longs and shorts
 * alike. Defaults: 50% initial (Federal Reserve Regulation T, 12 CFR 220.12) and 25% maintenance
 * (FINRA Rule 4210(c); FINRA asks 30% of short market value for most shorts, taken as 25% here for
 * symmetry: assumed).
 *
 * @param initialRate fraction of market value, e.g. 0.5
 * @param maintenanceRate fraction of market value, e.g. 0.25
 */
public record RegT(double initialRate, double maintenanceRate) implements MarginPolicy {
  /** Regulation T 50% initial, FINRA 25% maintenance. */
  public static final RegT STANDARD = new RegT(0.50, 0.25);

  public RegT {
    if (!(initialRate > 0 && initialRate <= 1 && maintenanceRate > 0)
        || maintenanceRate > initialRate) {
      throw new IllegalArgumentException("need 0 < maintenance <= initial <= 1");
    }
  }

  @Override
  public long initial(Instrument instrument, long lots, long markTicks) {
    return Math.round(initialRate * MarginPolicy.notional(instrument, lots, markTicks));
  }

  @Override
  public long maintenance(Instrument instrument, long lots, long markTicks) {
    return Math.round(maintenanceRate * MarginPolicy.notional(instrument, lots, markTicks));
  }
}
