package dev.cascade.record;

import dev.cascade.kernel.Priority;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.Time;
import dev.cascade.kernel.Wakeable;
import dev.cascade.market.Exchange;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.OrderBook;
import dev.cascade.market.Side;
import dev.cascade.scenario.Simulation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Records, per instrument: one-minute OHLCV bars, open/high/low/close, volume, the largest
 * peak-to-trough fall of the trade price, and samples of the quoted spread (bps of the mid) and
 * top-of-book depth (lots within five levels per side) taken every {@code sampleSeconds} while the
 * instrument is open and both sides are quoted.
 *
 * <p>Bars and depth samples are handed to a {@link Sink} as they complete and are not kept: what
 * the recorder holds is a fixed set of numbers per instrument (the summary statistics and the
 * realised-volatility sums), the halts, and, for instruments whose watched levels were asked for,
 * the bars that set a new low or a new high (see {@link #trackLevels}). So its memory does not grow
 * with the number of trades, bars or samples.
 */
public final class MarketRecorder implements MarketListener, Wakeable {
  /**
   * Where completed bars and depth samples go, in time order: bars ordered by (start, instrument)
   * as each minute closes, samples as they are taken. Both methods do nothing by default.
   */
  public interface Sink {
    /** A bar whose minute has passed (no more trades can join it). */
    default void bar(Bar bar) {}

    /** A spread and depth sample, just taken. */
    default void depth(DepthSample sample) {}

    /**
     * The sampling clock ticked at {@code timeNanos}, after that tick's depth samples (every {@code
     * sampleSeconds}, whether or not any instrument was open): a time to read other state on the
     * same clock without scheduling events of one's own.
     */
    default void sampled(long timeNanos) {}
  }

  private static final Sink DISCARD = new Sink() {};

  private final Exchange exchange;
  private final Scheduler clock;
  private final long samplePeriod;
  private final int n;
  private final long[] open;
  private final long[] high;
  private final long[] low;
  private final long[] close;
  private final long[] volume;
  private final long[] trades;
  private final long[] peak;
  private final double[] maxDrawdown;
  private final double[] spreadSum;
  private final long[] spreadSamples;
  private final long[] depthSum;
  // current bar per instrument
  private final long[] barStart;
  private final long[] barOpen;
  private final long[] barHigh;
  private final long[] barLow;
  private final long[] barClose;
  private final long[] barVolume;
  private final long[] barTrades;
  // bars with a start before this minute have been handed to the sink
  private long barsClosedBefore = Long.MIN_VALUE;
  // realised volatility: close of the previous bar, sum of squared log returns, returns
  private final long[] prevBarClose;
  private final double[] sumSquaredReturns;
  private final long[] returns;
  private final BarExtremes[] extremes;
  private Sink sink = DISCARD;
  private final List<Halt> halts = new ArrayList<>();

  /**
   * One spread/depth sample.
   *
   * @param spreadBps quoted spread in bps of the mid
   * @param bidDepth lots within five levels of the best bid
   * @param askDepth lots within five levels of the best ask
   */
  public record DepthSample(
      int instrument, long timeNanos, double spreadBps, long bidDepth, long askDepth) {}

  /**
   * A recorder for a scenario run: changes are measured from the episode's {@code from} time when
   * the scenario gives one, and it keeps what {@link EpisodeSummary#levels} needs for the
   * instruments the scenario watches levels of.
   */
  public static MarketRecorder of(Simulation sim, double sampleSeconds) {
    MarketRecorder rec = new MarketRecorder(sim.exchange(), sim.clock(), sampleSeconds);
    OffsetDateTime from = sim.spec().episode().from();
    if (from != null) {
      rec.measureFrom(Time.ofInstant(from.toInstant()));
    }
    for (Instrument i : sim.instruments()) {
      if (sim.spec().episode().levels().containsKey(i.symbol())) {
        rec.trackLevels(i.id());
      }
    }
    return rec;
  }

  private final long[] reference;
  private long referenceTime = Long.MIN_VALUE;

  /**
   * A recorder that keeps no bars or depth samples (only the summary statistics) until it is given
   * a {@link #streamTo sink}.
   */
  public MarketRecorder(Exchange exchange, Scheduler clock, double sampleSeconds) {
    this.exchange = exchange;
    this.clock = clock;
    this.samplePeriod = Time.seconds(sampleSeconds);
    n = exchange.instruments().size();
    open = new long[n];
    high = new long[n];
    low = new long[n];
    close = new long[n];
    volume = new long[n];
    trades = new long[n];
    peak = new long[n];
    maxDrawdown = new double[n];
    spreadSum = new double[n];
    spreadSamples = new long[n];
    depthSum = new long[n];
    barStart = new long[n];
    barOpen = new long[n];
    barHigh = new long[n];
    barLow = new long[n];
    barClose = new long[n];
    barVolume = new long[n];
    barTrades = new long[n];
    reference = new long[n];
    prevBarClose = new long[n];
    sumSquaredReturns = new double[n];
    returns = new long[n];
    extremes = new BarExtremes[n];
    for (Instrument i : exchange.instruments()) {
      long ref = i.referencePriceTicks();
      peak[i.id()] = ref;
      close[i.id()] = ref;
      reference[i.id()] = ref;
      barStart[i.id()] = Long.MIN_VALUE;
    }
  }

  /**
   * Measures changes from the last trade price at or before {@code nanos} (the instrument's
   * reference price if it has not traded by then) instead of from the reference price.
   */
  public void measureFrom(long nanos) {
    referenceTime = nanos;
  }

  /** The price changes are measured from, ticks. */
  public long reference(int i) {
    return reference[i];
  }

  /** Close against {@link #reference}, percent. */
  public double changePct(int i) {
    return 100.0 * ((double) close[i] / reference[i] - 1);
  }

  /**
   * Keeps, for instrument {@code i}, every bar that set a new low or a new high of the run, so that
   * {@link #firstBarReaching} can say when a level was first crossed. The number kept grows with
   * the number of new extremes (for a random walk, about the square root of the number of bars: a
   * few hundred over 31 days of one-minute bars), not with every bar.
   */
  public void trackLevels(int i) {
    if (extremes[i] == null) {
      extremes[i] = new BarExtremes();
    }
  }

  /** Hands every completed bar and every depth sample to {@code sink}; call before the run. */
  public void streamTo(Sink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Schedules the first depth sample; call once before the run. */
  public void start() {
    clock.after(samplePeriod, Priority.SAMPLING, this, 0);
  }

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
    int i = instrument.id();
    if (trades[i] == 0) {
      open[i] = price;
      high[i] = price;
      low[i] = price;
    }
    high[i] = Math.max(high[i], price);
    low[i] = Math.min(low[i], price);
    close[i] = price;
    if (time <= referenceTime) {
      reference[i] = price;
    }
    volume[i] += qty;
    trades[i]++;
    if (price > peak[i]) {
      peak[i] = price;
    } else {
      maxDrawdown[i] = Math.max(maxDrawdown[i], (double) (peak[i] - price) / peak[i]);
    }
    long minute = Math.floorDiv(time, Time.NANOS_PER_MINUTE) * Time.NANOS_PER_MINUTE;
    if (minute > barsClosedBefore) {
      closeBarsBefore(minute);
    }
    if (minute != barStart[i]) {
      barStart[i] = minute;
      barOpen[i] = price;
      barHigh[i] = price;
      barLow[i] = price;
    }
    barHigh[i] = Math.max(barHigh[i], price);
    barLow[i] = Math.min(barLow[i], price);
    barClose[i] = price;
    barVolume[i] += qty;
    barTrades[i]++;
  }

  @Override
  public void onHalt(long time, Instrument instrument, long untilNanos, String reason) {
    halts.add(new Halt(instrument.id(), time, untilNanos, reason));
  }

  @Override
  public void wake(long timeNanos, int tag) {
    for (int i = 0; i < n; i++) {
      if (!exchange.isOpen(i)) {
        continue;
      }
      OrderBook b = exchange.book(i);
      long bid = b.bestBid();
      long ask = b.bestAsk();
      if (bid == OrderBook.NO_PRICE || ask == OrderBook.NO_PRICE) {
        continue;
      }
      double mid = 0.5 * (bid + ask);
      double bps = 10_000.0 * (ask - bid) / mid;
      long bd = b.depthWithin(Side.BUY, 5);
      long ad = b.depthWithin(Side.SELL, 5);
      spreadSum[i] += bps;
      spreadSamples[i]++;
      depthSum[i] += bd + ad;
      sink.depth(new DepthSample(i, timeNanos, bps, bd, ad));
    }
    sink.sampled(timeNanos);
    clock.after(samplePeriod, Priority.SAMPLING, this, 0);
  }

  /**
   * Hands over every open bar whose minute starts before {@code minute}, by (start, instrument).
   * Trades come in time order, so no later trade can join them; and every bar still open after this
   * starts at or after {@code minute}, so the bars reach the sink in (start, instrument) order.
   */
  private void closeBarsBefore(long minute) {
    while (true) {
      int next = -1;
      for (int i = 0; i < n; i++) {
        if (barTrades[i] > 0
            && barStart[i] < minute
            && (next < 0 || barStart[i] < barStart[next])) {
          next = i;
        }
      }
      if (next < 0) {
        break;
      }
      closeBar(next);
    }
    barsClosedBefore = minute;
  }

  private void closeBar(int i) {
    Bar b =
        new Bar(
            i,
            barStart[i],
            barOpen[i],
            barHigh[i],
            barLow[i],
            barClose[i],
            barVolume[i],
            barTrades[i]);
    long prev = prevBarClose[i];
    if (prev > 0) {
      double r = StrictMath.log((double) b.close() / prev);
      sumSquaredReturns[i] += r * r;
      returns[i]++;
    }
    prevBarClose[i] = b.close();
    if (extremes[i] != null) {
      extremes[i].add(b);
    }
    barStart[i] = Long.MIN_VALUE;
    barVolume[i] = 0;
    barTrades[i] = 0;
    sink.bar(b);
  }

  /** Closes the open bars (handing them to the sink); call once after the run. */
  public void finish() {
    closeBarsBefore(Long.MAX_VALUE);
  }

  public List<Halt> halts() {
    return Collections.unmodifiableList(halts);
  }

  /**
   * The start of the first bar of instrument {@code i} whose low reached {@code price} (its high,
   * when {@code fromAbove} is false), or {@link Long#MIN_VALUE} if none did. Needs {@link
   * #trackLevels} before the run.
   *
   * @param price currency units
   */
  public long firstBarReaching(int i, double price, boolean fromAbove) {
    if (extremes[i] == null) {
      throw new IllegalStateException("levels of instrument " + i + " were not tracked");
    }
    Instrument ins = exchange.instruments().get(i);
    return extremes[i].firstReaching(ins, price, fromAbove);
  }

  /**
   * Numbers held that depend on the run's length rather than on the number of instruments: halts
   * and bars kept for the watched levels. Bars and depth samples handed to the sink are not counted
   * (they are not kept).
   */
  public long retainedRecords() {
    long k = halts.size();
    for (BarExtremes e : extremes) {
      if (e != null) {
        k += e.size();
      }
    }
    return k;
  }

  /** First trade price, or the reference price if it never traded. */
  public long open(int i) {
    return trades[i] == 0 ? close[i] : open[i];
  }

  public long high(int i) {
    return trades[i] == 0 ? close[i] : high[i];
  }

  public long low(int i) {
    return trades[i] == 0 ? close[i] : low[i];
  }

  /** Last trade price, or the reference price. */
  public long close(int i) {
    return close[i];
  }

  public long volume(int i) {
    return volume[i];
  }

  public long trades(int i) {
    return trades[i];
  }

  /** Largest peak-to-trough fall of the trade price, from the reference price on, as a fraction. */
  public double maxDrawdown(int i) {
    return maxDrawdown[i];
  }

  /** Mean quoted spread over the samples, bps of the mid (NaN if never sampled). */
  public double avgSpreadBps(int i) {
    return spreadSamples[i] == 0 ? Double.NaN : spreadSum[i] / spreadSamples[i];
  }

  /** Mean lots within five levels of the touch, both sides together (NaN if never sampled). */
  public double avgDepth(int i) {
    return spreadSamples[i] == 0 ? Double.NaN : (double) depthSum[i] / spreadSamples[i];
  }

  /**
   * Realised volatility from one-minute bar closes, annualised with the session's trading time:
   * sqrt(sum r^2 / minutes x trading minutes per year). NaN with fewer than two bars.
   */
  public double realizedVol(int i) {
    if (returns[i] < 1) {
      return Double.NaN;
    }
    double minutesPerYear = exchange.instruments().get(i).session().tradingSecondsPerYear() / 60;
    return Math.sqrt(sumSquaredReturns[i] / returns[i] * minutesPerYear);
  }
}
