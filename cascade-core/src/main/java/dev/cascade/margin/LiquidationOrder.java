package dev.cascade.margin;

import java.util.Locale;
import java.util.Optional;

/** In what order a broker sells an account's positions when a margin call is not met. */
public enum LiquidationOrder {
  /** The positions in the most traded instruments (by notional traded so far) first. */
  MOST_LIQUID_FIRST,
  /**
   * The positions with the largest unrealised gain first (commentary 001's "sell their winners").
   */
  BIGGEST_WINNERS_FIRST,
  /** Every position by the same fraction. */
  PRO_RATA;

  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<LiquidationOrder> fromConfigName(String s) {
    for (LiquidationOrder o : values()) {
      if (o.configName().equals(s)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
