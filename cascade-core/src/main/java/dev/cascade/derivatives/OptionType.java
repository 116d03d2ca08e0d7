package dev.cascade.derivatives;

/** Call or put on a European option. */
public enum OptionType {
  CALL(1),
  PUT(-1);

  private final int sign;

  OptionType(int sign) {
    this.sign = sign;
  }

  /** +1 for a call, -1 for a put: the omega in {@code omega * (F - K)} payoff formulas. */
  public int sign() {
    return sign;
  }
}
