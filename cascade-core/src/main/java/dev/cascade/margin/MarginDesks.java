package dev.cascade.margin;

import dev.cascade.ledger.MarginCheck;
import java.util.List;

/** The pre-trade check of several brokers: each account is decided by the broker covering it. */
public final class MarginDesks implements MarginCheck {
  private final List<PrimeBroker> brokers;

  public MarginDesks(List<PrimeBroker> brokers) {
    this.brokers = List.copyOf(brokers);
  }

  @Override
  public boolean covers(int account) {
    for (PrimeBroker b : brokers) {
      if (b.covers(account)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean admits(int account, int instrument, long positionAfter, long priceTicks) {
    for (PrimeBroker b : brokers) {
      if (b.covers(account)) {
        return b.admits(account, instrument, positionAfter, priceTicks);
      }
    }
    return true;
  }
}
