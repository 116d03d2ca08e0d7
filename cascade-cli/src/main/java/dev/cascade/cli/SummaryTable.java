package dev.cascade.cli;

import dev.cascade.record.DealerSummary;
import dev.cascade.record.EpisodeSummary;
import dev.cascade.record.InstrumentSummary;
import dev.cascade.record.RunSummary;
import dev.cascade.record.ScaleSummary;
import dev.cascade.record.VolatilitySummary;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The terminal summary of a run: the table desks publish, then the run's own figures. */
final class SummaryTable {
  private SummaryTable() {}

  static String render(RunSummary s) {
    StringBuilder b = new StringBuilder();
    Map<String, EpisodeSummary.ObservedLine> observed = new HashMap<>();
    if (s.episode() != null) {
      for (EpisodeSummary.ObservedLine o : s.episode().observed()) {
        observed.put(o.symbol(), o);
      }
    }
    boolean src = !observed.isEmpty();
    // Table 1 of the desks' notes first (price, change, volume relative to normal), with the
    // source's figure beside the simulated one where the scenario states it.
    b.append(String.format(Locale.ROOT, "%-8s %12s", "ticker", "price"));
    if (src) {
      b.append(String.format(Locale.ROOT, " %10s", "(source)"));
    }
    b.append(String.format(Locale.ROOT, " %8s", "chg %"));
    if (src) {
      b.append(String.format(Locale.ROOT, " %9s", "(source)"));
    }
    b.append(String.format(Locale.ROOT, " %8s", "rel vol"));
    if (src) {
      b.append(String.format(Locale.ROOT, " %9s", "(source)"));
    }
    b.append(
        String.format(
            Locale.ROOT,
            " %10s %8s %14s %8s%n",
            "volume",
            "max dd %",
            "realised vol %",
            "spr bps"));
    for (InstrumentSummary i : s.instruments()) {
      EpisodeSummary.ObservedLine o = observed.get(i.symbol());
      b.append(String.format(Locale.ROOT, "%-8s %12s", i.symbol(), price(i.close())));
      if (src) {
        b.append(
            String.format(
                Locale.ROOT,
                " %10s",
                o == null || o.observedPrice() == null ? "" : price(o.observedPrice())));
      }
      b.append(String.format(Locale.ROOT, " %+8.2f", i.changePct()));
      if (src) {
        b.append(
            String.format(
                Locale.ROOT,
                " %9s",
                o == null || o.observedChangePct() == null
                    ? ""
                    : String.format(Locale.ROOT, "%+.2f", o.observedChangePct())));
      }
      b.append(
          String.format(
              Locale.ROOT,
              " %8s",
              i.relativeVolume() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f", i.relativeVolume())));
      if (src) {
        b.append(
            String.format(
                Locale.ROOT,
                " %9s",
                o == null || o.observedRelativeVolume() == null
                    ? ""
                    : String.format(Locale.ROOT, "%.2f", o.observedRelativeVolume())));
      }
      b.append(
          String.format(
              Locale.ROOT,
              " %10s %8.2f %14s %8s%n",
              volume(i.volume()),
              i.maxDrawdownPct(),
              i.realizedVolPct() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", i.realizedVolPct()),
              i.avgSpreadBps() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f", i.avgSpreadBps())));
    }
    if (src && !s.episode().source().isEmpty()) {
      b.append(String.format(Locale.ROOT, "(source: %s)%n", s.episode().source()));
    }
    index(b, s);
    scale(b, s);
    if (!s.halts().isEmpty()) {
      b.append(String.format(Locale.ROOT, "%nhalts:%n"));
      for (RunSummary.HaltSummary h : s.halts()) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %-8s %s -> %s  %s%n",
                h.symbol(),
                h.start(),
                h.until(),
                h.reason()));
      }
    }
    levels(b, s);
    margin(b, s);
    pnl(b, s);
    if (s.dealers() != null) {
      for (DealerSummary d : s.dealers()) {
        dealers(b, d, s.scale());
      }
    }
    volatility(b, s);
    return b.toString();
  }

  /** VIX-style futures (price, model value, index) and funds that reset daily. */
  private static void volatility(StringBuilder b, RunSummary s) {
    VolatilitySummary v = s.volatility();
    if (v == null) {
      return;
    }
    b.append(String.format(Locale.ROOT, "%nvolatility products:%n"));
    for (VolatilitySummary.Future f : v.futures()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-8s on %s's index, expires %s: %s -> %s (model value %.2f, index %.2f)%n",
              f.symbol(),
              f.underlying(),
              f.expiry(),
              price(f.priceStart()),
              price(f.priceEnd()),
              f.valueEnd(),
              f.indexEnd()));
    }
    for (VolatilitySummary.Fund f : v.funds()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-16s %+.1fx %-8s %s -> %s, %d reset%s%s%n",
              f.agent(),
              f.leverage(),
              f.instrument(),
              dollars(f.aumStart()),
              dollars(f.aumEnd()),
              f.resets(),
              f.resets() == 1 ? "" : "s",
              f.terminatedAt() == null ? "" : ", terminated " + f.terminatedAt()));
    }
  }

  /** What one simulated dollar stands for, when the scenario states real volumes. */
  private static void scale(StringBuilder b, RunSummary s) {
    ScaleSummary sc = s.scale();
    if (sc == null) {
      return;
    }
    double real = 0;
    double simulated = 0;
    StringBuilder names = new StringBuilder();
    for (ScaleSummary.Basis x : sc.basis()) {
      real += x.realDailyVolume();
      simulated += x.simulatedDailyVolume();
      names.append(names.length() == 0 ? "" : ", ").append(x.symbol());
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%nreal scale: 1 simulated dollar stands for $%,.0f (%s: %s a day real, %s"
                + " simulated); dollar figures below are simulated, with real ones after '~'%n",
            sc.realDollarsPerSimulatedDollar(),
            names,
            dollars(real),
            dollars(simulated)));
  }

  /** " ~$X" at real scale, or nothing when the run has no scale. */
  private static String real(ScaleSummary sc, double simulated) {
    return sc == null ? "" : " ~" + dollars(simulated * sc.realDollarsPerSimulatedDollar());
  }

  /** The index's move split by sector, and the breadth of its constituents. */
  private static void index(StringBuilder b, RunSummary s) {
    if (s.episode() == null || s.episode().index() == null) {
      return;
    }
    EpisodeSummary.IndexLine x = s.episode().index();
    b.append(
        String.format(
            Locale.ROOT,
            "%nindex %s: constituents %+.2f%% (start weights)",
            x.symbol(),
            x.basketChangePct()));
    if (Math.abs(x.basketChangePct()) < 0.25) {
      // Shares of a near-zero move are ratios of noise (hundreds of percent either way).
      b.append("; too small a move to split by sector");
    } else {
      for (Map.Entry<String, Double> e : x.sectorSharePct().entrySet()) {
        b.append(
            String.format(
                Locale.ROOT,
                "; %s share of the %s %.0f%%",
                e.getKey(),
                x.basketChangePct() < 0 ? "loss" : "gain",
                e.getValue()));
      }
    }
    b.append(
        String.format(
            Locale.ROOT,
            "; breadth %d up / %d down / %d flat%n",
            x.advancers(),
            x.decliners(),
            x.unchanged()));
  }

  /** The watched levels the prices broke. */
  private static void levels(StringBuilder b, RunSummary s) {
    if (s.levels() == null || s.levels().isEmpty()) {
      return;
    }
    long broken = s.levels().stream().filter(EpisodeSummary.LevelLine::breached).count();
    b.append(
        String.format(
            Locale.ROOT, "%nlevels breached: %d of %d watched%n", broken, s.levels().size()));
    for (EpisodeSummary.LevelLine l : s.levels()) {
      if (l.breached()) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %-8s %-12s %12s  broken %s at %s%n",
                l.symbol(),
                l.name(),
                price(l.price()),
                l.direction(),
                l.at()));
      }
    }
  }

  /**
   * Profit and loss per account group (equity at the end against the start), largest losses first;
   * the venue's fee income and the engine's own accounts included.
   */
  private static void pnl(StringBuilder b, RunSummary s) {
    if (s.pnl() == null || s.pnl().isEmpty()) {
      return;
    }
    b.append(String.format(Locale.ROOT, "%nprofit and loss by group (equity at the marks):%n"));
    s.pnl().stream()
        .sorted(java.util.Comparator.comparingDouble(dev.cascade.record.PnlSummary::pnl))
        .forEach(
            p ->
                b.append(
                    String.format(
                        Locale.ROOT,
                        "  %-22s %-16s %5d  %s%s%n",
                        p.group(),
                        p.family(),
                        p.accounts(),
                        signedDollars(p.pnl()),
                        p.pnlPct() == null
                            ? ""
                            : String.format(Locale.ROOT, " (%+.2f%%)", p.pnlPct()))));
  }

  private static String signedDollars(double v) {
    return (v < 0 ? "-$" : "+$") + String.format(Locale.ROOT, "%,.0f", Math.abs(v));
  }

  /** Margin calls and liquidations per desk, when any account trades on margin. */
  private static void margin(StringBuilder b, RunSummary s) {
    boolean any = false;
    for (var d : s.margin().desks()) {
      any |= d.accounts() > 0;
    }
    if (!any) {
      return;
    }
    b.append(String.format(Locale.ROOT, "%nmargin and liquidations:%n"));
    for (int k = 0; k < s.margin().desks().size(); k++) {
      var d = s.margin().desks().get(k);
      var v = s.liquidations().venues().get(k);
      if (d.accounts() == 0) {
        continue;
      }
      b.append(
          String.format(
              Locale.ROOT,
              "  %-13s accounts %d  calls %d ($%,.0f%s)  met %d  liquidated %d accounts,"
                  + " $%,.0f%s (longs $%,.0f / shorts $%,.0f)%n",
              d.name(),
              d.accounts(),
              d.calls(),
              d.callAmount(),
              real(s.scale(), d.callAmount()),
              d.met(),
              v.accounts(),
              v.notional(),
              real(s.scale(), v.notional()),
              v.longs(),
              v.shorts()));
      if (v.fundingPaid() != null) {
        double f = v.fundingPaid();
        b.append(
            String.format(
                Locale.ROOT,
                "  %-13s funding: %s $%,.0f over the run%n",
                "",
                f >= 0 ? "longs paid shorts" : "shorts paid longs",
                Math.abs(f)));
      }
    }
    if (s.liquidations().insuranceFund() != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "  insurance fund $%,.0f  takeovers %d  ADL events %d%n",
              s.liquidations().insuranceFund(),
              s.liquidations().insuranceTakeovers(),
              s.liquidations().adlEvents()));
    }
  }

  /** The dealers block: gamma, flip, hedging and the VIX-style index of one underlying. */
  private static void dealers(StringBuilder b, DealerSummary d, ScaleSummary sc) {
    b.append(String.format(Locale.ROOT, "%ndealers on %s (%d):%n", d.underlying(), d.dealers()));
    b.append(
        String.format(
            Locale.ROOT,
            "  net gamma    %s%s -> %s%s per 1%%%n",
            dollars(d.netGammaStartPer1Pct()),
            real(sc, d.netGammaStartPer1Pct()),
            dollars(d.netGammaEndPer1Pct()),
            real(sc, d.netGammaEndPer1Pct())));
    b.append(
        String.format(
            Locale.ROOT,
            "  gamma flip   %s -> %s (spot %s -> %s)%s%n",
            d.flipStart() == null ? "none" : price(d.flipStart()),
            d.flipEnd() == null ? "none" : price(d.flipEnd()),
            price(d.spotStart()),
            price(d.spotEnd()),
            d.flipCrossedAt() == null ? "" : ", crossed " + d.flipCrossedAt()));
    b.append(
        String.format(
            Locale.ROOT,
            "  hedging      %s lots (%s%s), bought %s sold %s%n",
            volume(d.hedgeLots()),
            dollars(d.hedgeNotional()),
            real(sc, d.hedgeNotional()),
            volume(d.hedgeBoughtLots()),
            volume(d.hedgeSoldLots())));
    b.append(
        String.format(
            Locale.ROOT,
            "  options      %s -> %s contracts, %s rolled off, %s puts sold to customers%s%s%n",
            volume(d.contractsStart()),
            volume(d.contractsEnd()),
            volume(d.contractsRolledOff()),
            volume(d.customerPuts()),
            d.customerPutsSameDay() > 0
                ? " (" + volume(d.customerPutsSameDay()) + " expiring the same day)"
                : "",
            d.customerCalls() > 0
                ? ", " + volume(d.customerCalls()) + " calls bought from overwriters"
                : ""));
    b.append(
        String.format(
            Locale.ROOT,
            "  vix-style    %.2f start, %.2f max, %.2f end%n",
            d.vixStart(),
            d.vixMax(),
            d.vixEnd()));
  }

  /** Dollars with a sign and a unit suffix: -$2.31M. */
  static String dollars(double v) {
    double a = Math.abs(v);
    String sign = v < 0 ? "-" : "";
    if (a >= 1e9) {
      return String.format(Locale.ROOT, "%s$%.2fB", sign, a / 1e9);
    }
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "%s$%.2fM", sign, a / 1e6);
    }
    if (a >= 1e3) {
      return String.format(Locale.ROOT, "%s$%.1fK", sign, a / 1e3);
    }
    return String.format(Locale.ROOT, "%s$%.0f", sign, a);
  }

  private static String price(double p) {
    return String.format(Locale.ROOT, p >= 1000 ? "%,.2f" : "%.2f", p);
  }

  static String volume(long v) {
    if (v >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.2fB", v / 1e9);
    }
    if (v >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.2fM", v / 1e6);
    }
    if (v >= 10_000L) {
      return String.format(Locale.ROOT, "%.1fK", v / 1e3);
    }
    return Long.toString(v);
  }
}
