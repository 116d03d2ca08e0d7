package dev.cascade.cli;

import dev.cascade.analytics.PowerLawFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal table of {@code cascade impact}. */
final class ImpactTable {
  private ImpactTable() {}

  static String render(ImpactStudy.Result r, double wallSeconds, int threads) {
    StringBuilder b = new StringBuilder();
    int runs = r.seeds().size() * (r.sizes().size() + 1);
    b.append(
        f(
            "impact of %s metaorders on %s in %s: seeds %d..%d, %s-minute TWAP (a market order"
                + " every %d s) from %s%n",
            r.side(),
            r.instrument(),
            r.scenario(),
            r.seeds().get(0),
            r.seeds().get(r.seeds().size() - 1),
            ImpactCommand.fmt(r.minutes()),
            r.childIntervalSeconds(),
            r.start()));
    if (r.liquidityScaling() != 1) {
      b.append(
          f(
              "with the liquidity providers scaled by %s (--scale-liquidity)%n",
              ShockScaleOption.num(r.liquidityScaling())));
    }
    b.append(
        f(
            "%d runs (one baseline per seed, shared by every size) on %d threads in %.1f s%n",
            runs, threads, wallSeconds));
    ImpactStudy.DailyVol v = r.dailyVol();
    b.append(
        f(
            "sigma_d = %s%% / sqrt(%d) = %.3f%%; V = %d lots (baselineDailyVolume);"
                + " I = side x (ln mid_with - ln mid_without) / sigma_d, mean ± SE over seeds%n%n",
            ImpactCommand.fmt(v.annualPct()),
            v.daysPerYear(),
            100 * v.sigmaDaily(),
            r.dailyVolumeLots()));
    b.append(
        f(
            "%8s %10s %7s %18s %20s %20s%n",
            "Q/V %", "lots", "filled", "peak I (end)", "left +30 min", "left +60 min"));
    for (ImpactStudy.SizeRow s : r.sizes()) {
      b.append(
          f(
              "%8s %10d %6.1f%% %18s %20s %20s%n",
              ImpactCommand.fmt(s.pctOfDailyVolume()),
              s.lots(),
              100 * s.filledShare(),
              pm(s.peak().mean(), s.peak().se(), 3),
              pm(s.left30().mean(), s.left30().se(), 2),
              pm(s.left60().mean(), s.left60().se(), 2)));
    }
    b.append(f("%n"));
    absorbers(b, r);
    PowerLawFit fit = r.fit();
    if (fit == null) {
      b.append("fit I = Y sigma_d (Q/V)^delta: fewer than two sizes with a positive impact\n");
    } else {
      b.append(
          f(
              "fit I = Y sigma_d (Q/V)^delta: least squares of ln I on ln(Q/V) over %d sizes",
              fit.points()));
    }
    if (!r.excludedFromFit().isEmpty()) {
      b.append(
          f(
              "; left out (mean peak impact not positive): %s%% of daily volume",
              String.join(", ", r.excludedFromFit().stream().map(ImpactCommand::fmt).toList())));
    }
    b.append(f("%n%n"));
    b.append(f("%-20s %18s %12s  %-6s %s%n", "figure", "measured", "target", "", "source"));
    for (ImpactStudy.Check c : r.checks()) {
      b.append(
          f(
              "%-20s %18s %12s  %-6s %s%n",
              c.figure(),
              pm(c.measured(), c.se(), 2),
              f("%.1f-%.1f", c.targetLow(), c.targetHigh()),
              c.pass() ? "pass" : "FAIL",
              c.source()));
    }
    b.append(
        "(delta target 0.5 ± 0.1; 'left after 60 min' pools every fitted size: the sum of their"
            + " mean impacts 60 min after the end over the sum of their peaks)\n");
    return b.toString();
  }

  /**
   * Who took the other side: each group's share of the lots filled at the metaorder's end, a column
   * per size; groups under 1% at every size are counted, not listed.
   */
  private static void absorbers(StringBuilder b, ImpactStudy.Result r) {
    if (r.sizes().isEmpty()) {
      return;
    }
    b.append(
        "who took the other side at the end: each group's change of position against the same"
            + " seed without the metaorder, share of the lots filled (mean ± SE over seeds; 60"
            + " minutes later in --json)\n");
    b.append(f("%-32s", "group (family)"));
    for (ImpactStudy.SizeRow s : r.sizes()) {
      b.append(f(" %16s", ImpactCommand.fmt(s.pctOfDailyVolume()) + "%"));
    }
    b.append(f("%n"));
    int quiet = 0;
    for (ImpactStudy.Absorber a : r.sizes().get(0).absorbers()) {
      List<ImpactStudy.Estimate> row = new ArrayList<>();
      boolean shown = false;
      for (ImpactStudy.SizeRow s : r.sizes()) {
        ImpactStudy.Estimate e = null;
        for (ImpactStudy.Absorber o : s.absorbers()) {
          if (o.group().equals(a.group())) {
            e = o.atEnd();
          }
        }
        row.add(e);
        shown |= e != null && Math.abs(e.mean()) >= 0.01;
      }
      if (!shown) {
        quiet++;
        continue;
      }
      b.append(f("%-32s", a.group() + " (" + a.family() + ")"));
      for (ImpactStudy.Estimate e : row) {
        b.append(f(" %16s", e == null ? "-" : pm(e.mean(), e.se(), 2)));
      }
      b.append(f("%n"));
    }
    if (quiet > 0) {
      b.append(f("(%d other group%s under 1%% at every size)%n", quiet, quiet == 1 ? "" : "s"));
    }
    b.append(f("%n"));
  }

  private static String pm(double mean, double se, int decimals) {
    if (Double.isNaN(mean)) {
      return "-";
    }
    String m = String.format(Locale.ROOT, "%+." + decimals + "f", mean);
    return Double.isNaN(se) ? m : m + " ± " + String.format(Locale.ROOT, "%." + decimals + "f", se);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
