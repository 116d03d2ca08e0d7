package dev.cascade.ledger;

import dev.cascade.market.Clearing;
import dev.cascade.market.Instrument;
import dev.cascade.market.RejectReason;
import dev.cascade.market.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All accounts of one simulation. Account 0 is the external world, account 1 the venue's fee
 * account. Cash is in micro-units of the currency (a single currency, USD, for now); positions in
 * lots.
 *
 * <p>Pre-trade checks reserve what an order could use: a buy reserves, per lot, its notional at the
 * limit price plus the larger of the taker and maker fee (rounded up), so releases are exact; a
 * sell from a cash account reserves the lots. Margin accounts are checked on gross exposure against
 * equity at the current marks.
 */
public final class Ledger implements Clearing {
  /** The world outside the simulation. */
  public static final int EXTERNAL = 0;

  /** The venue's fee account. */
  public static final int VENUE = 1;

  private final int instruments;
  private final long[] cashPerTickLot;
  private final long takerFeeCentiBps;
  private final long makerFeeCentiBps;
  private final Marks marks;

  private final List<String> names = new ArrayList<>();
  private AccountKind[] kind = new AccountKind[16];
  private double[] leverage = new double[16];
  private long[] cash = new long[16];
  private long[] reservedCash = new long[16];
  private long[][] position = new long[16][];
  private long[][] reservedUnits = new long[16][];
  // Margin accounts: lots on open buy and sell orders per instrument, for the worst-case check.
  private long[][] openBuyLots = new long[16][];
  private long[][] openSellLots = new long[16][];
  private long[] feesPaid = new long[16];
  private int accounts;

  /**
   * @param instruments the simulation's instruments, indexed by id
   * @param takerFeeBps fee on the aggressor's notional, basis points
   * @param makerFeeBps fee on the resting side's notional, basis points (negative = rebate)
   * @param marks where margin checks read prices
   */
  public Ledger(List<Instrument> instruments, double takerFeeBps, double makerFeeBps, Marks marks) {
    this.instruments = instruments.size();
    this.cashPerTickLot = new long[this.instruments];
    for (Instrument i : instruments) {
      cashPerTickLot[i.id()] = i.cashPerTickLot();
    }
    this.takerFeeCentiBps = Math.round(takerFeeBps * 100);
    this.makerFeeCentiBps = Math.round(makerFeeBps * 100);
    this.marks = marks;
    openAccount("external", AccountKind.EXTERNAL, 0);
    openAccount("venue", AccountKind.VENUE, 0);
  }

  /**
   * Opens an account with no cash and no positions.
   *
   * @param leverage for margin accounts, the largest gross exposure as a multiple of equity
   * @return its id
   */
  public int openAccount(String name, AccountKind k, double leverage) {
    if (accounts == kind.length) {
      int cap = accounts * 2;
      kind = Arrays.copyOf(kind, cap);
      this.leverage = Arrays.copyOf(this.leverage, cap);
      cash = Arrays.copyOf(cash, cap);
      reservedCash = Arrays.copyOf(reservedCash, cap);
      position = Arrays.copyOf(position, cap);
      reservedUnits = Arrays.copyOf(reservedUnits, cap);
      openBuyLots = Arrays.copyOf(openBuyLots, cap);
      openSellLots = Arrays.copyOf(openSellLots, cap);
      feesPaid = Arrays.copyOf(feesPaid, cap);
    }
    int id = accounts++;
    names.add(name);
    kind[id] = k;
    this.leverage[id] = leverage;
    position[id] = new long[instruments];
    reservedUnits[id] = new long[instruments];
    openBuyLots[id] = new long[instruments];
    openSellLots[id] = new long[instruments];
    return id;
  }

  public int accountCount() {
    return accounts;
  }

  public String name(int account) {
    return names.get(account);
  }

  public AccountKind kind(int account) {
    return kind[account];
  }

  /** Cash, micro-units. */
  public long cash(int account) {
    return cash[account];
  }

  /** Position, lots. */
  public long position(int account, int instrument) {
    return position[account][instrument];
  }

  /** Fees paid by the account so far, micro-units (negative if it earned rebates). */
  /** Units held and not reserved for resting sell orders (cash accounts), lots. */
  public long freeUnits(int account, int instrument) {
    return position[account][instrument] - reservedUnits[account][instrument];
  }

  public long feesPaid(int account) {
    return feesPaid[account];
  }

  /** Cash not reserved by open buy orders, micro-units. */
  public long freeCash(int account) {
    return cash[account] - reservedCash[account];
  }

  /** Equity at the current marks: cash plus positions valued at the last price, micro-units. */
  public long equity(int account) {
    long e = cash[account];
    long[] pos = position[account];
    for (int i = 0; i < instruments; i++) {
      if (pos[i] != 0) {
        e += pos[i] * marks.markTicks(i) * cashPerTickLot[i];
      }
    }
    return e;
  }

  /** Gross exposure at the current marks: sum of |position| x price, micro-units. */
  public long grossExposure(int account) {
    long g = 0;
    long[] pos = position[account];
    for (int i = 0; i < instruments; i++) {
      if (pos[i] != 0) {
        g += Math.abs(pos[i]) * marks.markTicks(i) * cashPerTickLot[i];
      }
    }
    return g;
  }

  /** Gross exposure at the marks if every open order of a margin account filled, micro-units. */
  private long worstGrossExposure(int account) {
    long g = 0;
    long[] pos = position[account];
    for (int i = 0; i < instruments; i++) {
      long worst =
          Math.max(
              Math.abs(pos[i] + openBuyLots[account][i]),
              Math.abs(pos[i] - openSellLots[account][i]));
      if (worst != 0) {
        g += worst * marks.markTicks(i) * cashPerTickLot[i];
      }
    }
    return g;
  }

  // ---- endowments and transfers: balanced entries against another account ----

  /** Moves cash between accounts (an endowment when {@code from} is {@link #EXTERNAL}). */
  public void transferCash(int from, int to, long micro) {
    if (micro < 0) {
      throw new IllegalArgumentException("negative transfer");
    }
    cash[from] = Math.subtractExact(cash[from], micro);
    cash[to] = Math.addExact(cash[to], micro);
  }

  /** Moves units between accounts (an endowment when {@code from} is {@link #EXTERNAL}). */
  public void transferUnits(int from, int to, int instrument, long lots) {
    if (lots < 0) {
      throw new IllegalArgumentException("negative transfer");
    }
    position[from][instrument] = Math.subtractExact(position[from][instrument], lots);
    position[to][instrument] = Math.addExact(position[to][instrument], lots);
  }

  // ---- Clearing ----

  @Override
  public RejectReason admit(int account, Instrument instrument, Side side, long qty, long limit) {
    int i = instrument.id();
    switch (kind[account]) {
      case CASH:
        if (side == Side.BUY) {
          long need = Math.multiplyExact(qty, buyReservePerLot(i, limit));
          if (cash[account] - reservedCash[account] < need) {
            return RejectReason.INSUFFICIENT_BUYING_POWER;
          }
          reservedCash[account] += need;
        } else {
          if (position[account][i] - reservedUnits[account][i] < qty) {
            return RejectReason.INSUFFICIENT_POSITION;
          }
          reservedUnits[account][i] += qty;
        }
        return null;
      case MARGIN:
        {
          // Gross exposure if this order and every open order on the same side filled: per
          // instrument the larger of |position + open buys| and |position - open sells|.
          long pos = position[account][i];
          long buys = openBuyLots[account][i];
          long sells = openSellLots[account][i];
          long worstNow = Math.max(Math.abs(pos + buys), Math.abs(pos - sells));
          long worstAfter =
              side == Side.BUY
                  ? Math.max(Math.abs(pos + buys + qty), Math.abs(pos - sells))
                  : Math.max(Math.abs(pos + buys), Math.abs(pos - sells - qty));
          long delta = (worstAfter - worstNow) * limit * cashPerTickLot[i];
          long equity = equity(account);
          if (delta > 0
              && worstGrossExposure(account) + delta
                  > (long) (leverage[account] * Math.max(0, equity))) {
            return RejectReason.INSUFFICIENT_BUYING_POWER;
          }
          (side == Side.BUY ? openBuyLots : openSellLots)[account][i] += qty;
          return null;
        }
      default:
        return null;
    }
  }

  @Override
  public void release(int account, Instrument instrument, Side side, long qty, long limit) {
    if (kind[account] == AccountKind.MARGIN) {
      (side == Side.BUY ? openBuyLots : openSellLots)[account][instrument.id()] -= qty;
      return;
    }
    if (kind[account] != AccountKind.CASH || qty == 0) {
      return;
    }
    int i = instrument.id();
    if (side == Side.BUY) {
      reservedCash[account] -= qty * buyReservePerLot(i, limit);
    } else {
      reservedUnits[account][i] -= qty;
    }
  }

  @Override
  public void settle(
      Instrument instrument,
      int buyer,
      int seller,
      long price,
      long qty,
      long buyLimit,
      long sellLimit,
      boolean buyerIsTaker) {
    int i = instrument.id();
    release(buyer, instrument, Side.BUY, qty, buyLimit);
    release(seller, instrument, Side.SELL, qty, sellLimit);
    long notional = Math.multiplyExact(Math.multiplyExact(price, qty), cashPerTickLot[i]);
    long buyerFee = fee(notional, buyerIsTaker ? takerFeeCentiBps : makerFeeCentiBps);
    long sellerFee = fee(notional, buyerIsTaker ? makerFeeCentiBps : takerFeeCentiBps);
    cash[buyer] -= notional + buyerFee;
    cash[seller] += notional - sellerFee;
    cash[VENUE] += buyerFee + sellerFee;
    feesPaid[buyer] += buyerFee;
    feesPaid[seller] += sellerFee;
    position[buyer][i] += qty;
    position[seller][i] -= qty;
  }

  /** The conservation check: every account's cash, and every instrument's units, sum to zero. */
  public Conservation conservation() {
    long c = 0;
    for (int a = 0; a < accounts; a++) {
      c += cash[a];
    }
    for (int i = 0; i < instruments; i++) {
      long u = 0;
      for (int a = 0; a < accounts; a++) {
        u += position[a][i];
      }
      if (u != 0) {
        return new Conservation(c, i, u);
      }
    }
    return new Conservation(c, -1, 0);
  }

  private long buyReservePerLot(int instrument, long limit) {
    long n = limit * cashPerTickLot[instrument];
    long worstFee = Math.max(0, Math.max(takerFeeCentiBps, makerFeeCentiBps));
    // fee rounded up so that the reservation always covers it
    return n + Math.floorDiv(n * worstFee + 999_999, 1_000_000);
  }

  /** Fee on a notional at a rate in hundredths of a basis point, rounded towards minus infinity. */
  static long fee(long notional, long centiBps) {
    // notional * centiBps / 1e6 without overflow for notionals up to ~9e18 / 1e4
    long q = notional / 1_000_000;
    long r = notional % 1_000_000;
    return q * centiBps + Math.floorDiv(r * centiBps, 1_000_000);
  }
}
