package dev.cascade.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attribution waterfall of {@code cascade attribute}: per asset, from the move of the direct
 * shock alone (every mechanism off) through each mechanism's paired contribution (full minus
 * without it) to the move with everything on. Contributions measured one at a time need not add up:
 * what is left is drawn as "interaction". Reads attribution.json.
 */
final class AttributionSection implements ReportSection {
  /** Below this many percentage points the interaction step is left out. */
  static final double SMALL_PP = 0.005;

  @Override
  public String reads() {
    return RunData.ATTRIBUTION;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.attribution.isPresent();
  }

  @Override
  public void write(RunData run, ReportPage page) {
    Attribution a = run.attribution.orElseThrow();
    page.section(
        "attribution",
        "Attribution",
        "Each asset's mean change over "
            + a.seeds().size()
            + " paired seeds, in percent: the direct shock alone, then what each mechanism added"
            + " (full run minus the run without it), then the full move. Green bars push the"
            + " price up, red down.",
        reads());
    List<String[]> rows = new ArrayList<>();
    for (Attribution.Asset x : a.assets()) {
      rows.add(
          new String[] {
            x.symbol(),
            pct(x.directChangePct()),
            pct(x.fullChangePct()),
            x.amplification() == null ? "–" : String.format(Locale.ROOT, "%.2f×", x.amplification())
          });
    }
    page.table(
        new String[][] {
          {"Asset"}, {"Direct shock alone", "%"}, {"Full", "%"}, {"Amplification", "full / direct"}
        },
        rows);
    page.html("<div class=\"grid\">\n");
    for (Attribution.Asset x : a.assets()) {
      ObjectNode c =
          page.chart(
              "attribution-" + x.symbol(),
              "waterfall",
              "panel",
              x.symbol() + ": from the direct shock to the full move");
      c.put("yName", "change (%)");
      ArrayNode steps = c.putArray("steps");
      step(steps, "direct shock", 0, x.directChangePct(), true, 0);
      double level = x.directChangePct();
      for (Attribution.Contribution m : x.contributions()) {
        step(steps, m.mechanism(), level, level + m.changePp(), false, m.changeSd());
        level += m.changePp();
      }
      double rest = x.fullChangePct() - level;
      if (Math.abs(rest) >= SMALL_PP) {
        step(steps, "interaction", level, x.fullChangePct(), false, 0);
      }
      step(steps, "full", 0, x.fullChangePct(), true, 0);
    }
    page.html("</div>\n");
    matrix(a, page);
    page.endSection();
  }

  /** Beyond this many standard errors from zero a contribution's cell is marked. */
  static final double MARKED_SE = 2;

  /**
   * The mechanism x asset matrix of paired contributions: each cell the mean contribution to the
   * change ± its standard error, percentage points; cells further than two standard errors from
   * zero shaded (green up, red down) and starred.
   */
  static void matrix(Attribution a, ReportPage page) {
    java.util.LinkedHashSet<String> mechanisms = new java.util.LinkedHashSet<>();
    for (Attribution.Asset x : a.assets()) {
      x.contributions().forEach(c -> mechanisms.add(c.mechanism()));
    }
    if (mechanisms.isEmpty()) {
      return;
    }
    boolean anySe =
        a.assets().stream()
            .flatMap(x -> x.contributions().stream())
            .anyMatch(c -> c.changeSe() != null);
    page.html("<h3 id=\"attribution-matrix\">Contributions by mechanism and asset</h3>\n");
    page.html("<p class=\"note\">")
        .text(
            anySe
                ? "Each mechanism's paired contribution to each asset's change (full run minus the"
                    + " run without it), percentage points ± its standard error over the seeds."
                    + " Shaded and starred: further than two standard errors from zero."
                : "Each mechanism's paired contribution to each asset's change (full run minus the"
                    + " run without it), percentage points; one seed gives no standard errors.")
        .html("</p>\n");
    page.html("<div class=\"table-wrap\"><table class=\"summary matrix\">\n<thead><tr>");
    page.html("<th>Mechanism</th>");
    for (Attribution.Asset x : a.assets()) {
      page.html("<th>").text(x.symbol()).html("<span class=\"unit\">pp ± se</span></th>");
    }
    page.html("</tr></thead>\n<tbody>\n");
    for (String m : mechanisms) {
      page.html("<tr><td class=\"sym\">").text(m).html("</td>");
      for (Attribution.Asset x : a.assets()) {
        Attribution.Contribution c =
            x.contributions().stream()
                .filter(k -> k.mechanism().equals(m))
                .findFirst()
                .orElse(null);
        if (c == null) {
          page.html("<td class=\"num\">–</td>");
          continue;
        }
        boolean marked =
            c.changeSe() != null
                && c.changeSe() > 0
                && Math.abs(c.changePp()) > MARKED_SE * c.changeSe();
        page.html(
            marked
                ? c.changePp() >= 0 ? "<td class=\"num sig up\">" : "<td class=\"num sig down\">"
                : "<td class=\"num\">");
        page.text(String.format(Locale.ROOT, "%+.2f", c.changePp()));
        if (c.changeSe() != null) {
          page.text(String.format(Locale.ROOT, " ± %.2f", c.changeSe()));
        }
        page.html(marked ? " *</td>" : "</td>");
      }
      page.html("</tr>\n");
    }
    page.html("</tbody></table></div>\n");
  }

  private static void step(
      ArrayNode steps, String name, double from, double to, boolean total, double sd) {
    steps
        .addObject()
        .put("name", name)
        .put("from", round(from))
        .put("to", round(to))
        .put("total", total)
        .put("sd", round(sd));
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%+.2f", v);
  }
}
