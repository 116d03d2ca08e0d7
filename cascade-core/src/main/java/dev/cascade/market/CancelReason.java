package dev.cascade.market;

/** Why a resting order left the book without trading. */
public enum CancelReason {
  /** Its owner cancelled it (or reduced it: the reduced part). */
  USER,
  /**
   * Self-trade prevention: an incoming order of the same account would have traded with it. The
   * resting order is cancelled and the incoming one continues (CME's "cancel resting" mode).
   */
  SELF_TRADE,
  /** The exchange removed it: end of session, or a halt that clears the book. */
  EXCHANGE
}
