package dev.cascade.report;

import dev.cascade.record.VolatilitySummary;
import java.util.Locale;

/**
 * VIX-style futures (price, the model's value, the basis the flow left, the index) and the funds
 * that reset their leverage daily (assets, resets, any early termination). Reads summary.json's
 * {@code volatility} section; the index's path is in the dealers section's chart.
 */
final class VolatilitySection implements ReportSection {
  @Override
  public String reads() {
    return "summary.json#volatility";
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.summary != null && run.summary.volatility() != null;
  }

  @Override
  public void write(RunData run, ReportPage page) {
    VolatilitySummary v = run.summary.volatility();
    page.section(
        "volatility",
        "Volatility products",
        "VIX-style futures are valued from the index by its mean-reverting term structure; the"
            + " basis is what order flow left between price and value. Leveraged and inverse"
            + " funds reset near the close (docs/model.md §10, §12).",
        reads());
    if (!v.futures().isEmpty()) {
      page.html("<div class=\"table-wrap\"><table class=\"summary\">\n<thead><tr>");
      page.html("<th>Future</th><th>Index of</th><th>Expiry</th><th>Price start</th>");
      page.html("<th>Price end</th><th>Model value</th><th>Basis</th><th>Index end</th>");
      page.html("</tr></thead>\n<tbody>\n");
      for (VolatilitySummary.Future f : v.futures()) {
        page.html("<tr><td class=\"sym\">").text(f.symbol()).html("</td><td class=\"sym\">");
        page.text(f.underlying()).html("</td><td class=\"num\">").text(f.expiry());
        page.html("</td><td class=\"num\">").text(num(f.priceStart()));
        page.html("</td><td class=\"num\">").text(num(f.priceEnd()));
        page.html("</td><td class=\"num\">").text(num(f.valueEnd()));
        page.html("</td><td class=\"num\">").text(signed(f.priceEnd() - f.valueEnd()));
        page.html("</td><td class=\"num\">").text(num(f.indexEnd())).html("</td></tr>\n");
      }
      page.html("</tbody></table></div>\n");
    }
    if (!v.funds().isEmpty()) {
      page.html("<div class=\"table-wrap\"><table class=\"summary\">\n<thead><tr>");
      page.html("<th>Fund</th><th>Leverage</th><th>Holds</th><th>Assets start</th>");
      page.html("<th>Assets end</th><th>Resets</th><th class=\"left\">Terminated (UTC)</th>");
      page.html("</tr></thead>\n<tbody>\n");
      for (VolatilitySummary.Fund f : v.funds()) {
        page.html("<tr><td class=\"sym\">").text(f.agent()).html("</td><td class=\"num\">");
        page.text(String.format(Locale.ROOT, "%+.1fx", f.leverage()));
        page.html("</td><td class=\"sym\">").text(f.instrument()).html("</td><td class=\"num\">");
        page.text(money(f.aumStart())).html("</td><td class=\"num\">").text(money(f.aumEnd()));
        page.html("</td><td class=\"num\">").text(Integer.toString(f.resets()));
        page.html("</td><td class=\"left\">");
        page.text(f.terminatedAt() == null ? "-" : f.terminatedAt()).html("</td></tr>\n");
      }
      page.html("</tbody></table></div>\n");
    }
    page.endSection();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%+.2f", v);
  }

  private static String money(double v) {
    return String.format(Locale.ROOT, "$%,.0f", v);
  }
}
