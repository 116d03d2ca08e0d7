package dev.cascade.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.cause.CauseKind;

/**
 * Selling and buying by mechanism over time: the aggressive notional of each time bucket stacked by
 * the cause kind of the order that took liquidity, sells above zero and buys mirrored below, so
 * forced selling (margin calls, liquidations, stops, hedges) stands out against routine flow; then
 * each forced mechanism's aggressive selling summed from the start of the run. Reads trades.csv (or
 * .parquet): the sell order's cause kind for aggressive sells, the buy order's for aggressive buys.
 */
final class FlowSection implements ReportSection {
  @Override
  public String reads() {
    return RunData.TRADES;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.flow.isPresent() && run.flow.get().trades() > 0;
  }

  @Override
  public void write(RunData run, ReportPage page) {
    TradeFlow f = run.flow.orElseThrow();
    page.section(
        "selling",
        "Selling by mechanism",
        "Notional traded by orders that took liquidity, per "
            + bucket(f)
            + ", by why the order was sent: aggressive sells above zero, aggressive buys mirrored"
            + " below. Forced mechanisms are drawn in strong colours, routine flow in muted ones.",
        reads());
    ObjectNode c =
        page.chart(
            "selling-by-mechanism",
            "flow",
            "wide",
            "Aggressive notional by mechanism, all instruments (sells ↑, buys ↓)");
    fill(c, f, CauseKind.values());
    if (java.util.Arrays.stream(CauseKind.values())
        .anyMatch(k -> k.forced() && f.soldTotal(k) > 0)) {
      ObjectNode cum =
          page.chart(
              "forced-selling-cumulative",
              "lines",
              "wide",
              "Forced selling by mechanism, cumulative (aggressive sells, all instruments)");
      cumulative(cum, f);
      cum.set("shocks", page.shockMarks(run.shocks));
    }
    page.endSection();
  }

  /**
   * Writes a lines chart spec of the cumulative aggressive sells of each forced kind that sold:
   * {@code series} [{name, data: {t, v}}], t the end of each bucket in seconds since t0 (0 first),
   * v dollars sold up to then.
   */
  static void cumulative(ObjectNode c, TradeFlow f) {
    c.put("yName", "$ sold since the start");
    c.put("symbols", false);
    ArrayNode series = c.putArray("series");
    for (CauseKind k : CauseKind.values()) {
      if (!k.forced() || f.soldTotal(k) <= 0) {
        continue;
      }
      ObjectNode s = series.addObject();
      s.put("name", k.label());
      ObjectNode data = s.putObject("data");
      ArrayNode t = data.putArray("t");
      ArrayNode v = data.putArray("v");
      t.add(0);
      v.add(0);
      double sum = 0;
      for (int b = 0; b < f.buckets; b++) {
        sum += f.sold[k.ordinal()][b];
        t.add((b + 1) * f.bucketMillis / 1000);
        v.add(Math.round(sum));
      }
    }
  }

  static String bucket(TradeFlow f) {
    return f.bucketMinutes() == 1 ? "minute" : f.bucketMinutes() + " minutes";
  }

  /**
   * Writes the flow chart spec: {@code t} (bucket starts, seconds since t0), {@code yName}, and
   * {@code series} [{name, forced, sold, bought}] for each of {@code kinds} that traded.
   */
  static void fill(ObjectNode c, TradeFlow f, CauseKind[] kinds) {
    c.put("yName", "$ per " + bucket(f) + " (sells ↑ buys ↓)");
    c.put("bucketSeconds", f.bucketMillis / 1000);
    ArrayNode t = c.putArray("t");
    for (int b = 0; b < f.buckets; b++) {
      t.add((f.t0Millis + b * f.bucketMillis - f.t0Millis) / 1000);
    }
    ArrayNode series = c.putArray("series");
    for (CauseKind k : kinds) {
      if (f.total(k) <= 0) {
        continue;
      }
      ObjectNode s = series.addObject();
      s.put("name", k.label());
      s.put("forced", k.forced());
      ArrayNode sold = s.putArray("sold");
      ArrayNode bought = s.putArray("bought");
      for (int b = 0; b < f.buckets; b++) {
        sold.add(Math.round(f.sold[k.ordinal()][b]));
        bought.add(Math.round(f.bought[k.ordinal()][b]));
      }
    }
  }
}
