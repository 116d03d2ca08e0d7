package dev.cascade.market;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The engine's hard limits, in one place. The engine's own checks read them (the exchange's order
 * ids, the books' price ladders, the exchange's order-size check), and the scenario loader refuses
 * any file that would cross one with a located error, so a scenario {@code cascade validate}
 * accepts is one {@code cascade run} can run. docs/scenario-format.md states each with its value.
 *
 * <p>Money is a {@code long} of micro-units ({@link Instrument#CASH_UNITS_PER_CURRENCY_UNIT}), at
 * most about 9.2e18, i.e. 9.2 trillion currency units. The money limits below keep every amount the
 * engine forms (a fill's notional, the fee reserved on it, an endowment's total) far inside that
 * range: the ledger's exact arithmetic then never overflows on a scenario the loader accepted.
 */
public final class EngineLimits {
  private EngineLimits() {}

  /** Bits of an order id that carry its instrument ({@link Exchange}). */
  static final int INSTRUMENT_BITS = 10;

  /** Instruments in one simulation: 1,024, because order ids carry the instrument in 10 bits. */
  public static final int MAX_INSTRUMENTS = 1 << INSTRUMENT_BITS;

  /**
   * Highest price a book can accept, ticks: {@link LadderOrderBook} indexes its levels by an {@code
   * int}. Books accept up to {@link #maxBookPriceTicks} of an instrument's start price.
   */
  public static final long MAX_BOOK_PRICE_TICKS = Integer.MAX_VALUE - 64;

  /** A book accepts prices up to this multiple of the instrument's start price... */
  public static final long BOOK_PRICE_MULTIPLE = 4;

  /** ...and at least up to this many ticks, so a low-priced instrument can still rise. */
  public static final long MIN_BOOK_PRICE_TICKS = 1_000;

  /**
   * One lot at the highest price its book accepts, micro-units: 1e14, i.e. 100 million currency
   * units (a lot of gold futures at four times today's price is under 2 million). Keeps a lot's fee
   * (up to 100 bps, {@code value x 10^4} centi-bps in the ledger) inside a {@code long}.
   */
  public static final long MAX_LOT_VALUE_MICRO = 100_000_000_000_000L;

  /**
   * One order at the highest price its book accepts, micro-units: 1e18, i.e. a trillion currency
   * units. The exchange rejects a larger order ({@link RejectReason#QUANTITY_TOO_LARGE}), so no
   * fill's notional can overflow.
   */
  public static final long MAX_ORDER_VALUE_MICRO = 1_000_000_000_000_000_000L;

  /**
   * Every agent's cash plus its holdings valued at the highest prices their books accept, summed
   * over the scenario (and the perpetual venue's insurance fund), micro-units: 1e17, i.e. 100
   * billion currency units. The outside world pays every endowment, so its account holds minus this
   * sum; the ninety-fold headroom to a {@code long}'s range leaves room for leverage and moves.
   */
  public static final long MAX_ENDOWMENT_MICRO = 100_000_000_000_000_000L;

  /**
   * Earliest simulated time: 1971-01-01T00:00Z. Simulated time is nanoseconds since the epoch, and
   * the engine uses 0 and below as "never"; a year of margin keeps sessions looked up a day early
   * above it.
   */
  public static final Instant EARLIEST_TIME = Instant.parse("1971-01-01T00:00:00Z");

  /**
   * Latest simulated time: 2200-01-01T00:00Z. Nanoseconds since the epoch overflow a {@code long}
   * in April 2262; the 62 years between leave room for what a run schedules past its end (option
   * expiries up to about 61 years out, the latest a dealer's parameters allow).
   */
  public static final Instant LATEST_TIME = Instant.parse("2200-01-01T00:00:00Z");

  /**
   * The highest price, ticks, that the book of an instrument starting at {@code referenceTicks}
   * accepts.
   */
  public static long maxBookPriceTicks(long referenceTicks) {
    return Math.max(MIN_BOOK_PRICE_TICKS, BOOK_PRICE_MULTIPLE * referenceTicks);
  }

  /**
   * One lot at the highest price its book accepts, micro-units, exactly (it may exceed a {@code
   * long} for an instrument the loader would refuse).
   */
  public static BigInteger lotValueAtBookMaxMicro(long referenceTicks, long cashPerTickLot) {
    return BigInteger.valueOf(maxBookPriceTicks(referenceTicks))
        .multiply(BigInteger.valueOf(cashPerTickLot));
  }

  /**
   * The largest order, lots, the exchange accepts on an instrument: {@link #MAX_ORDER_VALUE_MICRO}
   * at the highest price its book accepts.
   */
  public static long maxOrderLots(Instrument instrument) {
    BigInteger perLot =
        lotValueAtBookMaxMicro(instrument.referencePriceTicks(), instrument.cashPerTickLot());
    return BigInteger.valueOf(MAX_ORDER_VALUE_MICRO).divide(perLot).max(BigInteger.ONE).longValue();
  }
}
