package dev.cascade.ledger;

/** The price (ticks) at which the ledger values positions: the last trade, from the exchange. */
@FunctionalInterface
public interface Marks {
  long markTicks(int instrumentId);
}
