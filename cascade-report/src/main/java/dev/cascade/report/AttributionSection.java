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
        ObjectNode st =
            step(steps, m.mechanism(), level, level + m.changePp(), false, m.changeSd());
        if (m.ciLo() != null && m.ciHi() != null) {
          // The error bar: the 95% interval of the contribution, drawn at the step's end.
          st.put("lo", round(level + m.ciLo())).put("hi", round(level + m.ciHi()));
        }
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
                    + " Shaded and starred: further than two standard errors from zero. The bar"
                    + " beside each figure is its 95% interval (Student t over the seeds), the dot"
                    + " the mean, the upright line zero; each asset's column has its own scale."
                : "Each mechanism's paired contribution to each asset's change (full run minus the"
                    + " run without it), percentage points; one seed gives no standard errors.")
        .html("</p>\n");
    page.html("<div class=\"table-wrap\"><table class=\"summary matrix\">\n<thead><tr>");
    page.html("<th>Mechanism</th>");
    for (Attribution.Asset x : a.assets()) {
      page.html("<th>").text(x.symbol()).html("<span class=\"unit\">pp ± se</span></th>");
    }
    page.html("</tr></thead>\n<tbody>\n");
    java.util.Map<String, Double> scale = new java.util.HashMap<>();
    for (Attribution.Asset x : a.assets()) {
      double most = 0;
      for (Attribution.Contribution c : x.contributions()) {
        most = Math.max(most, Math.abs(c.changePp()));
        if (c.ciLo() != null && c.ciHi() != null) {
          most = Math.max(most, Math.max(Math.abs(c.ciLo()), Math.abs(c.ciHi())));
        }
      }
      scale.put(x.symbol(), most);
    }
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
        page.html(marked ? " *" : "");
        if (c.ciLo() != null && c.ciHi() != null) {
          page.html(errorBar(c, scale.get(x.symbol())));
        }
        page.html("</td>");
      }
      page.html("</tr>\n");
    }
    page.html("</tbody></table></div>\n");
  }

  /** Half the width of a matrix cell's error bar, pixels; zero sits in the middle. */
  static final int BAR_HALF = 30;

  /**
   * A small drawn error bar: the contribution's 95% interval as a line, its mean as a dot and zero
   * as an upright tick, on a scale where {@code most} (the column's largest magnitude) reaches the
   * edge.
   */
  static String errorBar(Attribution.Contribution c, double most) {
    double k = most > 0 ? BAR_HALF / most : 0;
    double mid = BAR_HALF + 2;
    return String.format(
        Locale.ROOT,
        " <svg class=\"ebar\" width=\"%d\" height=\"12\" role=\"img\" aria-label=\"95%% interval"
            + " %+.2f to %+.2f\"><title>95%% interval %+.2f to %+.2f pp</title>"
            + "<line class=\"zero\" x1=\"%.1f\" y1=\"1\" x2=\"%.1f\" y2=\"11\"/>"
            + "<line class=\"ci\" x1=\"%.1f\" y1=\"6\" x2=\"%.1f\" y2=\"6\"/>"
            + "<circle class=\"mean\" cx=\"%.1f\" cy=\"6\" r=\"2.5\"/></svg>",
        2 * BAR_HALF + 4,
        c.ciLo(),
        c.ciHi(),
        c.ciLo(),
        c.ciHi(),
        mid,
        mid,
        mid + k * c.ciLo(),
        mid + k * c.ciHi(),
        mid + k * c.changePp());
  }

  private static ObjectNode step(
      ArrayNode steps, String name, double from, double to, boolean total, double sd) {
    return steps
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
