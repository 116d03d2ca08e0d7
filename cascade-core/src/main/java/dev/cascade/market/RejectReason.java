package dev.cascade.market;

/**
 * Why the exchange refused an order. Expected outcomes, not exceptions: an agent gets the reason
 * back and decides what to do. Grouped by subsystem: 1x routing, 2x price and size, 3x market
 * state, 4x clearing.
 */
public enum RejectReason {
  UNKNOWN_INSTRUMENT(10),
  UNKNOWN_ORDER(11),
  NOT_ORDER_OWNER(12),
  OFF_TICK(20),
  INVALID_PRICE(21),
  INVALID_QUANTITY(22),
  PRICE_OUT_OF_RANGE(23),
  NO_LIQUIDITY(24),
  /** More lots than {@link EngineLimits#maxOrderLots}: the order's value could not be settled. */
  QUANTITY_TOO_LARGE(25),
  /** A limit price beyond the instrument's daily price limit (limit up or limit down). */
  BEYOND_DAILY_LIMIT(26),
  SESSION_CLOSED(30),
  HALTED(31),
  INSUFFICIENT_BUYING_POWER(40),
  INSUFFICIENT_POSITION(41);

  private final int code;

  RejectReason(int code) {
    this.code = code;
  }

  /** A stable numeric code, used as the negative return value of order submission. */
  public int code() {
    return code;
  }

  /** The reason for a negative submission result. */
  public static RejectReason ofResult(long negativeResult) {
    int c = (int) -negativeResult;
    for (RejectReason r : values()) {
      if (r.code == c) {
        return r;
      }
    }
    throw new IllegalArgumentException("not a reject result: " + negativeResult);
  }
}
