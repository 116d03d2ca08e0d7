package dev.cascade.cli;

import dev.cascade.analytics.TapeTrade;
import dev.cascade.kernel.Time;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each instrument's price moved over its first minute of trading after each root shock:
 * from its last trade before the shock to its last trade within {@link #WINDOW_SECONDS} seconds of
 * its first trade at or after the shock (the next session's opening minute for a shock outside the
 * instrument's hours), in basis points of log price. A shock to value moves prices mostly through
 * quotes (market makers reprice on the news, docs/model.md §5), which the cause chains'
 * trade-by-trade impact does not see: this is the move beside which their impact is read. Shocks at
 * the same time show the same moves. Fed the tape in time order, one trade at a time; an instrument
 * with no trade before the shock has no move.
 */
final class ShockMoves {
  static final long WINDOW_SECONDS = 60;

  private final long[] times;
  // per shock: symbol -> {price before, price now, end of the window (nanos, as a double's bits)}
  private final List<Map<String, Move>> moves = new ArrayList<>();
  private final Map<String, Last> last = new HashMap<>();

  /** An instrument's last trade so far. */
  private record Last(long time, double price) {}

  /** One instrument's move after one shock, as it is being read. */
  private static final class Move {
    final double before;
    final long windowEnd;
    double after;

    Move(double before, long windowEnd) {
      this.before = before;
      this.windowEnd = windowEnd;
    }
  }

  /**
   * @param shockTimes the root shocks' times, nanoseconds, in time order
   */
  ShockMoves(long[] shockTimes) {
    this.times = shockTimes.clone();
    for (int i = 0; i < times.length; i++) {
      moves.add(new LinkedHashMap<>());
    }
  }

  /** Takes the next trade of the tape (time order). */
  void add(TapeTrade t) {
    long window = WINDOW_SECONDS * Time.NANOS_PER_SECOND;
    for (int s = 0; s < times.length && times[s] <= t.time(); s++) {
      Map<String, Move> ofShock = moves.get(s);
      Move m = ofShock.get(t.symbol());
      if (m == null) {
        if (ofShock.containsKey(t.symbol())) {
          continue; // no trade of this instrument before the shock: no move
        }
        Last before = last.get(t.symbol());
        if (before == null) {
          ofShock.put(t.symbol(), null);
          continue;
        }
        m = new Move(before.price(), t.time() + window);
        ofShock.put(t.symbol(), m);
      }
      if (t.time() <= m.windowEnd) {
        m.after = t.price();
      }
    }
    last.put(t.symbol(), new Last(t.time(), t.price()));
  }

  /** The moves after shock {@code i} (its index in the times given), bps per symbol. */
  Map<String, Double> bps(int i) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Move> e : moves.get(i).entrySet()) {
      Move m = e.getValue();
      if (m != null) {
        out.put(e.getKey(), 1e4 * Math.log(m.after / m.before));
      }
    }
    return out;
  }
}
