package dev.cascade.margin;

import dev.cascade.market.Instrument;

/**
 * How much equity an account must hold against its positions. A requirement is in micro-units of
 * currency. The initial requirement must be met to add risk; when equity falls below the
 * maintenance requirement the account is called.
 *
 * <p>Every policy here is a sum over positions (no offsets between instruments: each is its own
 * class group, as in FINRA Rule 4210(g) portfolio margin for unrelated single stocks), so the
 * account requirement is the sum of the per-position ones.
 */
public interface MarginPolicy {
  /**
   * Initial requirement of one position, micro-units.
   *
   * @param lots signed position, lots
   * @param markTicks price it is valued at, ticks
   */
  long initial(Instrument instrument, long lots, long markTicks);

  /** Maintenance requirement of one position, micro-units; never above the initial. */
  long maintenance(Instrument instrument, long lots, long markTicks);

  /** Initial requirement of an account, micro-units. */
  default long initial(Holdings h) {
    long r = 0;
    for (int i = 0; i < h.size(); i++) {
      long p = h.position(i);
      if (p != 0) {
        r += initial(h.instrument(i), p, h.markTicks(i));
      }
    }
    return r;
  }

  /** Maintenance requirement of an account, micro-units. */
  default long maintenance(Holdings h) {
    long r = 0;
    for (int i = 0; i < h.size(); i++) {
      long p = h.position(i);
      if (p != 0) {
        r += maintenance(h.instrument(i), p, h.markTicks(i));
      }
    }
    return r;
  }

  /** The absolute value of a position at a price, micro-units. */
  static long notional(Instrument instrument, long lots, long markTicks) {
    return Math.multiplyExact(Math.abs(lots), markTicks) * instrument.cashPerTickLot();
  }
}
