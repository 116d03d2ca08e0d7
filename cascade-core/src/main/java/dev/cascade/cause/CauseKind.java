package dev.cascade.cause;

import java.util.Locale;

/** Why an order was sent, by mechanism. */
public enum CauseKind {
  /** The root of everything else: the simulation's own start (endowments, initial quotes). */
  GENESIS(false),
  /** A scenario shock: news, a macro print, a flow, a margin-rate change. */
  SHOCK(false),
  /** Liquidity-motivated noise trading. */
  NOISE(false),
  /** A market maker's quote. */
  QUOTE(false),
  /** A fundamental investor trading towards its value estimate. */
  FUNDAMENTAL(false),
  /** A momentum or trend signal. */
  MOMENTUM(false),
  /** An options dealer's delta hedge. */
  HEDGE(true),
  /** A systematic fund's rebalance (vol target, risk parity). */
  REBALANCE(true),
  /** A margin call issued by a prime broker or clearing house. */
  MARGIN_CALL(true),
  /** An order sent to liquidate an account that did not meet its call. */
  LIQUIDATION(true),
  /** Auto-deleveraging of a profitable opposite position. */
  ADL(true),
  /** A stop order triggered by a print through its level. */
  STOP(true),
  /** A fund selling to meet redemptions or buying on inflows. */
  REDEMPTION(true),
  /** A price move: the trades whose prints changed an account's equity. */
  PRICE_MOVE(false),
  /**
   * A child order of an execution algorithm working a scenario's metaorder (TWAP slices); its
   * parent is the metaorder's SHOCK cause. Last in the list so earlier kinds keep their ordinals.
   */
  EXECUTION(false);

  private final boolean forced;

  CauseKind(boolean forced) {
    this.forced = forced;
  }

  /** True for mechanisms whose orders are forced by rules rather than chosen. */
  public boolean forced() {
    return forced;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
