package dev.cascade.report;

import dev.cascade.record.EpisodeSummary;
import dev.cascade.record.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the terminal prints under the summary table beside halts: the index's move split by sector
 * with the breadth of its constituents ({@code summary.json#episode.index}), and every watched
 * level with whether, which way and when the price broke it ({@code summary.json#levels}).
 */
final class IndexLevelsSection implements ReportSection {
  /** Below this move (percent) the sector shares are ratios of noise and are not shown. */
  static final double SMALL_MOVE_PCT = 0.25;

  @Override
  public String reads() {
    return "summary.json#episode.index, summary.json#levels";
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.summary != null && (index(run.summary) != null || hasLevels(run.summary));
  }

  private static EpisodeSummary.IndexLine index(RunSummary s) {
    return s.episode() == null ? null : s.episode().index();
  }

  private static boolean hasLevels(RunSummary s) {
    return s.levels() != null && !s.levels().isEmpty();
  }

  @Override
  public void write(RunData run, ReportPage page) {
    RunSummary s = run.summary;
    EpisodeSummary.IndexLine x = index(s);
    page.section(
        "index-levels",
        x != null && hasLevels(s) ? "Index and levels" : x != null ? "Index" : "Levels",
        "The index's move over its constituents (start weights), the share of it each sector"
            + " made, and breadth; the watched levels (moving averages, retracements, round numbers,"
            + " the gamma flip) and whether the price broke them.",
        reads());
    if (x != null) {
      page.html("<h3>Index ").text(x.symbol()).html("</h3>\n");
      page.facts(
          List.of(
              new String[] {
                "Constituents", String.format(Locale.ROOT, "%+.2f%%", x.basketChangePct())
              },
              new String[] {"Up", Integer.toString(x.advancers())},
              new String[] {"Down", Integer.toString(x.decliners())},
              new String[] {"Flat", Integer.toString(x.unchanged())}));
      if (Math.abs(x.basketChangePct()) < SMALL_MOVE_PCT) {
        page.html("<p class=\"note\">Too small a move to split by sector.</p>\n");
      } else if (x.sectorSharePct() != null && !x.sectorSharePct().isEmpty()) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Double> e : x.sectorSharePct().entrySet()) {
          rows.add(new String[] {e.getKey(), String.format(Locale.ROOT, "%.0f", e.getValue())});
        }
        page.table(
            new String[][] {
              {"Sector"}, {"Share of the " + (x.basketChangePct() < 0 ? "loss" : "gain"), "%"}
            },
            rows);
      }
    }
    if (hasLevels(s)) {
      long broken = s.levels().stream().filter(EpisodeSummary.LevelLine::breached).count();
      page.html("<h3>Levels: ")
          .text(broken + " of " + s.levels().size() + " broken")
          .html("</h3>\n");
      List<String[]> rows = new ArrayList<>();
      for (EpisodeSummary.LevelLine l : s.levels()) {
        rows.add(
            new String[] {
              l.symbol(),
              l.name(),
              String.format(Locale.ROOT, l.price() >= 1000 ? "%,.2f" : "%.2f", l.price()),
              l.breached() ? "broken " + (l.direction() == null ? "" : l.direction()) : "held",
              l.breached() && l.at() != null ? l.at().replace('T', ' ').replace("Z", "") : ""
            });
      }
      page.table(
          new String[][] {
            {"Instrument"}, {"Level", "", "left"}, {"Price", "$"}, {"", "", "left"}, {"When", "UTC"}
          },
          rows);
    }
    page.endSection();
  }
}
