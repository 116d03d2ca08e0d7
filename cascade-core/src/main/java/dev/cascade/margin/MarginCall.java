package dev.cascade.margin;

/**
 * One margin call: who, why, how much and until when, and how it ended.
 *
 * @param account the account called
 * @param cause its cause id (kind {@code MARGIN_CALL})
 * @param amountMicro maintenance requirement minus equity when issued, micro-units
 * @param issuedNanos when
 * @param deadlineNanos when the broker liquidates if it is still unmet
 * @param outcome how it ended
 * @param liquidationOrders orders the broker sent for it
 */
public record MarginCall(
    int account,
    int cause,
    long amountMicro,
    long issuedNanos,
    long deadlineNanos,
    Outcome outcome,
    int liquidationOrders) {

  /** How a call ended. */
  public enum Outcome {
    /** Still open. */
    OPEN,
    /** Equity came back above maintenance before the broker sold anything. */
    MET,
    /** The broker liquidated and the account is compliant again (or flat). */
    LIQUIDATED
  }

  MarginCall with(Outcome o, int orders) {
    return new MarginCall(account, cause, amountMicro, issuedNanos, deadlineNanos, o, orders);
  }
}
