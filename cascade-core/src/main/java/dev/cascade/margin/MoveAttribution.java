package dev.cascade.margin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who moved each price: every trade's price change (ticks, from the instrument's previous trade) is
 * credited to the cause of its aggressor order, cumulatively over the run. A margin call then
 * descends from the cause whose moves cost the called account most: for account positions q_i, the
 * loss caused by c is sum_i -q_i x moved_i(c) x cash per tick-lot of i. This is the "set of price
 * moves that cut the account's equity, attributed to the orders whose fills made those moves".
 * Losses are summed by root cause first, so a shock whose effect is spread over many agents' orders
 * is weighed as one: the call descends from the costliest cause of the costliest root.
 */
final class MoveAttribution {
  private final long[] lastPrice;
  private final List<Map<Integer, long[]>> moved;

  MoveAttribution(int instruments) {
    lastPrice = new long[instruments];
    moved = new ArrayList<>(instruments);
    for (int i = 0; i < instruments; i++) {
      moved.add(new HashMap<>());
    }
  }

  void onTrade(int instrument, long price, int aggressorCause) {
    long prev = lastPrice[instrument];
    lastPrice[instrument] = price;
    if (prev == 0 || price == prev) {
      return;
    }
    moved.get(instrument).computeIfAbsent(aggressorCause, c -> new long[1])[0] += price - prev;
  }

  /**
   * The causes that cost an account most, largest loss first (ties: the older cause first), at most
   * {@code max}; only causes with a positive loss.
   *
   * @param position the account's position per instrument, lots
   * @param cashPerTickLot per instrument
   */
  int[] largestLosses(
      long[] position, long[] cashPerTickLot, int max, java.util.function.IntUnaryOperator root) {
    Map<Integer, Double> loss = new HashMap<>();
    for (int i = 0; i < position.length; i++) {
      if (position[i] == 0) {
        continue;
      }
      for (Map.Entry<Integer, long[]> e : moved.get(i).entrySet()) {
        double l = -(double) position[i] * e.getValue()[0] * cashPerTickLot[i];
        loss.merge(e.getKey(), l, Double::sum);
      }
    }
    Map<Integer, Double> byRoot = new HashMap<>();
    for (Map.Entry<Integer, Double> e : loss.entrySet()) {
      byRoot.merge(root.applyAsInt(e.getKey()), e.getValue(), Double::sum);
    }
    // Roots by loss, then within each root its causes by loss.
    List<Integer> roots = sortedByLoss(byRoot);
    List<Integer> out = new ArrayList<>();
    for (int r : roots) {
      Map<Integer, Double> inRoot = new HashMap<>();
      for (Map.Entry<Integer, Double> e : loss.entrySet()) {
        if (root.applyAsInt(e.getKey()) == r) {
          inRoot.put(e.getKey(), e.getValue());
        }
      }
      for (int c : sortedByLoss(inRoot)) {
        if (out.size() < max) {
          out.add(c);
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Keys with a positive loss, largest first (ties: the older cause first). */
  private static List<Integer> sortedByLoss(Map<Integer, Double> loss) {
    return loss.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(
            (a, b) ->
                a.getValue().equals(b.getValue())
                    ? Integer.compare(a.getKey(), b.getKey())
                    : Double.compare(b.getValue(), a.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }
}
