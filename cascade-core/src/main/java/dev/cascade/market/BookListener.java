package dev.cascade.market;

/**
 * Receives what an order book does, synchronously, while it matches. Implementations must not call
 * back into the book. Arguments are primitives so the hot path allocates nothing.
 */
public interface BookListener {
  /**
   * A trade at the resting (maker) order's price.
   *
   * @param price trade price in ticks
   * @param qty lots traded
   * @param aggressor side of the incoming (taker) order
   * @param makerRemaining lots left on the maker order after this trade (0 = filled and removed)
   */
  void onTrade(
      long price,
      long qty,
      Side aggressor,
      long makerOrderId,
      int makerAccount,
      int makerCause,
      long takerOrderId,
      int takerAccount,
      int takerCause,
      long makerRemaining);

  /**
   * A resting order left the book without trading: cancelled by its owner, or by self-trade
   * prevention.
   *
   * @param qty lots that were resting and are now gone
   */
  void onCancel(long orderId, int account, Side side, long price, long qty, CancelReason reason);
}
