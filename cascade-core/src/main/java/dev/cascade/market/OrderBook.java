package dev.cascade.market;

/**
 * A limit order book for one instrument with price-time priority. Incoming orders match against the
 * best opposite prices first, and within a price against the oldest order first; each trade prints
 * at the resting order's price. What does not trade rests (limit) or is dropped (immediate or
 * cancel). Self-trade prevention cancels the resting order of the same account and lets the
 * incoming order continue.
 *
 * <p>Prices are ticks in {@code [1, maxPriceTicks()]}; quantities are positive lots. Callers (the
 * exchange) validate inputs; a book given invalid input throws {@link IllegalArgumentException}.
 * Trades and cancels are reported synchronously to the {@link BookListener}.
 */
public interface OrderBook {
  /** The value of {@link #bestBid()} and {@link #bestAsk()} when that side is empty. */
  long NO_PRICE = 0L;

  /**
   * Submits an order: it first matches against the opposite side up to {@code price} (inclusive),
   * then rests its remainder at {@code price} unless {@code immediateOrCancel}.
   *
   * @param orderId unique, positive, increasing across the book's life
   * @param price limit in ticks; a market order is an immediate-or-cancel order at a protection
   *     price
   * @return lots filled by this call
   */
  long submit(
      long orderId,
      int account,
      Side side,
      long price,
      long qty,
      int cause,
      boolean immediateOrCancel);

  /**
   * Cancels a resting order (reported to the listener with {@link CancelReason#USER}).
   *
   * @return false if no such order rests
   */
  boolean cancel(long orderId);

  /**
   * Reduces a resting order to {@code newQty} lots, keeping its time priority. Reducing to 0
   * cancels it.
   *
   * @return false if no such order rests or {@code newQty} is not below its remaining quantity
   */
  boolean reduce(long orderId, long newQty);

  /** Lots remaining on a resting order, 0 if it does not rest. */
  long remaining(long orderId);

  /** Side of a resting order, or null. */
  Side side(long orderId);

  /** Price in ticks of a resting order, or {@link #NO_PRICE}. */
  long price(long orderId);

  /** Account of a resting order, or -1. */
  int account(long orderId);

  long bestBid();

  long bestAsk();

  /** Lots resting at the best bid (0 if none). */
  long bestBidSize();

  /** Lots resting at the best ask (0 if none). */
  long bestAskSize();

  /**
   * Top-of-book depth: fills the first price levels of one side, best first.
   *
   * @return the number of levels written (at most {@code prices.length})
   */
  int depth(Side side, long[] prices, long[] sizes);

  /** Total lots resting on one side within {@code levels} price levels of its best price. */
  long depthWithin(Side side, int levels);

  /** Number of resting orders. */
  int orderCount();

  /** Highest price this book accepts, in ticks. */
  long maxPriceTicks();

  /**
   * A hash of the full resting state (every order's id, account, side, price, remaining quantity,
   * in price-time order), for differential tests and determinism checks.
   */
  long stateHash();
}
