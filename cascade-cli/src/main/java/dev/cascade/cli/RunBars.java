package dev.cascade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Session;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.report.RunDataException;
import dev.cascade.report.RunTable;
import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.LoadResult;
import dev.cascade.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-minute bars of one run directory, per instrument and session day, with what the run's
 * scenario.yaml says of each instrument (its session and its stated volatility). Bars are read
 * through the report's {@link RunTable} (bars-1m.csv, or bars-1m.parquet without it).
 */
final class RunBars {
  static final String BARS = "bars-1m.csv";

  /**
   * What the scenario says of one instrument.
   *
   * @param session its trading hours (null if the scenario could not be read)
   * @param statedVolPct its {@code fundamentalVolPct}, annualised percent, when the scenario writes
   *     it (NaN otherwise); for a perpetual with an index, the index's, which its value follows
   * @param volSource where statedVolPct comes from, for people
   */
  record Instrument(SessionKind session, double statedVolPct, String volSource) {}

  /**
   * One session day of one instrument: closes (currency units), volumes (lots) and the minute of
   * the session each bar starts at (minutes since that day's open; -1 when the session is unknown),
   * in time order.
   */
  record Day(LocalDate day, double[] closes, double[] volumes, int[] sessionMinutes) {
    double lastClose() {
      return closes[closes.length - 1];
    }

    double totalVolume() {
      double s = 0;
      for (double v : volumes) {
        s += v;
      }
      return s;
    }
  }

  /** One bar as read: start of its minute (epoch ms), close, volume (lots). */
  private record BarRow(long millis, double close, double volume) {}

  final Path dir;

  /** Per symbol, in order of first bar: its session days in order. */
  final Map<String, List<Day>> days;

  /** Per symbol of the scenario. */
  final Map<String, Instrument> instruments;

  /** Why a figure may be missing, e.g. an unreadable scenario.yaml. */
  final List<String> notes;

  private RunBars(
      Path dir,
      Map<String, List<Day>> days,
      Map<String, Instrument> instruments,
      List<String> notes) {
    this.dir = dir;
    this.days = days;
    this.instruments = instruments;
    this.notes = notes;
  }

  /**
   * Reads {@code dir}; every problem with the run's files is a located {@link RunDataException}.
   */
  static RunBars read(Path dir) throws RunDataException {
    if (!Files.isDirectory(dir)) {
      throw new RunDataException(
          dir, 0, "not a directory (expected a run directory written by cascade run)");
    }
    if (!Files.exists(dir.resolve("summary.json"))) {
      throw new RunDataException(
          dir,
          0,
          "not a run directory (no summary.json; expected a directory written by cascade run)");
    }
    Path bars = dir.resolve(BARS);
    if (!RunTable.exists(bars)) {
      throw new RunDataException(dir, 0, "no bars (neither bars-1m.csv nor bars-1m.parquet)");
    }
    List<String> notes = new ArrayList<>();
    Map<String, Instrument> instruments = scenarioInstruments(dir.resolve("scenario.yaml"), notes);
    Map<String, List<BarRow>> rows = new LinkedHashMap<>();
    int[] c = new int[4];
    RunTable.read(
        bars,
        List.of("time", "symbol", "close", "volume"),
        idx -> System.arraycopy(idx, 0, c, 0, 4),
        row -> {
          String symbol = row.text(c[1]);
          long t = row.epochMillis(c[0]);
          double close = row.number(c[2]);
          if (!(close > 0)) {
            throw new RunDataException(
                bars, row.line(), "column close: " + row.text(c[2]) + " is not a positive price");
          }
          List<BarRow> of = rows.computeIfAbsent(symbol, s -> new ArrayList<>());
          if (!of.isEmpty() && of.get(of.size() - 1).millis() >= t) {
            throw new RunDataException(
                bars, row.line(), "bars of " + symbol + " out of time order at " + row.text(c[0]));
          }
          of.add(new BarRow(t, close, row.number(c[3])));
        });
    if (rows.isEmpty()) {
      throw new RunDataException(bars, 0, "no bars (nothing traded in this run)");
    }
    Map<String, List<Day>> days = new LinkedHashMap<>();
    for (Map.Entry<String, List<BarRow>> e : rows.entrySet()) {
      days.put(e.getKey(), splitIntoDays(e.getValue(), instruments.get(e.getKey())));
    }
    if (!instruments.isEmpty()) {
      for (String symbol : days.keySet()) {
        if (!instruments.containsKey(symbol)) {
          notes.add(
              symbol
                  + " is not in scenario.yaml: its days are UTC dates and its vol not annualised");
        }
      }
    }
    return new RunBars(dir, days, instruments, List.copyOf(notes));
  }

  /**
   * Groups bars by the trading day of their session (as the exchange does: NYSE holidays for US
   * equities, the UTC date for crypto, the 18:00 New York reopening for Globex); by UTC date when
   * the session is unknown.
   */
  private static List<Day> splitIntoDays(List<BarRow> bars, Instrument ins) {
    Session session = ins == null || ins.session() == null ? null : Session.of(ins.session());
    List<Day> out = new ArrayList<>();
    LocalDate current = null;
    List<BarRow> bucket = new ArrayList<>();
    for (BarRow b : bars) {
      LocalDate d =
          session == null
              ? Instant.ofEpochMilli(b.millis()).atZone(ZoneOffset.UTC).toLocalDate()
              : session.tradingDay(b.millis() * 1_000_000L);
      if (current != null && !d.equals(current)) {
        out.add(day(current, bucket, session));
        bucket = new ArrayList<>();
      }
      current = d;
      bucket.add(b);
    }
    out.add(day(current, bucket, session));
    return List.copyOf(out);
  }

  private static Day day(LocalDate d, List<BarRow> bars, Session session) {
    double[] closes = new double[bars.size()];
    double[] volumes = new double[bars.size()];
    int[] minutes = new int[bars.size()];
    for (int i = 0; i < bars.size(); i++) {
      closes[i] = bars.get(i).close();
      volumes[i] = bars.get(i).volume();
      long t = bars.get(i).millis() * 1_000_000L;
      minutes[i] =
          session == null ? -1 : (int) ((t - session.sessionOpen(t)) / Time.NANOS_PER_MINUTE);
    }
    return new Day(d, closes, volumes, minutes);
  }

  /**
   * Session and stated vol of each instrument of the run's scenario.yaml. The session comes from
   * the loaded scenario (its default follows the asset class); the vol only when the file writes
   * {@code fundamentalVolPct} for the instrument, or for the index of a perpetual (the engine's
   * default is not a statement). Empty, with a note, when the file is missing or no longer loads.
   */
  private static Map<String, Instrument> scenarioInstruments(Path file, List<String> notes) {
    Map<String, Instrument> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      notes.add("no scenario.yaml: days are UTC dates, no stated vol, realised vol not annualised");
      return out;
    }
    LoadResult loaded = ScenarioLoader.load(file, StandardFamilies.registry());
    if (!loaded.ok()) {
      notes.add(
          "scenario.yaml no longer loads ("
              + loaded.errors().get(0)
              + "); days are UTC dates, no stated vol, realised vol not annualised");
      return out;
    }
    Map<String, Boolean> stated = new LinkedHashMap<>();
    try {
      JsonNode tree = new YAMLMapper().readTree(file.toFile());
      for (JsonNode i : tree.path("instruments")) {
        stated.put(i.path("symbol").asText(), i.has("fundamentalVolPct"));
      }
    } catch (IOException e) {
      // It loaded above, so it parses; without the tree no vol counts as stated.
    }
    Map<String, InstrumentSpec> bySymbol = new LinkedHashMap<>();
    for (InstrumentSpec i : loaded.spec().orElseThrow().instruments()) {
      bySymbol.put(i.symbol(), i);
    }
    for (InstrumentSpec i : bySymbol.values()) {
      // An indexed perpetual's value walk follows its index's (docs/model.md, "Mark price and
      // index"), so the index's vol is the one its price should realise.
      String index = i.perpetual().index();
      InstrumentSpec volOf = index == null ? i : bySymbol.get(index);
      String source =
          index == null
              ? "fundamentalVolPct"
              : index + "'s fundamentalVolPct (the index its value follows)";
      out.put(
          i.symbol(),
          new Instrument(
              i.session(),
              volOf != null && stated.getOrDefault(volOf.symbol(), false)
                  ? volOf.fundamentalVolPct()
                  : Double.NaN,
              source));
    }
    return out;
  }
}
