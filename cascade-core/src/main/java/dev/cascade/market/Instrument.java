package dev.cascade.market;

import dev.cascade.kernel.SessionKind;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tradable instrument. Prices are in ticks of {@code tickSize} currency units; quantities in lots
 * of {@code lotSize} units; one lot at a price of P currency units is worth P x lotSize x
 * multiplier. Cash is kept in micro-units of the currency, and one tick on one lot must be a whole
 * number of them ({@link #cashPerTickLot()}), so every fill settles exactly.
 *
 * @param id index of the instrument within its simulation, from 0
 * @param symbol ticker, e.g. SPY
 * @param assetClass what it is
 * @param tickSize price increment in currency units (e.g. 0.01 dollars)
 * @param lotSize units per lot (shares, ounces, coins)
 * @param multiplier currency units per unit of price per unit of quantity (1 for cash products)
 * @param currency ISO code, e.g. USD
 * @param session trading hours
 * @param referencePriceTicks the price the simulation starts at, in ticks
 * @param cashPerTickLot cash micro-units for one tick on one lot: tick x lot x multiplier, which
 *     must be whole (the nine-argument constructor derives it)
 */
public record Instrument(
    int id,
    String symbol,
    AssetClass assetClass,
    BigDecimal tickSize,
    BigDecimal lotSize,
    BigDecimal multiplier,
    String currency,
    SessionKind session,
    long referencePriceTicks,
    long cashPerTickLot) {

  /** Cash is kept in micro-units: 1 dollar = 1,000,000. */
  public static final long CASH_UNITS_PER_CURRENCY_UNIT = 1_000_000L;

  private static final BigDecimal MICRO = BigDecimal.valueOf(CASH_UNITS_PER_CURRENCY_UNIT);

  public Instrument {
    if (id < 0) {
      throw new IllegalArgumentException("id must be >= 0: " + id);
    }
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(assetClass, "assetClass");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(session, "session");
    if (tickSize.signum() <= 0 || lotSize.signum() <= 0 || multiplier.signum() <= 0) {
      throw new IllegalArgumentException(symbol + ": tick, lot and multiplier must be positive");
    }
    if (referencePriceTicks <= 0) {
      throw new IllegalArgumentException(symbol + ": reference price must be positive");
    }
    long exact = cashPerTickLotOf(tickSize, lotSize, multiplier); // validates exactness
    if (cashPerTickLot != exact) {
      throw new IllegalArgumentException(
          symbol + ": cash per tick and lot " + cashPerTickLot + " is not tick x lot x multiplier");
    }
  }

  /**
   * An instrument whose cash per tick and lot is derived from its tick, lot and multiplier (once:
   * the hot path of every fill and margin check reads the stored figure).
   */
  public Instrument(
      int id,
      String symbol,
      AssetClass assetClass,
      BigDecimal tickSize,
      BigDecimal lotSize,
      BigDecimal multiplier,
      String currency,
      SessionKind session,
      long referencePriceTicks) {
    this(
        id,
        symbol,
        assetClass,
        tickSize,
        lotSize,
        multiplier,
        currency,
        session,
        referencePriceTicks,
        cashPerTickLotOf(
            Objects.requireNonNull(tickSize, "tickSize"),
            Objects.requireNonNull(lotSize, "lotSize"),
            Objects.requireNonNull(multiplier, "multiplier")));
  }

  /**
   * Cash micro-units per tick per lot, or an exception naming the problem if it is not a whole
   * number (the loader checks this first to give a located error).
   */
  public static long cashPerTickLotOf(BigDecimal tick, BigDecimal lot, BigDecimal multiplier) {
    BigDecimal v = tick.multiply(lot).multiply(multiplier).multiply(MICRO);
    try {
      return v.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "tick x lot x multiplier = "
              + v.divide(MICRO).toPlainString()
              + " is not a whole number of micro-units of currency");
    }
  }

  /** The value in currency units of {@code qty} lots at {@code priceTicks}: a trade's notional. */
  public double notional(long priceTicks, long qty) {
    return (double) priceTicks * qty * cashPerTickLot() / CASH_UNITS_PER_CURRENCY_UNIT;
  }

  /** The price in currency units of a price in ticks. */
  public double price(long ticks) {
    return ticks * tickSize.doubleValue();
  }

  /**
   * The price in ticks of a price in currency units, or -1 if it is not on the tick grid. Used at
   * the edges (scenario levels, CSV inputs), never in matching.
   */
  public long ticksOf(BigDecimal price) {
    BigDecimal[] qr = price.divideAndRemainder(tickSize);
    return qr[1].signum() == 0 ? qr[0].longValueExact() : -1;
  }

  /** The nearest price in ticks to a price in currency units. */
  public long nearestTicks(double price) {
    return Math.round(price / tickSize.doubleValue());
  }

  /** Reference price in currency units. */
  public double referencePrice() {
    return price(referencePriceTicks);
  }
}
