package dev.cascade.cli;

import dev.cascade.analytics.CauseChains;
import dev.cascade.analytics.TapeTrade;
import dev.cascade.kernel.Time;
import dev.cascade.market.MarketListener;
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

  /** A symbol with no trade before the shock: no move. */
  private static final Move NONE = new Move(Double.NaN, Long.MIN_VALUE);

  private final long[] times;
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> symbols = new ArrayList<>();
  private Move[][] moves; // [shock][symbol id]; null until the symbol's first trade after it
  private long[] lastTime = new long[8];
  private double[] lastPrice = new double[8];

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
   * @param shockTimes the root shocks' times, nanoseconds (sorted and made distinct here)
   */
  ShockMoves(long[] shockTimes) {
    this.times = Arrays.stream(shockTimes).distinct().sorted().toArray();
    this.moves = new Move[times.length][8];
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
    int id = id(symbol);
    long window = WINDOW_SECONDS * Time.NANOS_PER_SECOND;
    for (int s = 0; s < times.length && times[s] <= time; s++) {
      Move m = moves[s][id];
      if (m == null) {
        boolean tradedBefore = lastTime[id] != Long.MIN_VALUE && lastTime[id] < times[s];
        m = tradedBefore ? new Move(lastPrice[id], time + window) : NONE;
        moves[s][id] = m;
      }
      if (m != NONE && time <= m.windowEnd) {
        m.after = price;
      }
    }
    lastTime[id] = time;
    lastPrice[id] = price;
  }

  private int id(String symbol) {
    Integer id = ids.get(symbol);
    if (id != null) {
      return id;
    }
    int k = symbols.size();
    ids.put(symbol, k);
    symbols.add(symbol);
    if (k == lastTime.length) {
      lastTime = Arrays.copyOf(lastTime, 2 * k);
      lastPrice = Arrays.copyOf(lastPrice, 2 * k);
      for (int s = 0; s < moves.length; s++) {
        moves[s] = Arrays.copyOf(moves[s], 2 * k);
      }
    }
    lastTime[k] = Long.MIN_VALUE;
    return k;
  }

  /** A listener that feeds every trade of a running simulation to {@link #add}. */
  MarketListener listener() {
    return (time, instrument, price, qty, aggressor, buyer, seller, buyCause, sellCause) ->
        add(time, instrument.symbol(), instrument.price(price));
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
    for (int id = 0; id < symbols.size(); id++) {
      Move m = moves[i][id];
      if (m != null && m != NONE) {
        out.put(symbols.get(id), 1e4 * Math.log(m.after / m.before));
      }
    }
    return out;
  }
}
