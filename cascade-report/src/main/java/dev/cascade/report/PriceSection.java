package dev.cascade.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.record.InstrumentSummary;

/**
 * Price paths: every instrument normalised to 100 at its first bar on one chart, then one panel per
 * instrument with the absolute close and the volume traded per minute beneath it. Halts are shaded;
 * levels (the dealers' gamma flip, and summary.json's optional {@code levels} array of {symbol,
 * name, price}) are dashed lines on the price. Reads bars-1m.csv (and halts.csv for the shading,
 * summary.json for the levels, when present).
 */
final class PriceSection implements ReportSection {
  /** A minute-bar gap longer than this many typical steps is drawn as a break, not a line. */
  static final int GAP_STEPS = 15;

  @Override
  public String reads() {
    return RunData.BARS + ", " + RunData.HALTS + ", " + RunData.CAUSES;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.hasBars();
  }

  @Override
  public void write(RunData run, ReportPage page) {
    page.section(
        "prices",
        "Prices and volume",
        "Closing price of each one-minute bar; shaded spans are trading halts. Series with more"
            + " than "
            + Downsampling.MAX_POINTS
            + " points are downsampled keeping each interval's high and low. Dashed lines mark"
            + " levels such as the dealers' gamma flip; dotted vertical lines the scenario's"
            + " shocks (hover for the label).",
        reads());
    ObjectNode norm =
        page.chart(
            "price-normalised", "lines", "wide", "All instruments, normalised (first bar = 100)");
    norm.put("yName", "index (first bar = 100)");
    norm.put("normalise", true);
    ArrayNode series = norm.putArray("series");
    // On a multi-day run the shared axis is the minutes of the instruments that keep hours; those
    // that trade around the clock are drawn at those minutes only (their own panels show all).
    boolean collapse = run.multiDay();
    boolean someKeepHours =
        run.summary.instruments().stream()
            .map(i -> run.bars.get(i.symbol()))
            .anyMatch(b -> b != null && b.close().size() > 0 && !run.aroundTheClock(b.close()));
    norm.put("collapse", collapse);
    for (InstrumentSummary i : run.summary.instruments()) {
      RunData.Bars b = run.bars.get(i.symbol());
      if (b == null || b.close().size() == 0) {
        continue;
      }
      ObjectNode s = series.addObject();
      s.put("name", i.symbol());
      if (collapse && someKeepHours && run.aroundTheClock(b.close())) {
        s.put("clock", true);
      }
      s.set("data", page.points(b.close(), gap(b.close())));
    }
    norm.set("halts", page.spans(run.halts));
    norm.set("shocks", page.shockMarks(run.shocks));

    page.html("<div class=\"grid\">\n");
    for (InstrumentSummary i : run.summary.instruments()) {
      RunData.Bars b = run.bars.get(i.symbol());
      if (b == null || b.close().size() == 0) {
        continue;
      }
      ObjectNode c =
          page.chart(
              "price-" + i.symbol(),
              "priceVolume",
              "panel",
              i.symbol() + ": price and volume per minute");
      c.put("symbol", i.symbol());
      c.put("collapse", collapse);
      c.set("price", page.points(b.close(), gap(b.close())));
      c.set("volume", page.points(b.volume(), gap(b.volume())));
      c.set("halts", page.spans(run.haltsOf(i.symbol())));
      c.set("shocks", page.shockMarks(run.shocks));
      com.fasterxml.jackson.databind.node.ArrayNode levels = c.putArray("levels");
      for (RunData.Level l : run.levelsOf(i.symbol())) {
        levels.addObject().put("name", l.name()).put("price", l.price());
      }
    }
    page.html("</div>\n");
    page.endSection();
  }

  private static long gap(Series s) {
    return GAP_STEPS * s.typicalStepMillis();
  }
}
