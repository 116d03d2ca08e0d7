package dev.cascade.ledger;

/** How an account may trade. */
public enum AccountKind {
  /** Buys only with cash it has, sells only units it holds: no borrowing, no shorting. */
  CASH,
  /**
   * May borrow and short within a gross-exposure limit: gross exposure after the order must not
   * exceed {@code leverage} times equity (the intraday buying power of a pattern-day-trader margin
   * account is 4x under FINRA Rule 4210; margin calls and maintenance come with the margin
   * package).
   */
  MARGIN,
  /** The world outside the simulation: source of endowments and flows; may go negative. */
  EXTERNAL,
  /** A venue's fee account. */
  VENUE
}
