package dev.cascade.cli;

import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.record.Bar;
import dev.cascade.record.MarketRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Streams a run's one-minute bars to {@code bars-1m.csv} (time, symbol, open, high, low, close in
 * currency units, volume in lots, trades) and its spread and depth samples to {@code depth.csv}
 * (time, symbol, spread in bps of the mid, lots within five levels of each side) as the recorder
 * completes them, so neither is held in memory. Symbols are quoted where they need it ({@link
 * Csv}).
 */
final class MarketCsvWriter implements MarketRecorder.Sink {
  static final String BARS_HEADER = "time,symbol,open,high,low,close,volume,trades\n";
  static final String DEPTH_HEADER = "time,symbol,spreadBps,bidDepthLots,askDepthLots\n";

  private final Writer bars;
  private final Writer depth;
  private final List<Instrument> instruments;
  private final String[] symbols;
  private final StringBuilder line = new StringBuilder(96);
  private final Time.IsoFormatter times = new Time.IsoFormatter();

  MarketCsvWriter(Writer bars, Writer depth, List<Instrument> instruments) throws IOException {
    this.bars = bars;
    this.depth = depth;
    this.instruments = List.copyOf(instruments);
    this.symbols = new String[instruments.size()];
    for (int k = 0; k < symbols.length; k++) {
      symbols[k] = Csv.field(this.instruments.get(k).symbol());
    }
    bars.write(BARS_HEADER);
    depth.write(DEPTH_HEADER);
  }

  @Override
  public void bar(Bar b) {
    Instrument i = instruments.get(b.instrument());
    line.setLength(0);
    times
        .append(line, b.startNanos())
        .append(',')
        .append(symbols[b.instrument()])
        .append(',')
        .append(px(i, b.open()))
        .append(',')
        .append(px(i, b.high()))
        .append(',')
        .append(px(i, b.low()))
        .append(',')
        .append(px(i, b.close()))
        .append(',')
        .append(b.volume())
        .append(',')
        .append(b.trades())
        .append('\n');
    write(bars);
  }

  @Override
  public void depth(MarketRecorder.DepthSample d) {
    line.setLength(0);
    times
        .append(line, d.timeNanos())
        .append(',')
        .append(symbols[d.instrument()])
        .append(',')
        .append(threeDecimals(d.spreadBps()))
        .append(',')
        .append(d.bidDepth())
        .append(',')
        .append(d.askDepth())
        .append('\n');
    write(depth);
  }

  private void write(Writer w) {
    try {
      w.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code x} with three decimals exactly as {@code String.format(Locale.ROOT, "%.3f", x)} writes
   * it (half-up rounding of the shortest decimal that reads back as {@code x}), without the
   * formatter's parse of its pattern on every call: on the 2025 episode the depth table's spread
   * column took about 5% of a run's profile. Negative numbers, negative zero, non-finite and very
   * large values go to the formatter itself.
   */
  static String threeDecimals(double x) {
    if (x >= 0 && x < 1e15 && Double.doubleToRawLongBits(x) >= 0) {
      return BigDecimal.valueOf(x).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
    return String.format(Locale.ROOT, "%.3f", x);
  }

  private static String px(Instrument i, long ticks) {
    return i.tickSize().multiply(BigDecimal.valueOf(ticks)).toPlainString();
  }
}
