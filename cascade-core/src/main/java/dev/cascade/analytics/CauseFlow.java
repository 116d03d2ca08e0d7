package dev.cascade.analytics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the orders of each cause took from the book, summed trade by trade as the tape goes by:
 * aggressive lots, notional (currency units) and signed price impact per instrument (bps, the log
 * change from the previous trade in the same instrument), all credited to the cause of the order
 * that took liquidity. This is everything {@link CauseChains} reads from a tape, so the tape itself
 * need not be kept.
 *
 * <p>Memory grows with the causes that aggressed (16 bytes each) and with the (cause, instrument)
 * pairs that moved a price (20 bytes each), not with the number of trades. The sums are taken in
 * trade order, so they are bit-for-bit those of a pass over the whole tape.
 */
public final class CauseFlow {
  private static final int NONE = -1;

  private long[] lots = new long[64];
  private double[] notional = new double[64];

  // Impact entries, a singly linked list per cause in a pool: head[cause] is the cause's first
  // entry (or NONE); an entry holds the instrument index, its sum of bps and the next entry.
  private int[] head = filled(64);
  private int[] entryInstrument = new int[64];
  private double[] entryBps = new double[64];
  private int[] entryNext = new int[64];
  private int entries;

  private int causes;
  private long trades;

  private final Map<String, Integer> instrumentIndex = new HashMap<>();
  private String[] instrumentSymbol = new String[8];
  private double[] lastPrice = new double[8];
  private boolean[] traded = new boolean[8];

  /**
   * Adds one trade.
   *
   * @param symbol instrument
   * @param price trade price, currency units
   * @param qty lots
   * @param notional currency units
   * @param aggressorCause the cause of the order that took liquidity (ignored if negative)
   */
  public void add(String symbol, double price, long qty, double notional, int aggressorCause) {
    if (aggressorCause < 0) {
      return;
    }
    trades++;
    int c = aggressorCause;
    ensureCause(c);
    lots[c] += qty;
    this.notional[c] += notional;
    int s = instrument(symbol);
    double prev = lastPrice[s];
    boolean hadPrev = traded[s];
    lastPrice[s] = price;
    traded[s] = true;
    if (hadPrev && prev > 0 && price > 0) {
      addImpact(c, s, 10_000 * StrictMath.log(price / prev));
    }
  }

  /** Adds one trade of a tape. */
  public void add(TapeTrade t) {
    add(t.symbol(), t.price(), t.qty(), t.notional(), t.aggressorCause());
  }

  /** Trades added. */
  public long trades() {
    return trades;
  }

  /** One more than the highest cause id seen (0 if none). */
  public int causes() {
    return causes;
  }

  /** Lots the orders of {@code cause} took from the book. */
  public long lots(int cause) {
    return cause < causes ? lots[cause] : 0;
  }

  /** Notional the orders of {@code cause} took, currency units. */
  public double notional(int cause) {
    return cause < causes ? notional[cause] : 0;
  }

  /**
   * Signed price impact of the orders of {@code cause} by instrument symbol, bps; null if their
   * trades never moved a price from a previous one.
   */
  public Map<String, Double> impactBps(int cause) {
    if (cause >= causes || head[cause] == NONE) {
      return null;
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (int e = head[cause]; e != NONE; e = entryNext[e]) {
      out.put(instrumentSymbol[entryInstrument[e]], entryBps[e]);
    }
    return out;
  }

  /**
   * Primitive slots held, a measure of the memory kept: one per cause seen, one per impact entry
   * and one per instrument. It does not grow with the number of trades.
   */
  public long retainedSlots() {
    return causes + entries + instrumentIndex.size();
  }

  private void addImpact(int c, int s, double bps) {
    int last = NONE;
    for (int e = head[c]; e != NONE; e = entryNext[e]) {
      if (entryInstrument[e] == s) {
        entryBps[e] += bps;
        return;
      }
      last = e;
    }
    if (entries == entryInstrument.length) {
      int cap = entries * 2;
      entryInstrument = Arrays.copyOf(entryInstrument, cap);
      entryBps = Arrays.copyOf(entryBps, cap);
      entryNext = Arrays.copyOf(entryNext, cap);
    }
    int e = entries++;
    entryInstrument[e] = s;
    entryBps[e] = bps;
    entryNext[e] = NONE;
    if (last == NONE) {
      head[c] = e;
    } else {
      entryNext[last] = e;
    }
  }

  private void ensureCause(int c) {
    if (c >= lots.length) {
      int cap = Math.max(lots.length * 2, c + 1);
      lots = Arrays.copyOf(lots, cap);
      notional = Arrays.copyOf(notional, cap);
      int old = head.length;
      head = Arrays.copyOf(head, cap);
      Arrays.fill(head, old, cap, NONE);
    }
    causes = Math.max(causes, c + 1);
  }

  private int instrument(String symbol) {
    Integer s = instrumentIndex.get(symbol);
    if (s != null) {
      return s;
    }
    int k = instrumentIndex.size();
    if (k == instrumentSymbol.length) {
      instrumentSymbol = Arrays.copyOf(instrumentSymbol, 2 * k);
      lastPrice = Arrays.copyOf(lastPrice, 2 * k);
      traded = Arrays.copyOf(traded, 2 * k);
    }
    instrumentSymbol[k] = symbol;
    instrumentIndex.put(symbol, k);
    return k;
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, NONE);
    return a;
  }
}
