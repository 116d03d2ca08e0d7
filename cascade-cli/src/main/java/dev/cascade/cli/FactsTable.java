package dev.cascade.cli;

import dev.cascade.analytics.HillEstimate;
import dev.cascade.analytics.StylizedBands;
import dev.cascade.analytics.StylizedFacts;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text of {@code cascade facts}: per instrument and return series, every band, then the rest.
 */
final class FactsTable {
  private FactsTable() {}

  static String render(
      List<RunBars> runs,
      List<FactsCommand.SymbolFacts> facts,
      List<String> notes,
      StylizedBands bands) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "stylised facts of %d run%s, pooled per instrument: %s%n",
            runs.size(),
            runs.size() == 1 ? "" : "s",
            String.join(", ", runs.stream().map(r -> r.dir.toString()).toList())));
    b.append(
            "bands: "
                + StylizedBands.RESOURCE.substring(1)
                + " (the independent checker's bands; sources at the end)")
        .append(System.lineSeparator());
    Set<String> cited = new LinkedHashSet<>();
    for (FactsCommand.SymbolFacts s : facts) {
      for (FactsCommand.SeriesFacts f : s.series()) {
        b.append(System.lineSeparator());
        series(b, s, f, cited);
      }
      if (s.intraday() != null) {
        intraday(b, s.intraday());
      }
      for (String n : s.notes()) {
        b.append("  note: ").append(n).append(System.lineSeparator());
      }
    }
    if (!notes.isEmpty()) {
      b.append(System.lineSeparator());
      for (String n : notes) {
        b.append("note: ").append(n).append(System.lineSeparator());
      }
    }
    List<String> used =
        bands.sources().keySet().stream()
            .filter(k -> cited.stream().anyMatch(c -> c.contains(k)))
            .toList();
    if (!used.isEmpty()) {
      b.append(System.lineSeparator()).append("sources:").append(System.lineSeparator());
      for (String k : used) {
        b.append("  ")
            .append(k)
            .append(": ")
            .append(bands.sources().get(k))
            .append(System.lineSeparator());
      }
    }
    return b.toString();
  }

  private static void series(
      StringBuilder b, FactsCommand.SymbolFacts s, FactsCommand.SeriesFacts f, Set<String> cited) {
    String head =
        String.format(
            Locale.ROOT,
            "%s  %s returns: %d from %d session day%s in %d run%s",
            s.symbol(),
            f.returns(),
            f.n(),
            f.days(),
            f.days() == 1 ? "" : "s",
            f.runs(),
            f.runs() == 1 ? "" : "s");
    if (f.facts() == null) {
      b.append(head)
          .append(": too few returns (")
          .append(f.n())
          .append(")")
          .append(System.lineSeparator());
      return;
    }
    StylizedFacts x = f.facts();
    StylizedBands.Verdict v = f.verdict();
    b.append(head).append("; bands ").append(v.profile()).append(System.lineSeparator());
    row(b, "figure", "value", "band", "result", "source");
    int fail = 0;
    int warn = 0;
    int skip = 0;
    for (StylizedBands.Check c : v.checks()) {
      String result = c.result().name().toLowerCase(Locale.ROOT);
      if (c.result() == StylizedBands.Result.FAIL) {
        result = "FAIL";
        fail++;
      }
      warn += c.result() == StylizedBands.Result.WARN ? 1 : 0;
      skip += c.result() == StylizedBands.Result.SKIP ? 1 : 0;
      cited.add(c.band().source());
      row(
          b,
          c.band().name(),
          value(c, x),
          band(c),
          result,
          c.band().source() + (c.note().isEmpty() ? "" : " [" + c.note() + "]"));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "  verdict: %s (%d band%s fail, %d warning%s, %d skipped)%n",
            v.pass() ? "pass" : "FAIL",
            fail,
            fail == 1 ? "" : "s",
            warn,
            warn == 1 ? "" : "s",
            skip));
    b.append("  other figures:").append(System.lineSeparator());
    StylizedFacts.TailExponents t5 = x.tail(0.05);
    StylizedFacts.TailExponents t25 = x.tail(0.025);
    line(
        b,
        "mean %s, std %s, skewness %s, excess kurtosis %s (a Gaussian's SE %s)",
        sig(x.mean()),
        sig(x.std()),
        fix(x.skewness(), 2),
        fix(x.excessKurtosis(), 2),
        fix(Math.sqrt(24.0 / x.n()), 3));
    line(
        b,
        "Hill alpha: top 5%% right %s; top 2.5%% both %s, left %s, right %s",
        hill(t5.right()),
        hill(t25.both()),
        hill(t25.left()),
        hill(t25.right()));
    line(
        b,
        "ACF(r) lags 1-5: %s (3/sqrt(n) = %s)",
        list(x.acf().subList(0, 5)),
        fix(3 / Math.sqrt(x.n()), 3));
    line(
        b,
        "ACF(|r|) lag 1 %s, lag 10 %s, lag 50 %s, mean over lags 1-50 %s; power-law beta %s"
            + " (R^2 %s over %d lags)",
        signed(x.absAcf().get(0)),
        signed(x.absAcf().get(9)),
        signed(x.absAcf().get(49)),
        signed(x.meanAbsAcf()),
        fix(x.absAcfDecay().beta(), 2),
        fix(x.absAcfDecay().r2(), 2),
        x.absAcfDecay().lagsUsed());
    line(
        b,
        "leverage corr(r_t, |r_t+k|), k = 1-10: %s; sum %s, z %s",
        list(x.leverage().values()),
        signed(x.leverage().sum()),
        fix(x.leverage().sumZ(), 2));
    StringBuilder agg = new StringBuilder();
    for (StylizedFacts.Aggregation a : x.aggregation()) {
      agg.append(agg.length() == 0 ? "" : ", ")
          .append(a.scale())
          .append(": ")
          .append(fix(a.excessKurtosis(), 2));
    }
    line(b, "excess kurtosis of returns summed over 1, 5, 15, 20, 30 periods: %s", agg);
    StringBuilder vols = new StringBuilder();
    for (StylizedFacts.Aggregation a : x.aggregation()) {
      vols.append(vols.length() == 0 ? "" : ", ")
          .append(a.scale())
          .append(": ")
          .append(pct(a.realisedVol()));
    }
    line(b, "realised vol a year from returns over 1, 5, 15, 20, 30 periods: %s", vols);
    if (x.volume() != null) {
      line(
          b,
          "volume-|r| correlation: Pearson %s, Spearman %s, detrended %s",
          signed(x.volume().pearson()),
          signed(x.volume().spearman()),
          signed(x.volume().pearsonDetrended()));
    }
    line(
        b,
        "realised vol %s a year, stated %s",
        pct(x.realisedVol()),
        Double.isNaN(x.statedVol()) ? "n/a" : pct(x.statedVol()) + " (" + s.volSource() + ")");
  }

  private static void row(
      StringBuilder b, String figure, String value, String band, String result, String source) {
    b.append(
        String.format(
            Locale.ROOT, "  %-44s %-26s %-16s %-6s %s%n", figure, value, band, result, source));
  }

  private static void line(StringBuilder b, String format, Object... args) {
    b.append("    ")
        .append(String.format(Locale.ROOT, format, args))
        .append(System.lineSeparator());
  }

  /** The figure of a band, with what qualifies it. */
  private static String value(StylizedBands.Check c, StylizedFacts x) {
    String metric = c.band().metric();
    switch (metric) {
      case "n":
        return Integer.toString(x.n());
      case "hill.top_5pct.both.alpha":
        return hill(x.tail(0.05).both());
      case "hill.top_5pct.left.alpha":
        return hill(x.tail(0.05).left());
      case "acf_r.beyond_k.max_abs":
        return fix(c.value(), 3) + " (lag " + x.acfBeyond().atLag() + ")";
      case "acf_abs_r.power_law.beta":
        return fix(c.value(), 2)
            + " (R^2 "
            + fix(x.absAcfDecay().r2(), 2)
            + ", "
            + x.absAcfDecay().lagsUsed()
            + " lags)";
      case "leverage.sum":
        return signed(c.value()) + " (z " + fix(x.leverage().sumZ(), 1) + ")";
      case "realised_vol_ratio":
        return Double.isNaN(x.statedVol())
            ? "n/a (no stated vol)"
            : fix(c.value(), 3) + " (" + pct(x.realisedVol()) + " / " + pct(x.statedVol()) + ")";
      default:
        return metric.startsWith("acf") || metric.startsWith("volume") || metric.startsWith("lev")
            ? signed(c.value())
            : fix(c.value(), Math.abs(c.value()) >= 10 ? 1 : 3);
    }
  }

  private static String band(StylizedBands.Check c) {
    boolean lo = !Double.isNaN(c.lo());
    boolean hi = !Double.isNaN(c.hi());
    String x = c.band().abs() ? "|x| " : "";
    if (lo && hi) {
      return "[" + bound(c.lo()) + ", " + bound(c.hi()) + "]";
    }
    if (lo) {
      return x + ">= " + bound(c.lo());
    }
    return hi ? x + "<= " + bound(c.hi()) : "-";
  }

  private static String bound(double v) {
    String s = String.format(Locale.ROOT, "%.3g", v);
    return new BigDecimal(s).stripTrailingZeros().toPlainString();
  }

  private static String hill(HillEstimate h) {
    if (Double.isNaN(h.alpha())) {
      return "n/a (k " + h.k() + ")";
    }
    return fix(h.alpha(), 2) + " +- " + fix(h.se(), 2) + " (k " + h.k() + ")";
  }

  private static String list(List<Double> xs) {
    StringBuilder s = new StringBuilder();
    for (double v : xs) {
      s.append(s.length() == 0 ? "" : " ").append(signed(v));
    }
    return s.toString();
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.3f", v);
  }

  private static String fix(double v, int digits) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  private static String sig(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3g", v);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** The intraday shape: each window's mean |r| and volume over midday's, with standard errors. */
  private static void intraday(StringBuilder b, IntradayProfile.Profile p) {
    b.append(
        String.format(
            Locale.ROOT,
            "  intraday shape (New York; each window's mean over %s-%s's, pooled over %d days,"
                + " jackknife s.e. over days):%n",
            IntradayProfile.clock(IntradayProfile.MIDDAY_FROM),
            IntradayProfile.clock(IntradayProfile.MIDDAY_TO),
            p.days()));
    b.append(String.format(Locale.ROOT, "    %-13s  %-15s  %s%n", "window", "|r|", "volume"));
    for (IntradayProfile.Window w : p.windows()) {
      b.append(
          String.format(
              Locale.ROOT,
              "    %-13s  %-15s  %s%n",
              IntradayProfile.clock(w.fromMinute()) + "-" + IntradayProfile.clock(w.toMinute()),
              ratio(w.absReturn(), w.absReturnSe()),
              ratio(w.volume(), w.volumeSe())));
    }
  }

  private static String ratio(double value, double se) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    return Double.isFinite(se)
        ? String.format(Locale.ROOT, "%.2f +- %.2f", value, se)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
