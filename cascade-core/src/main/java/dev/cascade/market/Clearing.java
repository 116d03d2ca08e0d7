package dev.cascade.market;

/**
 * What the exchange needs from the ledger: a pre-trade buying-power check and the settlement of
 * each fill. The ledger implements it; the exchange knows accounts only as integer ids.
 */
public interface Clearing {
  /**
   * Checks that an account may send an order and, if it may, reserves what the order could use
   * (cash for buys at {@code limitPrice}, units for sells from a cash account).
   *
   * @return null if admitted, otherwise the reason to reject
   */
  RejectReason admit(int account, Instrument instrument, Side side, long qty, long limitPrice);

  /** Releases the reservation of {@code qty} lots of an admitted order at its limit price. */
  void release(int account, Instrument instrument, Side side, long qty, long limitPrice);

  /**
   * Settles one fill between a buyer and a seller: cash against units, fees to the venue. Also
   * releases the reservation of the filled lots at each side's limit price.
   *
   * @param price trade price in ticks
   * @param buyLimit the buy order's limit in ticks (its reservation price)
   * @param sellLimit the sell order's limit in ticks
   * @param buyerIsTaker true if the buyer was the aggressor (pays the taker fee)
   */
  void settle(
      Instrument instrument,
      int buyer,
      int seller,
      long price,
      long qty,
      long buyLimit,
      long sellLimit,
      boolean buyerIsTaker);
}
