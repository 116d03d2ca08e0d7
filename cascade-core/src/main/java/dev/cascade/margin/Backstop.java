package dev.cascade.margin;

/**
 * What a venue does with the part of a position its liquidation orders could not close before the
 * account's equity ran out: an insurance fund takes it over at the bankruptcy price and, when the
 * fund is depleted, auto-deleveraging closes it against profitable opposite positions.
 */
@FunctionalInterface
public interface Backstop {
  /**
   * Takes over an account's remaining position in one instrument.
   *
   * @param account its equity is at or below zero
   * @param bankruptcyPriceTicks the price at which the account's equity is exactly zero
   * @param cause the margin call's cause id, parent of whatever this does
   */
  void absorb(int account, int instrument, long bankruptcyPriceTicks, int cause);
}
