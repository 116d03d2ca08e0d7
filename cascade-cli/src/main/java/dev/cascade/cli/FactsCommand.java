package dev.cascade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.ReturnSeries;
import dev.cascade.analytics.StylizedBands;
import dev.cascade.analytics.StylizedFacts;
import dev.cascade.kernel.SessionKind;
import dev.cascade.report.RunDataException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cascade facts RUN...}: the stylised facts of runs' returns against their bands. */
@Command(
    name = "facts",
    mixinStandardHelpOptions = true,
    description = {
      "The stylised facts of one or several runs' returns, pooled per instrument, each figure"
          + " beside its band, the band's source and pass or fail: excess and robust (Moors)"
          + " kurtosis, Hill tail exponents, autocorrelation of returns and of absolute returns"
          + " with its power-law decay, the leverage effect, aggregational Gaussianity,"
          + " volume-volatility correlation, and realised against the scenario's stated vol.",
      "One-minute returns come from each run's bars-1m table (CSV or Parquet), within each"
          + " session day (none spans a night or two runs); runs of several days also give daily"
          + " returns, from each session day's last close.",
      "The bands, with their sources, are those of dev/cascade/analytics/stylized-bands.json;"
          + " docs/validation.md gives the estimators."
    })
final class FactsCommand implements Callable<Integer> {
  static final String ONE_MINUTE = "one-minute";
  static final String DAILY = "daily";

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RUN", description = "run directories, pooled")
  List<Path> runs;

  @Option(names = "--json", description = "print JSON instead of the table")
  boolean json;

  /**
   * The facts of one return series of one instrument.
   *
   * @param returns {@link #ONE_MINUTE} or {@link #DAILY}
   * @param n returns
   * @param days session days the returns come from
   * @param runs runs the returns come from
   * @param facts the measurement (null with too few returns)
   * @param verdict the bands applied (null with too few returns)
   */
  record SeriesFacts(
      String returns,
      int n,
      int days,
      int runs,
      StylizedFacts facts,
      StylizedBands.Verdict verdict) {}

  /**
   * One instrument's facts.
   *
   * @param symbol ticker
   * @param session its session in every run (null if unknown or not the same in every run)
   * @param statedVolPct its stated vol, annualised percent (NaN if none or not the same)
   * @param volSource where the stated vol comes from (null if none)
   * @param series one-minute, then daily when a run has several days
   * @param intraday the intraday shape of a US equity session's bars (null for other sessions, or
   *     with fewer than two days that reach midday)
   * @param notes why a figure is missing
   */
  record SymbolFacts(
      String symbol,
      SessionKind session,
      double statedVolPct,
      String volSource,
      List<SeriesFacts> series,
      IntradayProfile.Profile intraday,
      List<String> notes) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<RunBars> read = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path run : runs) {
      if (!seen.add(run.toAbsolutePath().normalize())) {
        err.println("cascade facts: " + run + ": given twice (its returns would count twice)");
        return 2;
      }
      try {
        read.add(RunBars.read(run));
      } catch (RunDataException e) {
        err.println("cascade facts: " + e.getMessage());
        return 2;
      }
    }
    StylizedBands bands = StylizedBands.standard();
    List<SymbolFacts> facts = measure(read, bands);
    List<String> notes = new ArrayList<>();
    for (RunBars r : read) {
      for (String n : r.notes) {
        notes.add(r.dir + ": " + n);
      }
    }
    if (json) {
      out.println(toJson(read, facts, notes, bands));
    } else {
      out.print(FactsTable.render(read, facts, notes, bands));
    }
    out.flush();
    return 0;
  }

  /** Pools every run's returns per instrument and measures them. */
  static List<SymbolFacts> measure(List<RunBars> runs, StylizedBands bands) {
    Set<String> symbols = new LinkedHashSet<>();
    for (RunBars r : runs) {
      symbols.addAll(r.days.keySet());
    }
    List<SymbolFacts> out = new ArrayList<>();
    for (String symbol : symbols) {
      ReturnSeries.Builder minute = ReturnSeries.builder();
      ReturnSeries.Builder daily = ReturnSeries.builder();
      int days = 0;
      int runCount = 0;
      int multiDayRuns = 0;
      Set<SessionKind> sessions = new LinkedHashSet<>();
      Set<Double> vols = new LinkedHashSet<>();
      String volSource = null;
      List<RunBars.Day> allDays = new ArrayList<>();
      for (RunBars r : runs) {
        List<RunBars.Day> ds = r.days.get(symbol);
        if (ds == null) {
          continue;
        }
        runCount++;
        allDays.addAll(ds);
        for (RunBars.Day d : ds) {
          minute.addPrices(d.closes(), d.volumes());
          days++;
        }
        if (ds.size() > 1) {
          multiDayRuns++;
          double[] closes = new double[ds.size()];
          double[] volumes = new double[ds.size()];
          for (int i = 0; i < ds.size(); i++) {
            closes[i] = ds.get(i).lastClose();
            volumes[i] = ds.get(i).totalVolume();
          }
          daily.addPrices(closes, volumes);
        }
        RunBars.Instrument ins = r.instruments.get(symbol);
        sessions.add(ins == null ? null : ins.session());
        vols.add(ins == null ? Double.NaN : ins.statedVolPct());
        volSource = ins == null ? volSource : ins.volSource();
      }
      List<String> notes = new ArrayList<>();
      SessionKind session = sessions.size() == 1 ? sessions.iterator().next() : null;
      if (sessions.size() > 1) {
        notes.add("sessions differ between runs: realised vol not annualised");
      }
      double statedPct = vols.size() == 1 ? vols.iterator().next() : Double.NaN;
      if (vols.size() > 1) {
        notes.add("stated vols differ between runs " + vols + ": no stated vol");
      } else if (Double.isNaN(statedPct) && session != null) {
        notes.add("the scenario states no fundamentalVolPct (the engine's default is 20%)");
      }
      double stated = statedPct / 100;
      List<SeriesFacts> series = new ArrayList<>();
      double minutesPerYear = session == null ? Double.NaN : session.tradingSecondsPerYear() / 60;
      series.add(
          series(
              ONE_MINUTE,
              minute.build(),
              days,
              runCount,
              bands.profile(StylizedBands.ONE_MINUTE),
              minutesPerYear,
              stated));
      if (multiDayRuns > 0) {
        series.add(
            series(
                DAILY,
                daily.build(),
                days,
                multiDayRuns,
                bands.profile(StylizedBands.DAILY),
                tradingDaysPerYear(session),
                stated));
      }
      out.add(
          new SymbolFacts(
              symbol,
              session,
              statedPct,
              Double.isNaN(statedPct) ? null : volSource,
              List.copyOf(series),
              session == SessionKind.US_EQUITY ? IntradayProfile.of(allDays) : null,
              List.copyOf(notes)));
    }
    return out;
  }

  /**
   * Trading days in a year, to annualise daily returns: 252 for US equities and Globex, 365 for
   * crypto (as {@link SessionKind#tradingSecondsPerYear} counts them); NaN if unknown.
   */
  static double tradingDaysPerYear(SessionKind s) {
    if (s == null) {
      return Double.NaN;
    }
    return s == SessionKind.CRYPTO_24_7 ? 365 : 252;
  }

  private static SeriesFacts series(
      String kind,
      ReturnSeries r,
      int days,
      int runs,
      StylizedBands.Profile profile,
      double periodsPerYear,
      double statedVol) {
    if (r.size() < StylizedFacts.MIN_RETURNS) {
      return new SeriesFacts(kind, r.size(), days, runs, null, null);
    }
    StylizedFacts f =
        StylizedFacts.measure(
            r, new StylizedFacts.Settings(profile.acfK(), periodsPerYear, statedVol));
    return new SeriesFacts(kind, r.size(), days, runs, f, profile.check(f));
  }

  private static String toJson(
      List<RunBars> runs, List<SymbolFacts> facts, List<String> notes, StylizedBands bands) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    ArrayNode rs = root.putArray("runs");
    runs.forEach(r -> rs.add(r.dir.toString()));
    root.put("bands", StylizedBands.RESOURCE.substring(1));
    ArrayNode syms = root.putArray("symbols");
    for (SymbolFacts s : facts) {
      ObjectNode o = syms.addObject();
      o.put("symbol", s.symbol());
      o.put("session", s.session() == null ? null : s.session().configName());
      number(o, "statedVolPct", s.statedVolPct());
      o.put("statedVolSource", s.volSource());
      ArrayNode series = o.putArray("series");
      for (SeriesFacts f : s.series()) {
        ObjectNode so = series.addObject();
        so.put("returns", f.returns());
        so.put("n", f.n());
        so.put("days", f.days());
        so.put("runs", f.runs());
        if (f.facts() == null) {
          so.put("error", "too few returns (" + f.n() + ")");
          continue;
        }
        so.put("profile", f.verdict().profile());
        so.put("pass", f.verdict().pass());
        ObjectNode figures = so.putObject("figures");
        for (Map.Entry<String, Double> e : f.facts().metrics().entrySet()) {
          number(figures, e.getKey(), e.getValue());
        }
        ArrayNode checks = so.putArray("checks");
        for (StylizedBands.Check c : f.verdict().checks()) {
          ObjectNode co = checks.addObject();
          co.put("name", c.band().name());
          co.put("metric", c.band().metric());
          number(co, "value", c.value());
          number(co, "lo", c.lo());
          number(co, "hi", c.hi());
          co.put("result", c.result().name().toLowerCase(Locale.ROOT));
          co.put("required", c.band().required());
          co.put("source", c.band().source());
          if (!c.note().isEmpty()) {
            co.put("note", c.note());
          }
        }
      }
      if (s.intraday() != null) {
        ObjectNode in = o.putObject("intraday");
        in.put("days", s.intraday().days());
        in.put(
            "midday",
            IntradayProfile.clock(IntradayProfile.MIDDAY_FROM)
                + "-"
                + IntradayProfile.clock(IntradayProfile.MIDDAY_TO));
        ArrayNode ws = in.putArray("windows");
        for (IntradayProfile.Window w : s.intraday().windows()) {
          ObjectNode wo = ws.addObject();
          wo.put("from", IntradayProfile.clock(w.fromMinute()));
          wo.put("to", IntradayProfile.clock(w.toMinute()));
          number(wo, "absReturnRatio", w.absReturn());
          number(wo, "absReturnRatioSe", w.absReturnSe());
          number(wo, "volumeRatio", w.volume());
          number(wo, "volumeRatioSe", w.volumeSe());
        }
      }
      ArrayNode sn = o.putArray("notes");
      s.notes().forEach(sn::add);
    }
    ArrayNode an = root.putArray("notes");
    notes.forEach(an::add);
    ObjectNode src = root.putObject("sources");
    bands.sources().forEach(src::put);
    return JsonText.pretty(root);
  }

  /** A finite number, or null: JSON has no NaN. */
  private static void number(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }
}
