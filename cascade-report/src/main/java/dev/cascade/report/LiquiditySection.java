package dev.cascade.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.record.InstrumentSummary;

/**
 * Liquidity per instrument: the quoted spread in bps of the mid above, and the lots resting within
 * five price levels of the touch on each side below, so an air pocket (the spread blowing out as
 * the depth drains) lines up vertically. Reads depth.csv (and halts.csv for the shading).
 */
final class LiquiditySection implements ReportSection {
  /** A sampling gap longer than this many typical steps (a halt, a closed session) is a break. */
  static final int GAP_STEPS = 10;

  @Override
  public String reads() {
    return RunData.DEPTH + ", " + RunData.HALTS;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.hasDepth();
  }

  @Override
  public void write(RunData run, ReportPage page) {
    page.section(
        "liquidity",
        "Liquidity",
        "Quoted spread and resting depth within five price levels of the best bid and ask, sampled"
            + " while the book is open and quoted on both sides. Air pockets show as spread spikes"
            + " over depth holes.",
        reads());
    page.html("<div class=\"grid\">\n");
    for (InstrumentSummary i : run.summary.instruments()) {
      RunData.Depth d = run.depth.get(i.symbol());
      if (d == null || d.spreadBps().size() == 0) {
        continue;
      }
      long gap = GAP_STEPS * d.spreadBps().typicalStepMillis();
      ObjectNode c =
          page.chart(
              "liquidity-" + i.symbol(),
              "liquidity",
              "panel",
              i.symbol() + ": quoted spread and depth");
      c.put("collapse", run.multiDay());
      c.put("symbol", i.symbol());
      c.set("spread", page.points(d.spreadBps(), gap));
      c.set("bid", page.points(d.bidLots(), gap));
      c.set("ask", page.points(d.askLots(), gap));
      c.set("halts", page.spans(run.haltsOf(i.symbol())));
    }
    page.html("</div>\n");
    page.endSection();
  }
}
