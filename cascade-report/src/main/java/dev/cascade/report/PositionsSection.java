package dev.cascade.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The forced-flow groups' books over the run: each group's net exposure (units x mark x lot x
 * multiplier, summed over its instruments) at every sample of the positions table, so a vol-target
 * fund cutting exposure or a long/short fund de-grossing shows as its line falling. Reads
 * positions.csv and instruments.csv (or their Parquet); drawn when the run has them and a group of
 * a forced-flow family held anything.
 */
final class PositionsSection implements ReportSection {
  static final String POSITIONS = "positions.csv";
  static final String INSTRUMENTS = "instruments.csv";

  /** Families whose trades a rule forces (docs/model.md), as the Python example takes them. */
  static final Set<String> FORCED =
      Set.of(
          "options-dealer",
          "leveraged-etf",
          "vol-target",
          "risk-parity",
          "cta",
          "long-short-fund",
          "perp-trader",
          "stop-loss",
          "etf-holder",
          "index-fund");

  /** A gap between samples longer than this (a closed session) breaks a line. */
  static final long GAP_MILLIS = 30 * 60_000L;

  @Override
  public String reads() {
    return POSITIONS + ", " + INSTRUMENTS;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.summary != null && !run.forcedExposure.isEmpty();
  }

  @Override
  public void write(RunData run, ReportPage page) {
    Map<String, TreeMap<Long, Double>> exposure = run.forcedExposure;
    double real =
        run.summary.scale() == null ? 0 : run.summary.scale().realDollarsPerSimulatedDollar();
    page.section(
        "positions",
        "Forced-flow books",
        "Each forced-flow group's net exposure (long minus short, at the marks), from the positions"
            + " table sampled every five simulated minutes"
            + (real > 0
                ? String.format(
                    java.util.Locale.ROOT,
                    "; simulated dollars (one stands for $%,.0f at real scale)",
                    real)
                : "")
            + ". A fund cutting its book shows as its line moving toward zero.",
        reads());
    ObjectNode c = page.chart("positions-exposure", "lines", "wide", "Net exposure by group");
    c.put("yName", "$ net exposure");
    c.put("symbols", false);
    ArrayNode series = c.putArray("series");
    for (Map.Entry<String, TreeMap<Long, Double>> e : exposure.entrySet()) {
      Series s = new Series();
      e.getValue().forEach(s::add);
      ObjectNode o = series.addObject();
      o.put("name", e.getKey());
      o.set("data", page.points(s, GAP_MILLIS));
    }
    c.set("shocks", page.shockMarks(run.shocks));
    page.endSection();
  }

  /**
   * Per forced group (in table order) and sample time, the summed exposure in dollars; empty when
   * the run directory has no positions or instruments table.
   */
  static Map<String, TreeMap<Long, Double>> exposure(java.nio.file.Path dir)
      throws RunDataException {
    if (!RunTable.exists(dir.resolve(POSITIONS)) || !RunTable.exists(dir.resolve(INSTRUMENTS))) {
      return Map.of();
    }
    Map<String, Double> perUnit = new HashMap<>();
    int[] ic = new int[3];
    RunTable.read(
        dir.resolve(INSTRUMENTS),
        List.of("symbol", "lot", "multiplier"),
        idx -> System.arraycopy(idx, 0, ic, 0, 3),
        row -> perUnit.put(row.text(ic[0]), row.number(ic[1]) * row.number(ic[2])));
    Map<String, TreeMap<Long, Double>> out = new LinkedHashMap<>();
    Map<String, Boolean> held = new HashMap<>();
    int[] c = new int[6];
    RunTable.read(
        dir.resolve(POSITIONS),
        List.of("time", "group", "family", "instrument", "units", "mark"),
        idx -> System.arraycopy(idx, 0, c, 0, 6),
        row -> {
          String family = row.text(c[2]);
          String instrument = row.text(c[3]);
          if (!FORCED.contains(family) || instrument.equals("CASH")) {
            return;
          }
          Double unit = perUnit.get(instrument);
          if (unit == null) {
            return;
          }
          String group = row.text(c[1]);
          long units = row.whole(c[4]);
          held.merge(group, units != 0, Boolean::logicalOr);
          // The mark is read only for held rows: a position's mark is always written.
          double value = units == 0 ? 0 : units * row.number(c[5]) * unit;
          out.computeIfAbsent(group, g -> new TreeMap<>())
              .merge(row.epochMillis(c[0]), value, Double::sum);
        });
    out.keySet().removeIf(g -> !held.getOrDefault(g, false));
    return out;
  }
}
