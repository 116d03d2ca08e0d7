package dev.cascade.cli;

import dev.cascade.analytics.CauseChains;
import dev.cascade.analytics.TapeTrade;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import dev.cascade.scenario.ShockSpec;
import java.util.ArrayList;
import java.util.Arrays;
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

  /** The moves after a scenario's shocks, at their scheduled times. */
  static ShockMoves of(List<ShockSpec> shocks) {
    return new ShockMoves(
        shocks.stream().mapToLong(s -> Time.ofInstant(s.at().toInstant())).toArray());
  }

  /** Takes the next trade of the tape (time order). */
  void add(TapeTrade t) {
    add(t.time(), t.symbol(), t.price());
  }

  /** Takes the next trade of the tape (time order): its time (ns), instrument and price. */
  void add(long time, String symbol, double price) {
    if (times.length == 0) {
      return;
    }
    long window = WINDOW_SECONDS * Time.NANOS_PER_SECOND;
    for (int s = 0; s < times.length && times[s] <= time; s++) {
      Map<String, Move> ofShock = moves.get(s);
      Move m = ofShock.get(symbol);
      if (m == null) {
        if (ofShock.containsKey(symbol)) {
          continue; // no trade of this instrument before the shock: no move
        }
        Last before = last.get(symbol);
        if (before == null) {
          ofShock.put(symbol, null);
          continue;
        }
        m = new Move(before.price(), time + window);
        ofShock.put(symbol, m);
      }
      if (time <= m.windowEnd) {
        m.after = price;
      }
    }
    Last l = last.get(symbol);
    if (l == null || l.time() != time || l.price() != price) {
      last.put(symbol, new Last(time, price));
    }
  }

  /** A listener that feeds every trade of a running simulation to {@link #add}. */
  MarketListener listener() {
    return new MarketListener() {
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
        add(time, instrument.symbol(), instrument.price(price));
      }
    };
  }

  /** The moves of each shock chain, by its root cause, matched on the shock's time. */
  Map<Integer, Map<String, Double>> byRoot(List<CauseChains.Chain> shocks) {
    Map<Integer, Map<String, Double>> out = new HashMap<>();
    for (CauseChains.Chain c : shocks) {
      int i = Arrays.binarySearch(times, c.time());
      if (i >= 0) {
        out.put(c.root(), bps(i));
      }
    }
    return out;
  }

  /** The moves after the {@code i}-th distinct shock time, bps per symbol. */
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
