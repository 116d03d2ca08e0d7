package dev.cascade.analytics;

/**
 * One trade of a recorded tape, as the analyses need it.
 *
 * @param time simulated nanos
 * @param symbol instrument
 * @param price trade price, currency units
 * @param qty lots
 * @param notional currency units
 * @param buyAggressor true if the buyer was the taker
 * @param buyCause cause id of the buy order
 * @param sellCause cause id of the sell order
 */
public record TapeTrade(
    long time,
    String symbol,
    double price,
    long qty,
    double notional,
    boolean buyAggressor,
    int buyCause,
    int sellCause) {
  /** The cause of the order that took liquidity: the one that moved the price. */
  public int aggressorCause() {
    return buyAggressor ? buyCause : sellCause;
  }
}
