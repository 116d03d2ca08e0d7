package dev.cascade.derivatives;

import dev.cascade.kernel.Priority;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.Time;
import dev.cascade.kernel.Wakeable;
import dev.cascade.ledger.Marks;
import dev.cascade.market.Exchange;
import dev.cascade.market.OrderBook;
import java.util.Arrays;

/**
 * The prices the ledger and the margin desks value positions at. A perpetual with an index (the
 * spot instrument named by its scenario key {@code index}) is marked at
 *
 * <pre>
 *   mark = index + EWMA(mid - index)
 * </pre>
 *
 * in ticks: the index is the spot instrument's last trade, and the premium (the perpetual's mid
 * minus the index, the last trade when one side of its book is empty) is sampled every {@link
 * #SAMPLE_SECONDS} and smoothed with an exponentially weighted moving average of span {@link
 * #WINDOW_SECONDS} (weight 2 / (N + 1) per sample, N = window / sample). This follows Binance's
 * mark price for USDⓈ-M perpetuals ("Price 2 = Price Index + Moving Average (5-minute Basis)", the
 * basis being (bid1 + ask1) / 2 - Price Index sampled every second); Binance's median with two
 * other prices is left out. So one print far from the book moves the perpetual's last price but not
 * its mark, and margin calls and liquidations, which read the mark, do not follow a wick. Every
 * other instrument is marked at its last trade.
 *
 * <p>It also accumulates the premium index (mid - index) / index of every sample for {@link
 * Funding}, which takes the average at each funding time.
 */
public final class MarkPrice implements Marks, Wakeable {
  /** Seconds between premium samples: Binance samples the basis every second. */
  public static final double SAMPLE_SECONDS = 1;

  /** Span of the premium's moving average, seconds: Binance's 5-minute basis. */
  public static final double WINDOW_SECONDS = 300;

  private final Scheduler clock;
  private final Exchange exchange;
  private final int[] index;
  private final double alpha;
  private final double[] scale;
  private final double[] premium;
  private final long[] premiumTicks;
  private final double[] premiumIndexSum;
  private final long[] samples;
  private boolean started;

  /**
   * @param indexOf per instrument id, the id of its index instrument, or -1 to mark at the last
   *     trade
   */
  public MarkPrice(Scheduler clock, Exchange exchange, int[] indexOf) {
    this.clock = clock;
    this.exchange = exchange;
    this.index = indexOf.clone();
    this.alpha = 2 / (WINDOW_SECONDS / SAMPLE_SECONDS + 1);
    int n = index.length;
    premium = new double[n];
    premiumTicks = new long[n];
    premiumIndexSum = new double[n];
    samples = new long[n];
    scale = new double[n];
    for (int i = 0; i < n; i++) {
      int k = index[i];
      scale[i] =
          k < 0
              ? 1
              : exchange.instruments().get(k).tickSize().doubleValue()
                  / exchange.instruments().get(i).tickSize().doubleValue();
    }
  }

  /** The id of the instrument's index, or -1 when it is marked at its last trade. */
  public int indexOf(int instrument) {
    return index[instrument];
  }

  /** Starts the premium samples; does nothing when no instrument has an index. */
  public void start() {
    if (started || Arrays.stream(index).allMatch(k -> k < 0)) {
      return;
    }
    started = true;
    clock.after(Time.seconds(SAMPLE_SECONDS), Priority.SAMPLING, this, 0);
  }

  @Override
  public long markTicks(int instrument) {
    int k = index[instrument];
    if (k < 0) {
      return exchange.lastPrice(instrument);
    }
    return Math.max(
        1, Math.round(exchange.lastPrice(k) * scale[instrument]) + premiumTicks[instrument]);
  }

  /**
   * The index price of a perpetual in the perpetual's ticks (the index's last trade converted from
   * the index's tick size), or its own last trade when it has no index.
   */
  public long indexTicks(int instrument) {
    int k = index[instrument];
    return k < 0
        ? exchange.lastPrice(instrument)
        : Math.round(exchange.lastPrice(k) * scale[instrument]);
  }

  /** The smoothed premium, ticks. */
  public double premium(int instrument) {
    return premium[instrument];
  }

  /**
   * The average premium index, (mid - index) / index, of the samples since the last call, and
   * starts a new average; 0 when there was no sample.
   */
  public double takeAveragePremiumIndex(int instrument) {
    long n = samples[instrument];
    double avg = n == 0 ? 0 : premiumIndexSum[instrument] / n;
    premiumIndexSum[instrument] = 0;
    samples[instrument] = 0;
    return avg;
  }

  @Override
  public void wake(long time, int tag) {
    for (int i = 0; i < index.length; i++) {
      int k = index[i];
      if (k < 0) {
        continue;
      }
      long idx = indexTicks(i);
      if (idx <= 0) {
        continue;
      }
      OrderBook book = exchange.book(i);
      long bid = book.bestBid();
      long ask = book.bestAsk();
      double mid =
          bid != OrderBook.NO_PRICE && ask != OrderBook.NO_PRICE
              ? (bid + ask) / 2.0
              : exchange.lastPrice(i);
      double p = mid - idx;
      premium[i] += alpha * (p - premium[i]);
      premiumTicks[i] = Math.round(premium[i]);
      premiumIndexSum[i] += p / idx;
      samples[i]++;
    }
    clock.after(Time.seconds(SAMPLE_SECONDS), Priority.SAMPLING, this, 0);
  }
}
