package dev.cascade.ledger;

import dev.cascade.market.AssetClass;
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
 * sell from a cash account reserves the lots. Margin accounts are checked by the {@link
 * MarginCheck} when one covers them, otherwise on gross exposure against equity at the current
 * marks.
 *
 * <p>Futures and perpetuals ({@link #settlesByVariation}) never exchange notional. Each such
 * instrument has a settlement price S (ticks, starting at the reference price). A fill of q lots at
 * price P moves q x (P - S) x cashPerTickLot from buyer to seller; variation margin at a new mark M
 * pays every account pos x (M - S) x cashPerTickLot and sets S = M; funding charges every account
 * pos x (a whole number of micro-units per lot). Positions sum to zero over all accounts, so each
 * of these sums to zero exactly: conservation needs no clearing account. Equity values such a
 * position at pos x (mark - S) x cashPerTickLot.
 */
public final class Ledger implements Clearing {
  /** The world outside the simulation. */
  public static final int EXTERNAL = 0;

  /** The venue's fee account. */
  public static final int VENUE = 1;

  /** The names of {@link #EXTERNAL} and {@link #VENUE}. */
  public static final String EXTERNAL_NAME = "external";

  public static final String VENUE_NAME = "venue";

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
  private double[][] entryValue = new double[16][];
  private int accounts;
  private final boolean[] variation;
  private final long[] settlement;
  private MarginCheck marginCheck;

  /**
   * @param instruments the simulation's instruments, indexed by id
   * @param takerFeeBps fee on the aggressor's notional, basis points
   * @param makerFeeBps fee on the resting side's notional, basis points (negative = rebate)
   * @param marks where margin checks read prices
   */
  public Ledger(List<Instrument> instruments, double takerFeeBps, double makerFeeBps, Marks marks) {
    this.instruments = instruments.size();
    this.cashPerTickLot = new long[this.instruments];
    this.variation = new boolean[this.instruments];
    this.settlement = new long[this.instruments];
    for (Instrument i : instruments) {
      cashPerTickLot[i.id()] = i.cashPerTickLot();
      variation[i.id()] = settlesByVariation(i.assetClass());
      settlement[i.id()] = i.referencePriceTicks();
    }
    this.takerFeeCentiBps = Math.round(takerFeeBps * 100);
    this.makerFeeCentiBps = Math.round(makerFeeBps * 100);
    this.marks = marks;
    openAccount(EXTERNAL_NAME, AccountKind.EXTERNAL, 0);
    openAccount(VENUE_NAME, AccountKind.VENUE, 0);
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
      entryValue = Arrays.copyOf(entryValue, cap);
    }
    int id = accounts++;
    names.add(name);
    kind[id] = k;
    this.leverage[id] = leverage;
    position[id] = new long[instruments];
    reservedUnits[id] = new long[instruments];
    openBuyLots[id] = new long[instruments];
    openSellLots[id] = new long[instruments];
    entryValue[id] = new double[instruments];
    return id;
  }

  /** Whether instruments of this class settle by variation margin instead of notional. */
  public static boolean settlesByVariation(AssetClass c) {
    return c == AssetClass.FUTURE || c == AssetClass.CRYPTO_PERP;
  }

  /** Lets a margin policy decide the pre-trade check of the margin accounts it covers. */
  public void setMarginCheck(MarginCheck check) {
    this.marginCheck = check;
  }

  /** The price the ledger values positions at now, ticks. */
  public long mark(int instrument) {
    return marks.markTicks(instrument);
  }

  /** The settlement price of a variation-settled instrument, ticks (0 for cash products). */
  public long settlementPrice(int instrument) {
    return variation[instrument] ? settlement[instrument] : 0;
  }

  /**
   * The average entry price of the open position, ticks (0 when flat): the value at which the open
   * lots were bought or sold, over the lots. Informational (rankings, liquidation prices), so kept
   * in floating point; it never moves cash.
   */
  public double entryPrice(int account, int instrument) {
    long p = position[account][instrument];
    return p == 0 ? 0 : entryValue[account][instrument] / p;
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
        e += value(pos[i], i);
      }
    }
    return e;
  }

  /**
   * What one position adds to the account's {@link #equity}, micro-units: the lots at the mark, or,
   * for a variation-settled instrument, the lots times the mark's move since the last settlement.
   */
  public long positionValue(int account, int instrument) {
    long p = position[account][instrument];
    return p == 0 ? 0 : value(p, instrument);
  }

  private long value(long lots, int i) {
    long px = variation[i] ? marks.markTicks(i) - settlement[i] : marks.markTicks(i);
    return lots * px * cashPerTickLot[i];
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
        if (marginCheck != null && marginCheck.covers(account)) {
          long pos = position[account][i];
          long after = pos + side.sign() * qty;
          if (Math.abs(after) > Math.abs(pos) && !marginCheck.admits(account, i, after, limit)) {
            return RejectReason.INSUFFICIENT_BUYING_POWER;
          }
          return null;
        }
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
          // equity and gross exposure (a pass over every instrument each) only when the order
          // adds exposure: one that reduces or keeps it is admitted whatever the account holds
          if (delta > 0
              && worstGrossExposure(account) + delta
                  > (long) (leverage[account] * Math.max(0, equity(account)))) {
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
    long moved = variation[i] ? (price - settlement[i]) * qty * cashPerTickLot[i] : notional;
    cash[buyer] -= moved + buyerFee;
    cash[seller] += moved - sellerFee;
    cash[VENUE] += buyerFee + sellerFee;
    feesPaid[buyer] += buyerFee;
    feesPaid[seller] += sellerFee;
    move(buyer, seller, i, price, qty);
  }

  /**
   * Transfers a position off the book at a given price with no fee, as a fill would settle it:
   * auto-deleveraging and an insurance fund taking over a bankrupt position.
   *
   * @param price ticks
   * @param qty lots, positive
   */
  public void transferAtPrice(int instrument, int buyer, int seller, long price, long qty) {
    if (qty <= 0) {
      throw new IllegalArgumentException("quantity must be positive");
    }
    long moved =
        Math.multiplyExact(
            Math.multiplyExact(variation[instrument] ? price - settlement[instrument] : price, qty),
            cashPerTickLot[instrument]);
    cash[buyer] = Math.subtractExact(cash[buyer], moved);
    cash[seller] = Math.addExact(cash[seller], moved);
    move(buyer, seller, instrument, price, qty);
  }

  private void move(int buyer, int seller, int i, long price, long qty) {
    trackEntry(buyer, i, qty, price);
    trackEntry(seller, i, -qty, price);
    position[buyer][i] += qty;
    position[seller][i] -= qty;
  }

  private void trackEntry(int account, int i, long signedQty, long price) {
    long p = position[account][i];
    long after = p + signedQty;
    double value = (double) price * cashPerTickLot[i];
    if (p == 0 || Long.signum(p) == Long.signum(signedQty)) {
      entryValue[account][i] += signedQty * value;
    } else if (after == 0 || Long.signum(after) == Long.signum(p)) {
      entryValue[account][i] *= (double) after / p;
    } else {
      entryValue[account][i] = after * value;
    }
  }

  /**
   * Pays variation margin on a variation-settled instrument at a new mark: every account receives
   * pos x (mark - S) x cashPerTickLot (pays if negative) and S becomes the mark. Sums to zero.
   *
   * @return cash paid to accounts that gained, micro-units
   */
  public long settleVariation(int instrument, long markTicks) {
    if (!variation[instrument]) {
      throw new IllegalArgumentException("instrument " + instrument + " settles by notional");
    }
    long perLot = (markTicks - settlement[instrument]) * cashPerTickLot[instrument];
    settlement[instrument] = markTicks;
    return chargePerLot(instrument, -perLot);
  }

  /**
   * Charges every holder of an instrument {@code microPerLot} per lot held (a long of q lots pays q
   * x microPerLot, a short of q lots receives it): perpetual funding. Sums to zero.
   *
   * @return cash received by the accounts that were paid, micro-units
   */
  public long chargePerLot(int instrument, long microPerLot) {
    long paidOut = 0;
    if (microPerLot == 0) {
      return 0;
    }
    for (int a = 0; a < accounts; a++) {
      long p = position[a][instrument];
      if (p != 0) {
        long c = Math.multiplyExact(p, microPerLot);
        cash[a] = Math.subtractExact(cash[a], c);
        if (c < 0) {
          paidOut -= c;
        }
      }
    }
    return paidOut;
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
