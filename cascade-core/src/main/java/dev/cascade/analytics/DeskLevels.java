package dev.cascade.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * The levels a desk watches on one day of a daily price history: the change and the volume relative
 * to its 30-day average (the columns of a desk's Table 1), realised volatility, the 50/100/200-day
 * simple moving averages, the drawdown from the 52-week high, the Fibonacci retracements of the
 * 52-week range, the nearest round numbers, and which of those levels the day's range crossed.
 *
 * <p>Definitions: SMA(n) = mean of the last n closes up to and including the day; relative volume =
 * volume / mean volume of the 30 previous days; realised vol = sample standard deviation of the
 * last 20 daily log returns x sqrt(252); Fibonacci levels = high - f (high - low) for f in 23.6,
 * 38.2, 50, 61.8 and 78.6% of the 252-day range; round numbers every {@code roundStep}.
 *
 * @param date the day
 * @param close its close
 * @param changePct close over the previous close, percent
 * @param relativeVolume volume over the 30-day average (NaN without volumes)
 * @param realizedVolPct 20-day realised vol, annualised percent (NaN with too little history)
 * @param drawdownPct fall of the close from the 52-week closing high, percent (0 at a high)
 * @param levels every level watched, with its distance and whether the day crossed it
 */
public record DeskLevels(
    java.time.LocalDate date,
    double close,
    double changePct,
    double relativeVolume,
    double realizedVolPct,
    double drawdownPct,
    List<Level> levels) {

  /**
   * A watched level.
   *
   * @param name e.g. "200-day MA", "Fib 61.8%", "round 2800"
   * @param price currency units
   * @param distancePct close over the level, percent (negative: below it)
   * @param crossedToday whether the day's range went through it from the previous close's side
   */
  public record Level(String name, double price, double distancePct, boolean crossedToday) {}

  /**
   * The desk's levels on day {@code index} of {@code bars} (ascending dates).
   *
   * @param roundStep spacing of the round numbers watched, currency units (e.g. 100 for the S&P)
   */
  public static DeskLevels on(List<DailyBar> bars, int index, double roundStep) {
    if (index < 1 || index >= bars.size()) {
      throw new IllegalArgumentException("need a previous day: index " + index);
    }
    DailyBar day = bars.get(index);
    double prevClose = bars.get(index - 1).close();
    double change = 100 * (day.close() / prevClose - 1);
    double relVol = Double.NaN;
    if (index >= 30 && day.volume() > 0) {
      double sum = 0;
      for (int k = index - 30; k < index; k++) {
        sum += bars.get(k).volume();
      }
      relVol = sum > 0 ? day.volume() / (sum / 30) : Double.NaN;
    }
    double rvol = Double.NaN;
    if (index >= 20) {
      double[] r = new double[20];
      double mean = 0;
      for (int k = 0; k < 20; k++) {
        r[k] = StrictMath.log(bars.get(index - k).close() / bars.get(index - k - 1).close());
        mean += r[k] / 20;
      }
      double var = 0;
      for (double x : r) {
        var += (x - mean) * (x - mean);
      }
      rvol = 100 * Math.sqrt(var / 19 * 252);
    }
    int from = Math.max(0, index - 251);
    double hi = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    double closeHigh = Double.NEGATIVE_INFINITY;
    for (int k = from; k <= index; k++) {
      hi = Math.max(hi, bars.get(k).high());
      lo = Math.min(lo, bars.get(k).low());
      closeHigh = Math.max(closeHigh, bars.get(k).close());
    }
    double drawdown = 100 * (1 - day.close() / closeHigh);

    List<Level> levels = new ArrayList<>();
    for (int n : new int[] {50, 100, 200}) {
      if (index + 1 >= n) {
        double sum = 0;
        for (int k = index - n + 1; k <= index; k++) {
          sum += bars.get(k).close();
        }
        levels.add(level(n + "-day MA", sum / n, day, prevClose));
      }
    }
    for (double f : new double[] {0.236, 0.382, 0.5, 0.618, 0.786}) {
      levels.add(
          level(
              String.format(java.util.Locale.ROOT, "Fib %.1f%%", 100 * f),
              hi - f * (hi - lo),
              day,
              prevClose));
    }
    if (roundStep > 0) {
      double below = Math.floor(day.close() / roundStep) * roundStep;
      for (double p :
          new double[] {below - roundStep, below, below + roundStep, below + 2 * roundStep}) {
        if (p > 0) {
          levels.add(level("round " + fmt(p), p, day, prevClose));
        }
      }
    }
    return new DeskLevels(
        day.date(), day.close(), change, relVol, rvol, drawdown, List.copyOf(levels));
  }

  private static Level level(String name, double price, DailyBar day, double prevClose) {
    boolean crossed =
        prevClose > price ? day.low() <= price : prevClose < price && day.high() >= price;
    return new Level(name, price, 100 * (day.close() / price - 1), crossed);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
