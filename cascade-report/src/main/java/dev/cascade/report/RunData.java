package dev.cascade.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.record.InstrumentSummary;
import dev.cascade.record.RunSummary;
import dev.cascade.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run directory holds, read once: summary.json (required) and the files the report's
 * sections draw from, each read only if present. Per-instrument series are kept in the order of
 * summary.json's instruments.
 */
final class RunData {
  static final String SUMMARY = "summary.json";
  static final String BARS = "bars-1m.csv";
  static final String DEPTH = "depth.csv";
  static final String HALTS = "halts.csv";
  static final String SCENARIO = "scenario.yaml";
  static final String TRADES = "trades.csv";
  static final String CAUSES = "causes.csv";
  static final String GEX = "gex.csv";
  static final String VIX = "vix.csv";
  static final String ATTRIBUTION = "attribution.json";

  /** summary.json and attribution.json are a few kilobytes; anything past this is not one. */
  static final int MAX_JSON_BYTES = 64 << 20;

  /** One instrument's one-minute bars: close in currency units, volume in lots per minute. */
  record Bars(Series close, Series volume) {}

  /** One instrument's liquidity samples: quoted spread in bps, lots within five levels per side. */
  record Depth(Series spreadBps, Series bidLots, Series askLots) {}

  /** A halt of one instrument, times in epoch milliseconds. */
  record HaltSpan(String symbol, long startMillis, long untilMillis, String reason) {}

  /**
   * A marked price level of one instrument: the gamma flip (from the dealers section) and the
   * entries of summary.json's optional {@code levels} array.
   *
   * @param symbol instrument
   * @param name what the level is, e.g. "gamma flip (start)"
   * @param price dollars
   */
  record Level(String symbol, String name, double price) {}

  /**
   * A scenario shock as the run recorded it: a root cause of kind shock in causes.csv.
   *
   * @param atMillis when it struck, epoch milliseconds
   * @param label the scenario's label for it
   */
  record Shock(long atMillis, String label) {}

  /**
   * The dealers' net gamma exposure over a price grid at one moment, read from gex.csv.
   *
   * @param spot spot then, dollars
   * @param prices grid prices, dollars
   * @param gex net GEX at each, dollars per 1% move
   */
  record GexCurve(double spot, List<Double> prices, List<Double> gex) {}

  final Path dir;

  /** The run summary; null for a directory written by {@code cascade attribute}. */
  final RunSummary summary;

  final JsonNode summaryTree;

  /** attribution.json of {@code cascade attribute}, when the directory has one. */
  final Optional<Attribution> attribution;

  /** sweep.json (and sweep-paths.csv) of {@code cascade sweep}, when the directory has one. */
  final Optional<SweepResult> sweep;

  /** Trades folded by time bucket and cause kind; empty without trades. */
  final Optional<TradeFlow> flow;

  /** The causes, when the run has them. */
  final Optional<dev.cascade.analytics.CauseTable> causes;

  /** Per underlying: "start" and "end" GEX curves. */
  final Map<String, Map<String, GexCurve>> gex = new LinkedHashMap<>();

  /** Per underlying: the VIX-style index samples, points. */
  final Map<String, Series> vix = new LinkedHashMap<>();

  final List<Level> levels = new ArrayList<>();

  /** Forced-flow groups' net exposure over time, from the positions table; empty without it. */
  final Map<String, java.util.TreeMap<Long, Double>> forcedExposure;

  /** The scenario's shocks in time order, from causes.csv; empty without it. */
  final List<Shock> shocks = new ArrayList<>();

  final long startMillis;
  final long endMillis;
  final Map<String, Bars> bars = new LinkedHashMap<>();
  final Map<String, Depth> depth = new LinkedHashMap<>();
  final List<HaltSpan> halts = new ArrayList<>();
  final Optional<String> scenarioText;
  private final boolean hasBars;
  private final boolean hasDepth;

  /**
   * A directory of {@code cascade attribute} (attribution.json) or {@code cascade sweep}
   * (sweep.json): that file and the scenario only.
   */
  private RunData(Path dir, Attribution attribution, SweepResult sweep) throws RunDataException {
    this.dir = dir;
    this.summary = null;
    this.summaryTree = null;
    this.attribution = Optional.ofNullable(attribution);
    this.sweep = Optional.ofNullable(sweep);
    this.flow = Optional.empty();
    this.causes = Optional.empty();
    this.startMillis = 0;
    this.endMillis = 0;
    this.hasBars = false;
    this.hasDepth = false;
    this.forcedExposure = Map.of();
    this.scenarioText = readText(dir.resolve(SCENARIO));
  }

  private RunData(Path dir, RunSummary summary, JsonNode tree) throws RunDataException {
    this.dir = dir;
    this.summary = summary;
    this.summaryTree = tree;
    this.attribution = Optional.empty();
    this.sweep = Optional.empty();
    Path sj = dir.resolve(SUMMARY);
    this.startMillis = instant(sj, "simulatedStart", summary.simulatedStart());
    this.endMillis = instant(sj, "simulatedEnd", summary.simulatedEnd());
    for (InstrumentSummary i : summary.instruments()) {
      bars.put(i.symbol(), new Bars(new Series(), new Series()));
      depth.put(i.symbol(), new Depth(new Series(), new Series(), new Series()));
    }
    hasBars = RunTable.exists(dir.resolve(BARS));
    hasDepth = RunTable.exists(dir.resolve(DEPTH));
    if (hasBars) {
      readBars(dir.resolve(BARS));
    }
    if (hasDepth) {
      readDepth(dir.resolve(DEPTH));
    }
    if (RunTable.exists(dir.resolve(HALTS))) {
      readHalts(dir.resolve(HALTS));
    }
    scenarioText = readText(dir.resolve(SCENARIO));
    forcedExposure = PositionsSection.exposure(dir);
    causes =
        RunTable.exists(dir.resolve(CAUSES)) ? Optional.of(RunCauses.read(dir)) : Optional.empty();
    causes.ifPresent(this::readShocks);
    flow =
        RunTable.exists(dir.resolve(TRADES))
            ? Optional.of(
                TradeFlow.read(
                    dir.resolve(TRADES), startMillis, endMillis, causes.map(c -> c.size())))
            : Optional.empty();
    if (RunTable.exists(dir.resolve(GEX))) {
      readGex(dir.resolve(GEX));
    }
    if (RunTable.exists(dir.resolve(VIX))) {
      readVix(dir.resolve(VIX));
    }
    readLevels(sj, tree);
  }

  /** Reads the run directory {@code dir}; every problem is a located {@link RunDataException}. */
  static RunData read(Path dir) throws RunDataException {
    if (!Files.isDirectory(dir)) {
      throw new RunDataException(
          dir, 0, "not a directory (expected a run directory written by cascade run)");
    }
    if (!RunFile.exists(dir.resolve(SUMMARY))
        && !RunFile.exists(dir.resolve(ATTRIBUTION))
        && !RunFile.exists(dir.resolve(SweepResult.FILE))) {
      throw new RunDataException(
          dir,
          0,
          "not a directory of cascade run, sweep or attribute (it holds no summary.json,"
              + " sweep.json or attribution.json)");
    }
    Path sj = dir.resolve(SUMMARY);
    ObjectMapper json =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    if (!RunFile.exists(sj) && RunFile.exists(dir.resolve(ATTRIBUTION))) {
      return new RunData(dir, Attribution.read(dir.resolve(ATTRIBUTION)), null);
    }
    if (!RunFile.exists(sj) && RunFile.exists(dir.resolve(SweepResult.FILE))) {
      return new RunData(dir, null, SweepResult.read(dir));
    }
    JsonNode tree;
    try {
      tree = json.readTree(RunFile.readAll(sj, MAX_JSON_BYTES));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new RunDataException(
          sj, at == null ? 0 : at.getLineNr(), "not valid JSON: " + e.getOriginalMessage());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new RunDataException(
          sj,
          0,
          "missing (is this a run directory of cascade run, or of cascade attribute with"
              + " attribution.json?)");
    } catch (IOException e) {
      throw new RunDataException(sj, 0, "cannot be read: " + e.getMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new RunDataException(sj, 1, "expected a JSON object, the run summary");
    }
    for (String field : List.of("scenario", "simulatedStart", "simulatedEnd", "instruments")) {
      if (!tree.hasNonNull(field)) {
        throw new RunDataException(sj, 0, "has no '" + field + "': not a run summary");
      }
    }
    RunSummary summary;
    try {
      summary = json.treeToValue(tree, RunSummary.class);
    } catch (JsonProcessingException e) {
      throw new RunDataException(sj, 0, "not a run summary: " + e.getOriginalMessage());
    }
    return new RunData(dir, summary, tree);
  }

  /**
   * Whether the run spans more than a day: its time charts then collapse closed hours, a category
   * axis over the minutes something traded.
   */
  boolean multiDay() {
    return endMillis - startMillis > 24L * 3600_000L;
  }

  /**
   * Whether {@code s} (one-minute bars) covers more than 80% of the run's minutes: an instrument
   * that trades around the clock or nearly so, whose night minutes would keep the others' closed
   * hours on a shared axis.
   */
  boolean aroundTheClock(Series s) {
    return s.size() * 60_000.0 > 0.8 * (endMillis - startMillis);
  }

  boolean hasBars() {
    return hasBars;
  }

  boolean hasDepth() {
    return hasDepth;
  }

  /** The halts of one instrument, in order. */
  List<HaltSpan> haltsOf(String symbol) {
    return halts.stream().filter(h -> h.symbol().equals(symbol)).toList();
  }

  private static long instant(Path file, String field, String text) throws RunDataException {
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException | NullPointerException e) {
      throw new RunDataException(file, 0, field + ": '" + text + "' is not an ISO-8601 time");
    }
  }

  private void readBars(Path f) throws RunDataException {
    int[] c = new int[4];
    RunTable.read(
        f,
        List.of("time", "symbol", "close", "volume"),
        idx -> System.arraycopy(idx, 0, c, 0, 4),
        row -> {
          Bars b = bars.computeIfAbsent(row.text(c[1]), s -> new Bars(new Series(), new Series()));
          long t = row.epochMillis(c[0]);
          b.close().add(t, row.number(c[2]));
          b.volume().add(t, row.number(c[3]));
        });
  }

  private void readDepth(Path f) throws RunDataException {
    int[] c = new int[5];
    RunTable.read(
        f,
        List.of("time", "symbol", "spreadBps", "bidDepthLots", "askDepthLots"),
        idx -> System.arraycopy(idx, 0, c, 0, 5),
        row -> {
          Depth d =
              depth.computeIfAbsent(
                  row.text(c[1]), s -> new Depth(new Series(), new Series(), new Series()));
          long t = row.epochMillis(c[0]);
          d.spreadBps().add(t, row.number(c[2]));
          d.bidLots().add(t, row.number(c[3]));
          d.askLots().add(t, row.number(c[4]));
        });
  }

  private void readHalts(Path f) throws RunDataException {
    int[] c = new int[4];
    RunTable.read(
        f,
        List.of("symbol", "start", "until", "reason"),
        idx -> System.arraycopy(idx, 0, c, 0, 4),
        row ->
            halts.add(
                new HaltSpan(
                    row.text(c[0]), row.epochMillis(c[1]), row.epochMillis(c[2]), row.text(c[3]))));
  }

  private void readGex(Path f) throws RunDataException {
    int[] c = new int[5];
    RunTable.read(
        f,
        List.of("underlying", "when", "spot", "price", "netGammaPer1Pct"),
        idx -> System.arraycopy(idx, 0, c, 0, 5),
        row -> {
          String when = row.text(c[1]);
          if (!when.equals("start") && !when.equals("end")) {
            throw new RunDataException(
                f, row.line(), "column when: expected start or end, found '" + when + "'");
          }
          double spot = row.number(c[2]);
          GexCurve g =
              gex.computeIfAbsent(row.text(c[0]), u -> new LinkedHashMap<>())
                  .computeIfAbsent(
                      when, w -> new GexCurve(spot, new ArrayList<>(), new ArrayList<>()));
          g.prices().add(row.number(c[3]));
          g.gex().add(row.number(c[4]));
        });
  }

  private void readVix(Path f) throws RunDataException {
    int[] c = new int[3];
    RunTable.read(
        f,
        List.of("time", "underlying", "vix"),
        idx -> System.arraycopy(idx, 0, c, 0, 3),
        row ->
            vix.computeIfAbsent(row.text(c[1]), u -> new Series())
                .add(row.epochMillis(c[0]), row.number(c[2])));
  }

  private void readShocks(dev.cascade.analytics.CauseTable c) {
    for (int i = 0; i < c.size(); i++) {
      if (c.kind().get(i) == dev.cascade.cause.CauseKind.SHOCK && c.time()[i] != Long.MIN_VALUE) {
        shocks.add(new Shock(Math.floorDiv(c.time()[i], 1_000_000L), c.label().get(i)));
      }
    }
    shocks.sort(java.util.Comparator.comparingLong(Shock::atMillis));
  }

  /** The gamma flips of the dealers section, then summary.json's optional levels array. */
  private void readLevels(Path sj, JsonNode tree) throws RunDataException {
    if (summary.dealers() != null) {
      for (dev.cascade.record.DealerSummary d : summary.dealers()) {
        if (d.flipStart() != null) {
          levels.add(new Level(d.underlying(), "gamma flip (start)", d.flipStart()));
        }
        if (d.flipEnd() != null) {
          levels.add(new Level(d.underlying(), "gamma flip (end)", d.flipEnd()));
        }
      }
    }
    JsonNode a = tree.get("levels");
    if (a == null || a.isNull()) {
      return;
    }
    if (!a.isArray()) {
      throw new RunDataException(sj, 0, "levels: expected an array of {symbol, name, price}");
    }
    for (int k = 0; k < a.size(); k++) {
      JsonNode l = a.get(k);
      if (!l.path("symbol").isTextual()
          || !l.path("name").isTextual()
          || !l.path("price").isNumber()
          || !Double.isFinite(l.path("price").asDouble())) {
        throw new RunDataException(
            sj, 0, "levels[" + k + "]: expected {symbol: text, name: text, price: number}");
      }
      levels.add(
          new Level(l.get("symbol").asText(), l.get("name").asText(), l.get("price").asDouble()));
    }
  }

  /** The levels of one instrument, in order. */
  List<Level> levelsOf(String symbol) {
    return levels.stream().filter(l -> l.symbol().equals(symbol)).toList();
  }

  /** The scenario copied into the run, at most as large as a scenario file may be. */
  private static Optional<String> readText(Path f) throws RunDataException {
    if (!RunFile.exists(f)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = RunFile.readAll(f, ScenarioLoader.MAX_BYTES);
      return Optional.of(
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      throw new RunDataException(f, 0, "is not UTF-8 text");
    } catch (IOException e) {
      throw new RunDataException(f, 0, "cannot be read: " + e.getMessage());
    }
  }
}
