package dev.cascade.report;

import dev.cascade.record.InstrumentSummary;
import dev.cascade.record.RunSummary;
import java.util.Locale;

/**
 * The run's metadata (scenario, seed, window, tape hash, events, events per second, conservation)
 * and the summary table desks publish, one line per instrument. Reads summary.json.
 */
final class SummarySection implements ReportSection {
  @Override
  public String reads() {
    return RunData.SUMMARY;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.summary != null;
  }

  @Override
  public void write(RunData run, ReportPage page) {
    RunSummary s = run.summary;
    page.section(
        "summary",
        "Summary",
        "One line per instrument over the whole run. Change against the scenario's starting"
            + " price, or against the last price at the episode's 'from' time when it gives one;"
            + " drawdown is the largest fall from a running high; realised volatility of one-minute returns,"
            + " annualised; spread and depth are time averages of the samples.",
        reads());
    page.html("<div class=\"facts\">\n");
    fact(page, "Scenario", s.scenario());
    fact(page, "Seed", Long.toString(s.seed()));
    fact(
        page,
        "Without",
        s.without() == null || s.without().isEmpty() ? "none" : String.join(", ", s.without()));
    fact(page, "Simulated (UTC)", window(s.simulatedStart(), s.simulatedEnd()), true);
    fact(page, "Events", String.format(Locale.ROOT, "%,d", s.events()));
    fact(
        page,
        "Speed",
        String.format(
            Locale.ROOT, "%,.0f events/s, %.2f s wall", s.eventsPerSecond(), s.wallSeconds()),
        true);
    boolean ok = "conserved".equals(s.conservation());
    page.html("<div class=\"fact\"><span class=\"k\">Ledger</span><span class=\"v ")
        .html(ok ? "good" : "bad")
        .html("\">")
        .text(ok ? "conserved" : String.valueOf(s.conservation()))
        .html("</span></div>\n");
    page.html("<div class=\"fact wide\"><span class=\"k\">Tape hash (SHA-256)</span>")
        .html("<span class=\"v mono\">")
        .text(String.valueOf(s.tapeHash()))
        .html("</span></div>\n");
    page.html("</div>\n");

    page.html("<div class=\"table-wrap\"><table class=\"summary\">\n<thead><tr>");
    String[][] head = {
      {"Ticker", ""},
      {"Last", ""},
      {"Chg", "%"},
      {"High", ""},
      {"Low", ""},
      {"Volume", "lots"},
      {"Trades", ""},
      {"Rel. vol", "× baseline"},
      {"Max DD", "%"},
      {"Realised vol", "% ann."},
      {"Spread", "bps, avg"},
      {"Depth", "lots, avg"}
    };
    for (String[] h : head) {
      page.html("<th>").text(h[0]);
      if (!h[1].isEmpty()) {
        page.html("<span class=\"unit\">").text(h[1]).html("</span>");
      }
      page.html("</th>");
    }
    page.html("</tr></thead>\n<tbody>\n");
    for (InstrumentSummary i : s.instruments()) {
      page.html("<tr><td class=\"sym\">").text(i.symbol()).html("</td>");
      num(page, price(i.close()), "");
      num(
          page,
          String.format(Locale.ROOT, "%+.2f", i.changePct()),
          i.changePct() > 0 ? "up" : i.changePct() < 0 ? "down" : "");
      num(page, price(i.high()), "");
      num(page, price(i.low()), "");
      num(page, String.format(Locale.ROOT, "%,d", i.volume()), "");
      num(page, String.format(Locale.ROOT, "%,d", i.trades()), "");
      num(page, opt(i.relativeVolume(), "%.2f"), "");
      num(page, String.format(Locale.ROOT, "%.2f", i.maxDrawdownPct()), "");
      num(page, opt(i.realizedVolPct(), "%.1f"), "");
      num(page, opt(i.avgSpreadBps(), "%.2f"), "");
      num(page, opt(i.avgDepthLots(), "%,.0f"), "");
      page.html("</tr>\n");
    }
    page.html("</tbody></table></div>\n");
    page.endSection();
  }

  private static void fact(ReportPage page, String k, String v) {
    fact(page, k, v, false);
  }

  private static void fact(ReportPage page, String k, String v, boolean twoColumns) {
    page.html(
            twoColumns
                ? "<div class=\"fact two\"><span class=\"k\">"
                : "<div class=\"fact\"><span class=\"k\">")
        .text(k)
        .html("</span><span class=\"v\">")
        .text(v)
        .html("</span></div>\n");
  }

  private static void num(ReportPage page, String v, String cls) {
    page.html(cls.isEmpty() ? "<td class=\"num\">" : "<td class=\"num " + cls + "\">")
        .text(v)
        .html("</td>");
  }

  private static String opt(Double v, String fmt) {
    return v == null ? "–" : String.format(Locale.ROOT, fmt, v);
  }

  static String price(double p) {
    return Math.abs(p) >= 1000
        ? String.format(Locale.ROOT, "%,.2f", p)
        : String.format(Locale.ROOT, "%.2f", p);
  }

  static String window(String start, String end) {
    String a = start.replace('T', ' ').replace("Z", "");
    String b = end.replace('T', ' ').replace("Z", "");
    if (a.length() >= 10 && b.length() >= 10 && a.substring(0, 10).equals(b.substring(0, 10))) {
      b = b.substring(11);
    }
    return a + " → " + b;
  }
}
