package dev.cascade.report;

import java.time.Instant;

/** Every trading halt of the run, in order, with its reason. Reads halts.csv. */
final class HaltSection implements ReportSection {
  @Override
  public String reads() {
    return RunData.HALTS;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.summary != null && RunTable.exists(run.dir.resolve(RunData.HALTS));
  }

  @Override
  public void write(RunData run, ReportPage page) {
    page.section(
        "halts",
        "Trading halts",
        "Market-wide and single-instrument halts (circuit breakers, price bands).",
        reads());
    if (run.halts.isEmpty()) {
      page.html("<p>No halts in this run.</p>\n");
    } else {
      page.html("<div class=\"table-wrap\"><table class=\"summary\">\n<thead><tr>");
      page.html("<th>Instrument</th><th>From (UTC)</th><th>Until (UTC)</th>");
      page.html("<th>Minutes</th><th class=\"left\">Reason</th></tr></thead>\n<tbody>\n");
      for (RunData.HaltSpan h : run.halts) {
        page.html("<tr><td class=\"sym\">").text(h.symbol()).html("</td><td class=\"num\">");
        page.text(utc(h.startMillis())).html("</td><td class=\"num\">");
        page.text(utc(h.untilMillis())).html("</td><td class=\"num\">");
        page.text(
            String.format(
                java.util.Locale.ROOT, "%.1f", (h.untilMillis() - h.startMillis()) / 60_000.0));
        page.html("</td><td class=\"left\">").text(h.reason()).html("</td></tr>\n");
      }
      page.html("</tbody></table></div>\n");
    }
    page.endSection();
  }

  private static String utc(long millis) {
    return Instant.ofEpochMilli(millis).toString().replace('T', ' ').replace("Z", "");
  }
}
