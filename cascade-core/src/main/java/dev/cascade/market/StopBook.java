package dev.cascade.market;

import java.util.Arrays;

/**
 * The stop orders of one instrument and side, waiting for a print at or through their level. Sell
 * stops trigger when the last price falls to or below the stop, buy stops when it rises to or above
 * it; among stops triggered together, the one nearest the market and then the oldest goes first.
 * Few stops rest at once, so a sorted array with insertion is simpler and faster than a tree.
 */
final class StopBook {
  private final Side side;
  // Sorted so that the next stop to trigger is at index size-1.
  private long[] price = new long[16];
  private long[] id = new long[16];
  private long[] qty = new long[16];
  private int[] account = new int[16];
  private int[] cause = new int[16];
  private int size;

  StopBook(Side side) {
    this.side = side;
  }

  void add(long orderId, int acct, long stopPrice, long lots, int causeId) {
    if (size == price.length) {
      int cap = size * 2;
      price = Arrays.copyOf(price, cap);
      id = Arrays.copyOf(id, cap);
      qty = Arrays.copyOf(qty, cap);
      account = Arrays.copyOf(account, cap);
      cause = Arrays.copyOf(cause, cap);
    }
    // Position: entries after it trigger earlier. Sell stops: higher price triggers first, so
    // ascending order with ties keeping the older one later (it triggers first).
    int pos = size;
    while (pos > 0 && triggersLater(stopPrice, price[pos - 1])) {
      pos--;
    }
    int n = size - pos;
    System.arraycopy(price, pos, price, pos + 1, n);
    System.arraycopy(id, pos, id, pos + 1, n);
    System.arraycopy(qty, pos, qty, pos + 1, n);
    System.arraycopy(account, pos, account, pos + 1, n);
    System.arraycopy(cause, pos, cause, pos + 1, n);
    price[pos] = stopPrice;
    id[pos] = orderId;
    qty[pos] = lots;
    account[pos] = acct;
    cause[pos] = causeId;
    size++;
  }

  /** True if a new stop at {@code p} triggers after (or with, being newer) one at {@code other}. */
  private boolean triggersLater(long p, long other) {
    return side == Side.SELL ? p <= other : p >= other;
  }

  /** Whether the next stop triggers at a last price of {@code last}. */
  boolean triggered(long last) {
    if (size == 0) {
      return false;
    }
    long p = price[size - 1];
    return side == Side.SELL ? last <= p : last >= p;
  }

  long nextId() {
    return id[size - 1];
  }

  long nextQty() {
    return qty[size - 1];
  }

  int nextAccount() {
    return account[size - 1];
  }

  int nextCause() {
    return cause[size - 1];
  }

  long nextPrice() {
    return price[size - 1];
  }

  void popNext() {
    size--;
  }

  /** Removes a stop by id; returns its quantity, or 0 if absent. */
  long remove(long orderId) {
    for (int k = 0; k < size; k++) {
      if (id[k] == orderId) {
        long q = qty[k];
        int n = size - k - 1;
        System.arraycopy(price, k + 1, price, k, n);
        System.arraycopy(id, k + 1, id, k, n);
        System.arraycopy(qty, k + 1, qty, k, n);
        System.arraycopy(account, k + 1, account, k, n);
        System.arraycopy(cause, k + 1, cause, k, n);
        size--;
        return q;
      }
    }
    return 0;
  }

  /** Quantity of a stop by id, or 0. */
  long qtyOf(long orderId) {
    for (int k = 0; k < size; k++) {
      if (id[k] == orderId) {
        return qty[k];
      }
    }
    return 0;
  }

  int accountOf(long orderId) {
    for (int k = 0; k < size; k++) {
      if (id[k] == orderId) {
        return account[k];
      }
    }
    return -1;
  }

  int size() {
    return size;
  }
}
