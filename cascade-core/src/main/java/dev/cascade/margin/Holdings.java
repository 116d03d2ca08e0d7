package dev.cascade.margin;

import dev.cascade.ledger.Ledger;
import dev.cascade.market.Instrument;
import java.util.List;

/**
 * A reusable view of one account's positions at the ledger's marks, with at most one position
 * replaced by a hypothetical one (the position an order would leave). Reused for every check, so a
 * pre-trade check allocates nothing.
 */
public final class Holdings {
  private final Ledger ledger;
  private final List<Instrument> instruments;
  private int account;
  private int overridden = -1;
  private long overridePosition;
  private long overridePrice;

  public Holdings(Ledger ledger, List<Instrument> instruments) {
    this.ledger = ledger;
    this.instruments = List.copyOf(instruments);
  }

  /** Points the view at an account's actual positions. */
  public Holdings of(int account) {
    this.account = account;
    this.overridden = -1;
    return this;
  }

  /** Points the view at an account with one position replaced (lots) and valued at a price. */
  public Holdings with(int account, int instrument, long position, long priceTicks) {
    this.account = account;
    this.overridden = instrument;
    this.overridePosition = position;
    this.overridePrice = priceTicks;
    return this;
  }

  public int account() {
    return account;
  }

  public int size() {
    return instruments.size();
  }

  public Instrument instrument(int i) {
    return instruments.get(i);
  }

  /** Position, lots. */
  public long position(int i) {
    return i == overridden ? overridePosition : ledger.position(account, i);
  }

  /** Mark, ticks. */
  public long markTicks(int i) {
    return i == overridden ? Math.max(overridePrice, ledger.mark(i)) : ledger.mark(i);
  }
}
