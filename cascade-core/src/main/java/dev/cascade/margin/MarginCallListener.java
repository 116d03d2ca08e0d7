package dev.cascade.margin;

/** Told when an account is called, so its owner can act before the deadline. */
@FunctionalInterface
public interface MarginCallListener {
  /**
   * @param account the account called
   * @param cause the margin call's cause id
   * @param amountMicro the deficit, micro-units of currency
   */
  void onMarginCall(int account, int cause, long amountMicro);
}
