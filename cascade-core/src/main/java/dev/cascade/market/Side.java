package dev.cascade.market;

/** The side of an order or of a trade's aggressor. */
public enum Side {
  BUY(1),
  SELL(-1);

  private final int sign;

  Side(int sign) {
    this.sign = sign;
  }

  /** +1 for buys, -1 for sells: the sign of the position change. */
  public int sign() {
    return sign;
  }

  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }
}
