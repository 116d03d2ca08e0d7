package dev.cascade.ledger;

/**
 * The result of a conservation check: the sum of cash over all accounts (must be 0) and the
 * instrument whose units do not sum to 0, if any.
 *
 * @param cashSum sum of every account's cash, micro-units (0 when conserved)
 * @param unbalancedInstrument id of the first instrument whose positions do not sum to 0, or -1
 * @param unitSum that instrument's sum of positions, lots (0 when conserved)
 */
public record Conservation(long cashSum, int unbalancedInstrument, long unitSum) {
  public boolean holds() {
    return cashSum == 0 && unbalancedInstrument < 0;
  }

  @Override
  public String toString() {
    return holds()
        ? "conserved"
        : "NOT conserved: cash sum "
            + cashSum
            + (unbalancedInstrument >= 0
                ? ", instrument " + unbalancedInstrument + " units sum " + unitSum
                : "");
  }
}
