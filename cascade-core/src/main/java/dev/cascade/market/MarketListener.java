package dev.cascade.market;

/**
 * Receives what the exchange does, after matching has settled: trades, halts. Listeners must not
 * submit orders from these callbacks (agents learn of fills through scheduled wake-ups instead).
 */
public interface MarketListener {
  /**
   * A trade.
   *
   * @param time simulated nanos
   * @param price ticks
   * @param qty lots
   * @param aggressor side of the taker
   * @param buyCause cause id of the buy order
   * @param sellCause cause id of the sell order
   */
  void onTrade(
      long time,
      Instrument instrument,
      long price,
      long qty,
      Side aggressor,
      int buyAccount,
      int sellAccount,
      int buyCause,
      int sellCause);

  /**
   * Trading in an instrument stops until {@code untilNanos}.
   *
   * @param reason e.g. "market-wide level 1 (-7.0%)" or "price band"
   */
  default void onHalt(long time, Instrument instrument, long untilNanos, String reason) {}
}
