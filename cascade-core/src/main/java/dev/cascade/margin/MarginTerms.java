package dev.cascade.margin;

import java.util.Objects;

/**
 * The terms of a margin agreement as the broker applies them. Defaults ({@link #broker()}) are
 * assumed: brokers monitor intraday and in stress demand cover the same day, so a one-day
 * simulation uses a 30-minute deadline; a crypto venue ({@link #venue()}) liquidates at once.
 *
 * @param checkSeconds seconds between scheduled checks of every account
 * @param moveTriggerPct a trade this far (percent) from the price at the last check triggers a
 *     check at once
 * @param deadlineSeconds time the account has to meet a call before the broker liquidates (0:
 *     liquidate at once)
 * @param retrySeconds after liquidation orders, seconds until the account is looked at again
 * @param buffer liquidation aims at maintenance x (1 + buffer) <= equity, a fraction
 * @param order which positions go first
 * @param iocAtBankruptcy true to send IOC orders limited at the price that would wipe out the
 *     account's equity (a crypto venue's liquidation engine), false for market orders
 */
public record MarginTerms(
    double checkSeconds,
    double moveTriggerPct,
    double deadlineSeconds,
    double retrySeconds,
    double buffer,
    LiquidationOrder order,
    boolean iocAtBankruptcy) {
  public MarginTerms {
    Objects.requireNonNull(order, "order");
    if (!(checkSeconds > 0)
        || !(moveTriggerPct > 0)
        || deadlineSeconds < 0
        || !(retrySeconds > 0)
        || buffer < 0) {
      throw new IllegalArgumentException("bad margin terms");
    }
  }

  /** A prime broker: checks every minute and on 2% moves, 30 minutes to meet a call. */
  public static MarginTerms broker() {
    return new MarginTerms(60, 2, 1800, 10, 0.10, LiquidationOrder.MOST_LIQUID_FIRST, false);
  }

  /** A crypto venue: checks every second and on 0.5% moves, liquidates at once with IOCs. */
  public static MarginTerms venue() {
    return new MarginTerms(1, 0.5, 0, 1, Double.POSITIVE_INFINITY, LiquidationOrder.PRO_RATA, true);
  }

  public MarginTerms withOrder(LiquidationOrder o) {
    return new MarginTerms(
        checkSeconds, moveTriggerPct, deadlineSeconds, retrySeconds, buffer, o, iocAtBankruptcy);
  }

  public MarginTerms withDeadlineSeconds(double s) {
    return new MarginTerms(
        checkSeconds, moveTriggerPct, s, retrySeconds, buffer, order, iocAtBankruptcy);
  }
}
