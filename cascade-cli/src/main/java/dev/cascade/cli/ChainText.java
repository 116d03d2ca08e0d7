package dev.cascade.cli;

import dev.cascade.analytics.CauseChains;
import dev.cascade.cause.CauseKind;
import dev.cascade.kernel.Time;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders cause chains as text, for {@code cascade explain} and the end of {@code cascade run}. */
final class ChainText {
  private ChainText() {}

  /** The chains without the moves after each shock (the run's own summary). */
  static String render(CauseChains.Report r, int maxSteps, double realScale) {
    return render(r, maxSteps, realScale, Map.of());
  }

  /**
   * @param maxSteps steps shown per shock (deepest and largest first beyond the first few)
   * @param realScale real dollars per simulated dollar (summary.json's {@code scale}), or 0 when
   *     the run has none: then no real-dollar column
   * @param moves per shock root, each instrument's price move over the minute after it, bps
   */
  static String render(
      CauseChains.Report r,
      int maxSteps,
      double realScale,
      Map<Integer, Map<String, Double>> moves) {
    StringBuilder b = new StringBuilder();
    if (r.shocks().isEmpty()) {
      b.append("root shocks: none (the flow below is all routine)\n");
    } else {
      b.append("root shocks, in time order:\n");
      for (CauseChains.Chain c : r.shocks()) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %s  %s  \"%s\"  (%s lots taken by what it set off)%n",
                Time.format(c.time()),
                c.kind().label(),
                c.label(),
                SummaryTable.volume(c.aggressiveLots())));
        Map<String, Double> move = moves.getOrDefault(c.root(), Map.of());
        if (!move.isEmpty()) {
          b.append(
              String.format(
                  Locale.ROOT,
                  "    price moves over each instrument's first %d s of trading after it, quotes"
                      + " included (bps): %s%n",
                  ShockMoves.WINDOW_SECONDS,
                  impact(move)));
        }
        int w = 4;
        for (CauseChains.Step st : c.steps()) {
          w = Math.max(w, st.path().length());
        }
        boolean real = realScale > 0;
        String row = "    %-" + w + "s %7s %10s %14s" + (real ? " %14s" : "%s") + "  %s%n";
        b.append(
            String.format(
                Locale.ROOT,
                row,
                "step",
                "causes",
                "lots",
                "notional",
                real ? "real" : "",
                "price impact (bps)"));
        List<CauseChains.Step> steps = c.steps();
        for (int k = 0; k < steps.size() && k < maxSteps; k++) {
          CauseChains.Step s = steps.get(k);
          b.append(
              String.format(
                  Locale.ROOT,
                  row,
                  s.path(),
                  Integer.toString(s.causes()),
                  SummaryTable.volume(s.aggressiveLots()),
                  money(s.notional()),
                  real ? money(s.notional() * realScale) : "",
                  impact(s.impactBps())));
        }
        if (steps.size() > maxSteps) {
          b.append(String.format(Locale.ROOT, "    ... %d more steps%n", steps.size() - maxSteps));
        }
      }
    }
    Map<CauseKind, long[]> bg = new EnumMap<>(CauseKind.class);
    for (CauseChains.Chain c : r.background()) {
      long[] acc = bg.computeIfAbsent(c.kind(), k -> new long[2]);
      acc[0] += c.aggressiveLots();
      acc[1]++;
    }
    if (!bg.isEmpty()) {
      b.append("background flow (routine causes), lots taken from the book:\n");
      List<Map.Entry<CauseKind, long[]>> es = new ArrayList<>(bg.entrySet());
      es.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
      for (Map.Entry<CauseKind, long[]> e : es) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %-12s %10s  (%d agents)%n",
                e.getKey().label(),
                SummaryTable.volume(e.getValue()[0]),
                e.getValue()[1]));
      }
    }
    b.append(
        String.format(
            Locale.ROOT,
            "longest chain: %d cause%s%s%n",
            r.longestDepth(),
            r.longestDepth() == 1 ? "" : "s",
            r.longestPath().isEmpty() ? "" : " (" + r.longestPath() + ")"));
    return b.toString();
  }

  private static String money(double v) {
    double a = Math.abs(v);
    if (a >= 1e9) {
      return String.format(Locale.ROOT, "$%.2fbn", v / 1e9);
    }
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "$%.2fm", v / 1e6);
    }
    return String.format(Locale.ROOT, "$%,.0f", v);
  }

  private static String impact(Map<String, Double> bps) {
    if (bps.isEmpty()) {
      return "-";
    }
    List<Map.Entry<String, Double>> es = new ArrayList<>(bps.entrySet());
    es.sort((x, y) -> Double.compare(Math.abs(y.getValue()), Math.abs(x.getValue())));
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < es.size() && k < 4; k++) {
      if (k > 0) {
        b.append(", ");
      }
      b.append(String.format(Locale.ROOT, "%s %+.0f", es.get(k).getKey(), es.get(k).getValue()));
    }
    return b.toString();
  }
}
