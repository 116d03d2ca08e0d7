package dev.cascade.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Monte Carlo sweep of {@code cascade sweep}: the experiment (paths, seeds, mechanisms left
 * out, scaling), any warning that there are too few paths for a figure, the table of tail
 * statistics with their standard errors and 95% bootstrap intervals as sweep.json holds them, and
 * per asset histograms of the change and of the max drawdown over the paths (from sweep-paths.csv)
 * with the 5% and 95% quantiles and ES 5% marked.
 */
final class SweepSection implements ReportSection {
  /** Fewest and most histogram bins; between them, the square root of the number of paths. */
  static final int MIN_BINS = 5;

  static final int MAX_BINS = 40;

  @Override
  public String reads() {
    return SweepResult.FILE + ", " + SweepResult.PATHS;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.sweep.isPresent();
  }

  @Override
  public void write(RunData run, ReportPage page) {
    SweepResult s = run.sweep.orElseThrow();
    page.section(
        "sweep",
        "Distribution over paths",
        "Each asset's change from its starting price and its largest peak-to-trough fall, in"
            + " percent, over "
            + s.paths()
            + (s.paths() == 1 ? " path" : " paths")
            + " (one seed each). ± is the standard error of the mean; brackets are 95% percentile"
            + " bootstrap intervals; ES 5% is the mean change of the worst 5% of paths.",
        reads());
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Paths", Integer.toString(s.paths())});
    facts.add(
        new String[] {
          "Seeds",
          s.paths() == 1
              ? Long.toString(s.firstSeed())
              : s.firstSeed() + "–" + (s.firstSeed() + s.paths() - 1)
        });
    facts.add(
        new String[] {
          "Left out", s.without().isEmpty() ? "nothing" : String.join(", ", s.without())
        });
    s.scaling()
        .forEach(
            (k, v) ->
                facts.add(
                    new String[] {
                      switch (k) {
                        case "shockScaling" -> "Shocks scaled";
                        case "leverageScaling" -> "Leverage scaled";
                        case "liquidityScaling" -> "Liquidity scaled";
                        default -> "Flows scaled";
                      },
                      v
                    }));
    if (s.breach() != null) {
      facts.add(new String[] {"Breach", s.breach()});
    }
    page.facts(facts);
    for (String w : s.warnings()) {
      page.html("<p class=\"warning\">Warning: ").text(w).html("</p>\n");
    }
    List<String[]> rows = new ArrayList<>();
    for (SweepResult.Asset a : s.assets()) {
      rows.add(
          new String[] {
            a.symbol(),
            pm(a.changeMean(), a.changeMeanSe(), true),
            fmt(a.changeSd(), false),
            withCi(a.changeP5(), a.changeP5Ci(), true),
            withCi(a.changeP50(), a.changeP50Ci(), true),
            withCi(a.changeP95(), a.changeP95Ci(), true),
            fmt(a.changeWorst(), true),
            withCi(a.changeEs5(), a.changeEs5Ci(), true),
            pm(a.drawdownMean(), a.drawdownMeanSe(), false),
            withCi(a.drawdownP95(), a.drawdownP95Ci(), false),
            fmt(a.drawdownWorst(), false)
          });
    }
    page.table(
        new String[][] {
          {"Asset"},
          {"Change mean", "% ± se"},
          {"sd", "%"},
          {"p5", "% [95% CI]"},
          {"p50", "% [95% CI]"},
          {"p95", "% [95% CI]"},
          {"Worst", "%"},
          {"ES 5%", "% [95% CI]"},
          {"Max drawdown mean", "% ± se"},
          {"Drawdown p95", "% [95% CI]"},
          {"Worst drawdown", "%"}
        },
        rows);
    if (!s.pathChange().isEmpty()) {
      page.html("<div class=\"grid\">\n");
      for (SweepResult.Asset a : s.assets()) {
        List<Double> ch = s.pathChange().get(a.symbol());
        List<Double> dd = s.pathDrawdown().get(a.symbol());
        if (ch == null || ch.isEmpty()) {
          continue;
        }
        ObjectNode c =
            page.chart(
                "sweep-change-" + a.symbol(),
                "histogram",
                "panel",
                a.symbol() + ": change over " + ch.size() + " paths");
        c.put("xName", "change (%)");
        histogram(c, ch);
        ArrayNode m = c.putArray("marks");
        mark(m, "p5", a.changeP5());
        mark(m, "p95", a.changeP95());
        mark(m, "ES 5%", a.changeEs5());
        ObjectNode d =
            page.chart(
                "sweep-drawdown-" + a.symbol(),
                "histogram",
                "panel",
                a.symbol() + ": max drawdown over " + dd.size() + " paths");
        d.put("xName", "max drawdown (%)");
        histogram(d, dd);
        mark(d.putArray("marks"), "p95", a.drawdownP95());
      }
      page.html("</div>\n");
    }
    page.endSection();
  }

  /** Writes {@code bins} [{lo, hi, n}] of equal width over the values' range. */
  static void histogram(ObjectNode c, List<Double> values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    int n = (int) Math.max(MIN_BINS, Math.min(MAX_BINS, Math.ceil(Math.sqrt(values.size()))));
    if (hi - lo < 1e-9) {
      lo -= 0.5;
      hi += 0.5;
      n = 1;
    }
    double w = (hi - lo) / n;
    int[] count = new int[n];
    for (double v : values) {
      count[Math.min(n - 1, (int) ((v - lo) / w))]++;
    }
    ArrayNode bins = c.putArray("bins");
    for (int k = 0; k < n; k++) {
      bins.addObject()
          .put("lo", round(lo + k * w))
          .put("hi", round(k == n - 1 ? hi : lo + (k + 1) * w))
          .put("n", count[k]);
    }
  }

  private static void mark(ArrayNode marks, String name, double value) {
    marks.addObject().put("name", name).put("value", round(value));
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  static String fmt(double v, boolean signed) {
    return String.format(Locale.ROOT, signed ? "%+.2f" : "%.2f", v);
  }

  static String pm(double v, Double se, boolean signed) {
    return se == null ? fmt(v, signed) : fmt(v, signed) + " ± " + fmt(se, false);
  }

  static String withCi(double v, SweepResult.Interval ci, boolean signed) {
    return ci == null
        ? fmt(v, signed)
        : fmt(v, signed) + " [" + fmt(ci.lo(), signed) + ", " + fmt(ci.hi(), signed) + "]";
  }
}
