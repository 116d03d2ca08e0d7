package dev.cascade.serve;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;

/**
 * Aggressive notional by mechanism so far: every trade is counted once, on its aggressor's side,
 * under the kind of the aggressor order's cause ({@link CauseKind}), as the report's "selling by
 * mechanism" chart counts it. Dollars; sold and bought apart.
 */
final class MechanismFlow implements MarketListener {
  private final CauseLog causes;
  private final double[] sold = new double[CauseKind.values().length];
  private final double[] bought = new double[CauseKind.values().length];

  MechanismFlow(CauseLog causes) {
    this.causes = causes;
  }

  @Override
  public void onTrade(
      long time,
      Instrument instrument,
      long price,
      long qty,
      Side aggressor,
      int buyAccount,
      int sellAccount,
      int buyCause,
      int sellCause) {
    double notional = instrument.notional(price, qty);
    if (aggressor == Side.BUY) {
      bought[causes.kind(buyCause).ordinal()] += notional;
    } else {
      sold[causes.kind(sellCause).ordinal()] += notional;
    }
  }

  /** Dollars sold aggressively by orders of this kind so far. */
  double sold(CauseKind k) {
    return sold[k.ordinal()];
  }

  /** Dollars bought aggressively by orders of this kind so far. */
  double bought(CauseKind k) {
    return bought[k.ordinal()];
  }
}
