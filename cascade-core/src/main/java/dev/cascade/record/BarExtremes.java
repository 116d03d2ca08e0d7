package dev.cascade.record;

import dev.cascade.market.Instrument;
import java.util.Arrays;

/**
 * One instrument's bars that set a new low, and those that set a new high, of the run so far: the
 * low (or high) in ticks and the bar's start. The first bar whose low reaches a level below every
 * earlier low is itself a new low, so these answer "when was this level first crossed" exactly as a
 * scan over every bar would, for any level, without keeping every bar.
 */
final class BarExtremes {
  private long[] lowTicks = new long[16];
  private long[] lowStart = new long[16];
  private int lows;
  private long[] highTicks = new long[16];
  private long[] highStart = new long[16];
  private int highs;

  void add(Bar b) {
    if (lows == 0 || b.low() < lowTicks[lows - 1]) {
      if (lows == lowTicks.length) {
        lowTicks = Arrays.copyOf(lowTicks, 2 * lows);
        lowStart = Arrays.copyOf(lowStart, 2 * lows);
      }
      lowTicks[lows] = b.low();
      lowStart[lows++] = b.startNanos();
    }
    if (highs == 0 || b.high() > highTicks[highs - 1]) {
      if (highs == highTicks.length) {
        highTicks = Arrays.copyOf(highTicks, 2 * highs);
        highStart = Arrays.copyOf(highStart, 2 * highs);
      }
      highTicks[highs] = b.high();
      highStart[highs++] = b.startNanos();
    }
  }

  /**
   * The start of the first bar whose low was at or below {@code price} ({@code fromAbove}), or
   * whose high was at or above it, or {@link Long#MIN_VALUE}.
   */
  long firstReaching(Instrument ins, double price, boolean fromAbove) {
    if (fromAbove) {
      for (int k = 0; k < lows; k++) {
        if (ins.price(lowTicks[k]) <= price) {
          return lowStart[k];
        }
      }
    } else {
      for (int k = 0; k < highs; k++) {
        if (ins.price(highTicks[k]) >= price) {
          return highStart[k];
        }
      }
    }
    return Long.MIN_VALUE;
  }

  /** Bars kept. */
  int size() {
    return lows + highs;
  }
}
