package dev.cascade.derivatives;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One listed option series and its open interest.
 *
 * @param symbol the exchange symbol, e.g. {@code SPXW1128A1075-E}, or a generated name
 * @param type call or put
 * @param strike strike, dollars (index points)
 * @param expiry the settlement instant, exchange local time (ET for CBOE)
 * @param openInterest open contracts, each on {@code multiplier} units of the underlying
 * @param bid best bid, dollars per unit of underlying; 0 when absent
 * @param ask best offer, dollars per unit of underlying; 0 when absent
 */
public record OptionContract(
    String symbol,
    OptionType type,
    double strike,
    LocalDateTime expiry,
    long openInterest,
    double bid,
    double ask) {

  /** Units of underlying per contract for index options such as SPX: 100. */
  public static final int MULTIPLIER = 100;

  public OptionContract {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(expiry, "expiry");
    if (!(strike > 0) || Double.isInfinite(strike)) {
      throw new IllegalArgumentException("strike must be positive: " + strike);
    }
    if (openInterest < 0) {
      throw new IllegalArgumentException("open interest must be >= 0: " + openInterest);
    }
    if (!(bid >= 0) || !(ask >= 0) || Double.isInfinite(bid + ask)) {
      throw new IllegalArgumentException("bid and ask must be >= 0: " + bid + ", " + ask);
    }
  }

  /** The mid price (dollars) when there is a two-sided market with ask &gt; 0 and ask &ge; bid. */
  public OptionalDouble mid() {
    return ask > 0 && bid > 0 && ask >= bid
        ? OptionalDouble.of((bid + ask) / 2)
        : OptionalDouble.empty();
  }
}
