package dev.cascade.report;

import dev.cascade.record.DealerSummary;
import dev.cascade.record.EpisodeSummary;
import dev.cascade.record.InstrumentSummary;
import dev.cascade.record.LiquidationSummary;
import dev.cascade.record.MarginSummary;
import dev.cascade.record.RunSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The first screen: one sentence of what happened (scenario, window, the largest mover) and compact
 * cards of the headline figures, each beside its source figure where the run has one. Every value
 * comes from the run's own files: the simulated and source changes and relative volumes from
 * summary.json's {@code episode.observed}, the amplification from attribution.json, dollars
 * liquidated and margin calls from {@code #margin} and {@code #liquidations}, the gamma flip
 * crossing and the VIX-style index from {@code #dealers}, halts, and the levels broken from {@code
 * #levels}. A part the run does not have is left out, never shown empty.
 */
final class HeadlineSection implements ReportSection {
  @Override
  public String reads() {
    return RunData.SUMMARY + ", " + RunData.ATTRIBUTION;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.summary != null || run.attribution.isPresent();
  }

  @Override
  public void write(RunData run, ReportPage page) {
    page.html("<section class=\"headline\" id=\"headline\">\n<p class=\"lede\">")
        .text(sentence(run))
        .html("</p>\n");
    List<String[]> cards = new ArrayList<>();
    if (run.summary != null) {
      observed(run.summary, cards);
    }
    run.attribution.ifPresent(a -> amplification(a, cards));
    if (run.summary != null) {
      forced(run.summary, cards);
      dealers(run.summary, cards);
      halts(run.summary, cards);
      levels(run.summary, cards);
    }
    if (!cards.isEmpty()) {
      page.html("<div class=\"cards\">\n");
      for (String[] c : cards) {
        page.html("<div class=\"card\"><span class=\"k\">")
            .text(c[0])
            .html("</span><span class=\"v")
            .html(c.length > 3 && !c[3].isEmpty() ? " " + c[3] : "")
            .html("\">")
            .text(c[1])
            .html("</span>");
        if (c.length > 2 && !c[2].isEmpty()) {
          page.html("<span class=\"src\">").text(c[2]).html("</span>");
        }
        page.html("</div>\n");
      }
      page.html("</div>\n");
    }
    page.html("</section>\n");
  }

  /** Scenario, window and the largest mover, with its source figure when the episode gives one. */
  static String sentence(RunData run) {
    if (run.summary == null) {
      Attribution a = run.attribution.orElseThrow();
      StringBuilder b = new StringBuilder(a.scenario()).append(": attribution over ");
      b.append(a.seeds().size()).append(a.seeds().size() == 1 ? " seed" : " seeds");
      a.assets().stream()
          .max(Comparator.comparingDouble(x -> Math.abs(x.fullChangePct())))
          .ifPresent(
              x ->
                  b.append("; ")
                      .append(x.symbol())
                      .append(" moved most, ")
                      .append(pct(x.fullChangePct()))
                      .append(" with every mechanism on against ")
                      .append(pct(x.directChangePct()))
                      .append(" from the direct shock alone"));
      return b.append('.').toString();
    }
    RunSummary s = run.summary;
    StringBuilder b =
        new StringBuilder(s.scenario())
            .append(", ")
            .append(SummarySection.window(s.simulatedStart(), s.simulatedEnd()))
            .append(" UTC");
    InstrumentSummary top =
        s.instruments().stream()
            .max(Comparator.comparingDouble(i -> Math.abs(i.changePct())))
            .orElse(null);
    if (top == null) {
      return b.append('.').toString();
    }
    b.append(": ").append(top.symbol()).append(" moved most, ").append(pct(top.changePct()));
    EpisodeSummary.ObservedLine o = observedLine(s, top.symbol());
    if (o != null && o.observedChangePct() != null) {
      b.append(" (source ").append(pct(o.observedChangePct())).append(')');
    }
    long halts = s.halts() == null ? 0 : s.halts().size();
    if (halts > 0) {
      b.append("; ").append(halts).append(halts == 1 ? " halt" : " halts");
    }
    double liquidated = liquidated(s);
    if (liquidated > 0) {
      b.append("; ").append(ReportPage.money(liquidated, s.scale())).append(" liquidated");
    }
    return b.append('.').toString();
  }

  private static EpisodeSummary.ObservedLine observedLine(RunSummary s, String symbol) {
    if (s.episode() == null || s.episode().observed() == null) {
      return null;
    }
    return s.episode().observed().stream()
        .filter(o -> o.symbol().equals(symbol))
        .findFirst()
        .orElse(null);
  }

  private static void observed(RunSummary s, List<String[]> cards) {
    if (s.episode() == null || s.episode().observed() == null) {
      return;
    }
    for (EpisodeSummary.ObservedLine o : s.episode().observed()) {
      // One card per asset: the simulated change large, the source's beside it, then the
      // relative volume beside the source's.
      StringBuilder src = new StringBuilder();
      if (o.observedChangePct() != null) {
        src.append("source ").append(pct(o.observedChangePct()));
      }
      if (o.relativeVolume() != null) {
        src.append(src.length() > 0 ? " · " : "")
            .append("rel. volume ")
            .append(times(o.relativeVolume()));
        if (o.observedRelativeVolume() != null) {
          src.append(" (source ").append(times(o.observedRelativeVolume())).append(')');
        }
      }
      cards.add(
          new String[] {
            o.symbol() + " change",
            pct(o.changePct()),
            src.toString(),
            o.changePct() > 0 ? "up" : o.changePct() < 0 ? "down" : ""
          });
    }
  }

  private static void amplification(Attribution a, List<String[]> cards) {
    for (Attribution.Asset x : a.assets()) {
      if (x.amplification() == null) {
        continue;
      }
      // The amplification's own 95% interval (paired bootstrap over seeds) when attribution.json
      // has one, then its parts, each mean ± its standard error over seeds.
      String interval =
          (x.amplificationLo() != null && x.amplificationHi() != null
                  ? String.format(
                      Locale.ROOT,
                      "95%% interval %.2f-%.2f×; ",
                      x.amplificationLo(),
                      x.amplificationHi())
                  : "")
              + "full "
              + pct(x.fullChangePct())
              + se(x.fullChangeSe())
              + ", direct "
              + pct(x.directChangePct())
              + se(x.directChangeSe());
      cards.add(
          new String[] {
            x.symbol() + " amplification",
            String.format(Locale.ROOT, "%.2f×", x.amplification()),
            interval
          });
    }
  }

  private static double liquidated(RunSummary s) {
    LiquidationSummary l = s.liquidations();
    double total = 0;
    if (l != null && l.venues() != null) {
      for (LiquidationSummary.Venue v : l.venues()) {
        total += v.notional();
      }
    }
    return total;
  }

  private static void forced(RunSummary s, List<String[]> cards) {
    LiquidationSummary l = s.liquidations();
    MarginSummary m = s.margin();
    boolean venues =
        l != null && l.venues() != null && l.venues().stream().anyMatch(v -> v.orders() > 0);
    int calls = 0;
    double called = 0;
    boolean desks = false;
    if (m != null && m.desks() != null) {
      for (MarginSummary.Desk d : m.desks()) {
        calls += d.calls();
        called += d.callAmount();
        desks |= d.accounts() > 0 || d.calls() > 0;
      }
    }
    if (venues) {
      int accounts = l.venues().stream().mapToInt(LiquidationSummary.Venue::accounts).sum();
      cards.add(
          new String[] {
            "Liquidated",
            ReportPage.money(liquidated(s), s.scale()),
            accounts + (accounts == 1 ? " account" : " accounts")
          });
    }
    if (desks) {
      cards.add(
          new String[] {
            "Margin calls",
            Integer.toString(calls),
            calls > 0 ? ReportPage.money(called, s.scale()) : ""
          });
    }
  }

  private static void dealers(RunSummary s, List<String[]> cards) {
    if (s.dealers() == null) {
      return;
    }
    for (DealerSummary d : s.dealers()) {
      if (d.flipStart() != null) {
        cards.add(
            new String[] {
              d.underlying() + " gamma flip " + SummarySection.price(d.flipStart()),
              d.flipCrossedAt() == null ? "not crossed" : time(d.flipCrossedAt()).substring(5),
              (d.flipCrossedAt() == null ? "" : "crossed; ")
                  + "spot "
                  + SummarySection.price(d.spotStart())
                  + " → "
                  + SummarySection.price(d.spotEnd())
            });
      }
      cards.add(
          new String[] {
            d.underlying() + " VIX-style",
            String.format(Locale.ROOT, "%.1f → max %.1f", d.vixStart(), d.vixMax()),
            String.format(Locale.ROOT, "end %.1f", d.vixEnd())
          });
    }
  }

  private static void halts(RunSummary s, List<String[]> cards) {
    if (s.halts() == null || s.halts().isEmpty()) {
      return;
    }
    RunSummary.HaltSummary first = s.halts().get(0);
    cards.add(
        new String[] {
          "Halts",
          Integer.toString(s.halts().size()),
          "first " + first.symbol() + " " + time(first.start()) + ", " + first.reason()
        });
  }

  private static void levels(RunSummary s, List<String[]> cards) {
    if (s.levels() == null) {
      return;
    }
    List<EpisodeSummary.LevelLine> broken =
        s.levels().stream().filter(EpisodeSummary.LevelLine::breached).toList();
    if (broken.isEmpty()) {
      return;
    }
    // Named levels (moving averages, retracements, the gamma flip) before round numbers; at most
    // four are spelled out.
    List<EpisodeSummary.LevelLine> shown = new ArrayList<>();
    broken.stream().filter(l -> !l.name().startsWith("round")).forEach(shown::add);
    broken.stream().filter(l -> l.name().startsWith("round")).forEach(shown::add);
    StringBuilder b = new StringBuilder();
    for (EpisodeSummary.LevelLine l : shown.subList(0, Math.min(4, shown.size()))) {
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(l.symbol())
          .append(' ')
          .append(l.name())
          .append(' ')
          .append(SummarySection.price(l.price()));
      if (l.at() != null) {
        b.append(" at ").append(time(l.at()));
      }
    }
    if (shown.size() > 4) {
      b.append("; ").append(shown.size() - 4).append(" more");
    }
    cards.add(
        new String[] {"Levels broken", broken.size() + " of " + s.levels().size(), b.toString()});
  }

  private static String se(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, " ± %.2f", v);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%+.2f%%", v).replace('-', '−');
  }

  private static String times(double v) {
    return String.format(Locale.ROOT, "%.2f×", v);
  }

  /** An ISO-8601 UTC time as "2025-11-20 15:42". */
  private static String time(String iso) {
    String t = iso.replace('T', ' ').replace("Z", "");
    return t.length() > 16 ? t.substring(0, 16) : t;
  }
}
