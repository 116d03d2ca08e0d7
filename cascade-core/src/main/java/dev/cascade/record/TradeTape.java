package dev.cascade.record;

import dev.cascade.analytics.TapeTrade;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every trade of a run in memory, as the cause-chain analysis reads them. */
public final class TradeTape implements MarketListener {
  private final List<TapeTrade> trades = new ArrayList<>();

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
    double notional =
        (double) price
            * qty
            * instrument.cashPerTickLot()
            / Instrument.CASH_UNITS_PER_CURRENCY_UNIT;
    trades.add(
        new TapeTrade(
            time,
            instrument.symbol(),
            instrument.price(price),
            qty,
            notional,
            aggressor == Side.BUY,
            buyCause,
            sellCause));
  }

  public List<TapeTrade> trades() {
    return Collections.unmodifiableList(trades);
  }
}
