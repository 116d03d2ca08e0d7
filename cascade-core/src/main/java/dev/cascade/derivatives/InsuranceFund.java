package dev.cascade.derivatives;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Scheduler;
import dev.cascade.ledger.Ledger;
import dev.cascade.margin.Backstop;
import dev.cascade.margin.PrimeBroker;
import java.util.ArrayList;
import java.util.List;

/**
 * A perpetual venue's insurance fund and auto-deleveraging (ADL), the backstop of its liquidation
 * engine (Binance and Bybit work this way; see docs/model.md §11).
 *
 * <p>When liquidation orders cannot close a position before the account's equity reaches zero, the
 * fund takes the rest over at the bankruptcy price (an off-book transfer, so the bankrupt account
 * ends with zero equity up to rounding, which the fund settles in cash). While the fund's equity is
 * at or below {@code stopBelowMicro} it stops taking positions over, and ADL closes the bankrupt
 * position against the venue's accounts holding the opposite side, ranked by profit% x leverage
 * (profit% = unrealised gain / entry value, leverage = notional / equity), highest first, at the
 * bankruptcy price. Every ADL transfer records an {@code ADL} cause whose parent is the margin
 * call. All transfers are balanced ledger entries, so nothing is created or lost.
 */
public final class InsuranceFund implements Backstop {
  private final Ledger ledger;
  private final CauseLog causes;
  private final Scheduler clock;
  private final PrimeBroker venue;
  private final int account;
  private final long stopBelowMicro;
  private long absorbed;
  private int takeovers;
  private int adlEvents;
  private long adlLots;

  /**
   * @param account the fund's account (funded by the caller)
   * @param venue the venue whose accounts ADL may close against
   * @param stopBelowMicro the fund stops taking positions over at or below this equity
   */
  public InsuranceFund(
      Ledger ledger,
      CauseLog causes,
      Scheduler clock,
      PrimeBroker venue,
      int account,
      long stopBelowMicro) {
    this.ledger = ledger;
    this.causes = causes;
    this.clock = clock;
    this.venue = venue;
    this.account = account;
    this.stopBelowMicro = stopBelowMicro;
  }

  public int account() {
    return account;
  }

  /** The fund's equity at the current marks, micro-units. */
  public long balance() {
    return ledger.equity(account);
  }

  /** Deficits and positions taken over so far. */
  public int takeovers() {
    return takeovers;
  }

  /** Bankruptcy losses the fund has paid in cash, micro-units. */
  public long absorbed() {
    return absorbed;
  }

  /** ADL transfers made. */
  public int adlEvents() {
    return adlEvents;
  }

  /** Lots closed by ADL. */
  public long adlLots() {
    return adlLots;
  }

  @Override
  public void absorb(int bankrupt, int instrument, long bankruptcyPriceTicks, int cause) {
    long pos = ledger.position(bankrupt, instrument);
    if (pos == 0) {
      return;
    }
    long price = Math.max(1, bankruptcyPriceTicks);
    if (ledger.equity(account) > stopBelowMicro) {
      transfer(bankrupt, account, instrument, pos, price);
      takeovers++;
    } else {
      deleverage(bankrupt, instrument, pos, price, cause);
    }
    // Rounding of the bankruptcy price (and a position ADL could not fully close) leaves the
    // bankrupt account a small residue: the fund settles it, so the account ends flat at zero.
    long e = ledger.equity(bankrupt);
    if (ledger.position(bankrupt, instrument) == 0 && e != 0) {
      if (e < 0) {
        ledger.transferCash(account, bankrupt, -e);
        absorbed -= e;
      } else {
        ledger.transferCash(bankrupt, account, e);
      }
    }
  }

  /** Moves {@code pos} lots (signed, as held by {@code from}) from one account to another. */
  private void transfer(int from, int to, int instrument, long pos, long price) {
    if (pos > 0) {
      ledger.transferAtPrice(instrument, to, from, price, pos);
    } else {
      ledger.transferAtPrice(instrument, from, to, price, -pos);
    }
  }

  private void deleverage(int bankrupt, int instrument, long pos, long price, int cause) {
    List<long[]> ranked = new ArrayList<>();
    for (int a : venue.accounts()) {
      long p = ledger.position(a, instrument);
      if (a == bankrupt || p == 0 || Long.signum(p) == Long.signum(pos)) {
        continue;
      }
      double entry = ledger.entryPrice(a, instrument);
      double mark = ledger.mark(instrument);
      double profitPct = entry == 0 ? 0 : (mark - entry) / entry * Long.signum(p);
      long equity = ledger.equity(a);
      double notional = Math.abs((double) p) * mark;
      double leverage = equity <= 0 ? Double.MAX_VALUE : notional / equity;
      if (profitPct <= 0) {
        continue;
      }
      ranked.add(new long[] {a, Double.doubleToLongBits(profitPct * leverage)});
    }
    ranked.sort(
        (x, y) -> Double.compare(Double.longBitsToDouble(y[1]), Double.longBitsToDouble(x[1])));
    long left = Math.abs(pos);
    for (long[] r : ranked) {
      if (left == 0) {
        break;
      }
      int a = (int) r[0];
      long take = Math.min(left, Math.abs(ledger.position(a, instrument)));
      causes.record(
          CauseKind.ADL,
          -1,
          cause,
          clock.now(),
          "ADL " + ledger.name(a) + " against " + ledger.name(bankrupt));
      // the counterparty closes `take` lots of its opposite position at the bankruptcy price
      transfer(bankrupt, a, instrument, Long.signum(pos) * take, price);
      left -= take;
      adlEvents++;
      adlLots += take;
    }
  }
}
