package dev.cascade.ledger;

/**
 * A pre-trade margin check that the margin package provides and the ledger consults for margin
 * accounts (the ledger defines it so that it needs nothing from the packages below it). An order
 * that does not increase the size of a position is always admitted: a margin account may always
 * reduce risk.
 */
public interface MarginCheck {
  /**
   * Whether this check decides for {@code account}; if not, the ledger's gross-leverage check does.
   */
  boolean covers(int account);

  /**
   * Whether {@code account} may hold {@code positionAfter} lots of {@code instrument}, valued at
   * {@code priceTicks}, with every other position unchanged: its equity must cover the initial
   * requirement of the resulting portfolio.
   */
  boolean admits(int account, int instrument, long positionAfter, long priceTicks);
}
