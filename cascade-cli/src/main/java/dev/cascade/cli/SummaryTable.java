package dev.cascade.cli;

import dev.cascade.record.DealerSummary;
import dev.cascade.record.InstrumentSummary;
import dev.cascade.record.RunSummary;
import java.util.Locale;

/** The terminal summary of a run: the table desks publish, then the run's own figures. */
final class SummaryTable {
  private SummaryTable() {}

  static String render(RunSummary s) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-8s %12s %9s %12s %8s %8s %8s %9s%n",
            "ticker",
            "last",
            "chg %",
            "volume",
            "rel vol",
            "max dd %",
            "rvol %",
            "spr bps"));
    for (InstrumentSummary i : s.instruments()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-8s %12s %+9.2f %12s %8s %8.2f %8s %9s%n",
              i.symbol(),
              price(i.close()),
              i.changePct(),
              volume(i.volume()),
              i.relativeVolume() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f", i.relativeVolume()),
              i.maxDrawdownPct(),
              i.realizedVolPct() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", i.realizedVolPct()),
              i.avgSpreadBps() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f", i.avgSpreadBps())));
    }
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
    margin(b, s);
    if (s.dealers() != null) {
      for (DealerSummary d : s.dealers()) {
        dealers(b, d);
      }
    }
    return b.toString();
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
              "  %-13s accounts %d  calls %d ($%,.0f)  met %d  liquidated %d accounts,"
                  + " $%,.0f (longs $%,.0f / shorts $%,.0f)%n",
              d.name(),
              d.accounts(),
              d.calls(),
              d.callAmount(),
              d.met(),
              v.accounts(),
              v.notional(),
              v.longs(),
              v.shorts()));
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
  private static void dealers(StringBuilder b, DealerSummary d) {
    b.append(String.format(Locale.ROOT, "%ndealers on %s (%d):%n", d.underlying(), d.dealers()));
    b.append(
        String.format(
            Locale.ROOT,
            "  net gamma    %s -> %s per 1%%%n",
            dollars(d.netGammaStartPer1Pct()),
            dollars(d.netGammaEndPer1Pct())));
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
            "  hedging      %s lots (%s), bought %s sold %s%n",
            volume(d.hedgeLots()),
            dollars(d.hedgeNotional()),
            volume(d.hedgeBoughtLots()),
            volume(d.hedgeSoldLots())));
    b.append(
        String.format(
            Locale.ROOT,
            "  options      %s -> %s contracts, %s rolled off, %s puts sold to customers%n",
            volume(d.contractsStart()),
            volume(d.contractsEnd()),
            volume(d.contractsRolledOff()),
            volume(d.customerPuts())));
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
