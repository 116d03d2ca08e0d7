package dev.cascade.record;

import dev.cascade.analytics.CauseFlow;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;

/**
 * Sums every trade into a {@link CauseFlow} as it prints, for the cause-chain analysis at the end
 * of a run: the tape itself is not kept (it is streamed to trades.csv by whoever wants it), so the
 * memory held grows with the causes, not with the trades.
 */
public final class CauseFlowRecorder implements MarketListener {
  private final CauseFlow flow = new CauseFlow();

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
    flow.add(
        instrument.symbol(),
        instrument.price(price),
        qty,
        notional,
        aggressor == Side.BUY ? buyCause : sellCause);
  }

  /** The flow summed so far. */
  public CauseFlow flow() {
    return flow;
  }
}
