package dev.cascade.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.record.DealerSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Options dealers per underlying: net gamma and the gamma flip at the start and end, when spot
 * crossed the flip, hedge volume and the option books; the dealers' gamma profile over price at the
 * start and end with the flips and spots marked; and the VIX-style index over time. Reads
 * summary.json's {@code dealers} section, gex.csv and vix.csv (each chart drawn only when its file
 * exists).
 */
final class DealerSection implements ReportSection {
  @Override
  public String reads() {
    return "summary.json#dealers, " + RunData.GEX + ", " + RunData.VIX;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.summary != null && run.summary.dealers() != null && !run.summary.dealers().isEmpty();
  }

  @Override
  public void write(RunData run, ReportPage page) {
    page.section(
        "dealers",
        "Options dealers",
        "Dealers' net gamma exposure (GEX) in dollars of delta per 1% move: negative means the"
            + " dealers are short gamma and their hedges trade with the move. The flip is the"
            + " price nearest spot where GEX changes sign.",
        reads());
    List<String[]> rows = new ArrayList<>();
    for (DealerSummary d : run.summary.dealers()) {
      rows.add(
          new String[] {
            d.underlying(),
            Integer.toString(d.dealers()),
            ReportPage.money(d.netGammaStartPer1Pct(), run.summary.scale()),
            ReportPage.money(d.netGammaEndPer1Pct(), run.summary.scale()),
            level(d.flipStart()),
            level(d.flipEnd()),
            SummarySection.price(d.spotStart()) + " → " + SummarySection.price(d.spotEnd()),
            d.flipCrossedAt() == null ? "not crossed" : utc(d.flipCrossedAt()),
            String.format(Locale.ROOT, "%,d", d.hedgeLots())
                + " ("
                + ReportPage.money(d.hedgeNotional(), run.summary.scale())
                + ")",
            String.format(Locale.ROOT, "%,d → %,d", d.contractsStart(), d.contractsEnd()),
            String.format(
                Locale.ROOT,
                "%,d (%,d) / %,d",
                d.customerPuts(),
                d.customerPutsSameDay(),
                d.customerCalls()),
            String.format(Locale.ROOT, "%.2f / %.2f / %.2f", d.vixStart(), d.vixMax(), d.vixEnd())
          });
    }
    page.table(
        new String[][] {
          {"Underlying"},
          {"Dealers"},
          {"GEX start", "$ per 1%"},
          {"GEX end", "$ per 1%"},
          {"Flip start", "$"},
          {"Flip end", "$"},
          {"Spot", "start → end, $"},
          {"Spot crossed flip", "UTC"},
          {"Hedges", "lots ($)"},
          {"Contracts", "start → end"},
          {"Customers", "puts bought (same-day) / calls from overwriters"},
          {"VIX-style", "start / max / end"}
        },
        rows);

    page.html("<div class=\"grid\">\n");
    for (DealerSummary d : run.summary.dealers()) {
      Map<String, RunData.GexCurve> curves = run.gex.get(d.underlying());
      if (curves == null || curves.isEmpty()) {
        continue;
      }
      ObjectNode c =
          page.chart(
              "gex-" + d.underlying(),
              "gex",
              "panel",
              d.underlying() + ": dealer gamma profile, start and end");
      ArrayNode series = c.putArray("series");
      for (Map.Entry<String, RunData.GexCurve> e : curves.entrySet()) {
        ObjectNode s = series.addObject();
        s.put("name", e.getKey());
        ArrayNode data = s.putArray("data");
        for (int k = 0; k < e.getValue().prices().size(); k++) {
          data.addArray().add(e.getValue().prices().get(k)).add(e.getValue().gex().get(k));
        }
      }
      ArrayNode marks = c.putArray("marks");
      mark(marks, "flip start", d.flipStart());
      mark(marks, "flip end", d.flipEnd());
      mark(marks, "spot start", d.spotStart());
      mark(marks, "spot end", d.spotEnd());
    }
    for (DealerSummary d : run.summary.dealers()) {
      Series v = run.vix.get(d.underlying());
      if (v == null || v.size() == 0) {
        continue;
      }
      ObjectNode c =
          page.chart(
              "vix-" + d.underlying(),
              "lines",
              "panel",
              d.underlying() + ": VIX-style 30-day index");
      c.put("yName", "index points");
      c.put("symbols", true);
      ArrayNode series = c.putArray("series");
      ObjectNode s = series.addObject();
      s.put("name", "VIX-style (" + d.underlying() + ")");
      s.set("data", page.points(v, Long.MAX_VALUE / 4));
      c.set("halts", page.spans(run.haltsOf(d.underlying())));
    }
    page.html("</div>\n");
    page.endSection();
  }

  private static void mark(ArrayNode marks, String name, Double price) {
    if (price != null && Double.isFinite(price)) {
      marks.addObject().put("name", name).put("price", price);
    }
  }

  private static String level(Double v) {
    return v == null ? "none within ±20%" : SummarySection.price(v);
  }

  private static String utc(String iso) {
    return iso.replace('T', ' ').replace("Z", "");
  }
}
