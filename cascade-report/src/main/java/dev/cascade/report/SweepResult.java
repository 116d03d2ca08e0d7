package dev.cascade.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code cascade sweep} wrote: sweep.json's experiment and per-asset tail statistics (percent,
 * with their standard errors and 95% bootstrap intervals), and, when sweep-paths.csv is there, each
 * path's change and max drawdown per asset for the histograms.
 *
 * @param scenario scenario name
 * @param firstSeed first seed
 * @param paths number of paths
 * @param without mechanisms left out on every path
 * @param warnings figures the number of paths cannot support, as sweep.json words them
 * @param assets per instrument, in scenario order
 * @param scaling shock, leverage, flow and liquidity scaling as recorded ({@code shockScaling},
 *     {@code leverageScaling}, {@code flowScaling}, {@code liquidityScaling}), in words; empty when
 *     none was recorded
 * @param pathChange per symbol the change of each path, percent; empty without sweep-paths.csv
 * @param pathDrawdown per symbol the max drawdown of each path, percent
 * @param breach the {@code --breach} count in words ("SPY drawdown >= 10%: 2 of 8 paths, 0.25
 *     [0.07, 0.59]"); null without it
 */
record SweepResult(
    String scenario,
    long firstSeed,
    int paths,
    List<String> without,
    List<String> warnings,
    List<Asset> assets,
    Map<String, String> scaling,
    Map<String, List<Double>> pathChange,
    Map<String, List<Double>> pathDrawdown,
    String breach) {
  static final String FILE = "sweep.json";
  static final String PATHS = "sweep-paths.csv";

  /** A 95% bootstrap interval, percent. */
  record Interval(double lo, double hi) {}

  /** One asset's row of sweep.json; standard errors and intervals are null for a single path. */
  record Asset(
      String symbol,
      double changeMean,
      Double changeMeanSe,
      double changeSd,
      double changeP5,
      Interval changeP5Ci,
      double changeP50,
      Interval changeP50Ci,
      double changeP95,
      Interval changeP95Ci,
      double changeWorst,
      double changeEs5,
      Interval changeEs5Ci,
      double drawdownMean,
      Double drawdownMeanSe,
      double drawdownP95,
      Interval drawdownP95Ci,
      double drawdownWorst) {}

  static SweepResult read(Path dir) throws RunDataException {
    Path file = dir.resolve(FILE);
    JsonNode tree;
    try {
      tree = new ObjectMapper().readTree(RunFile.readAll(file, RunData.MAX_JSON_BYTES));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new RunDataException(
          file, at == null ? 0 : at.getLineNr(), "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RunDataException(file, 0, "cannot be read: " + e.getMessage());
    }
    if (tree == null || !tree.isObject() || !tree.path("assets").isArray()) {
      throw new RunDataException(file, 0, "expected an object with an 'assets' array");
    }
    if (!tree.path("paths").isIntegralNumber() || tree.get("paths").asInt() < 1) {
      throw new RunDataException(file, 0, "paths: expected a whole number of at least 1");
    }
    List<String> without = new ArrayList<>();
    tree.path("without").forEach(w -> without.add(w.asText()));
    List<String> warnings = new ArrayList<>();
    tree.path("warnings").forEach(w -> warnings.add(w.asText()));
    List<Asset> assets = new ArrayList<>();
    int i = 0;
    for (JsonNode a : tree.get("assets")) {
      String at = "assets[" + i++ + "]";
      if (!a.path("symbol").isTextual()) {
        throw new RunDataException(file, 0, at + ".symbol: expected text");
      }
      assets.add(
          new Asset(
              a.get("symbol").asText(),
              number(file, a, "changeMean", at),
              optional(file, a, "changeMeanSe", at),
              number(file, a, "changeSd", at),
              number(file, a, "changeP5", at),
              interval(file, a, "changeP5Ci", at),
              number(file, a, "changeP50", at),
              interval(file, a, "changeP50Ci", at),
              number(file, a, "changeP95", at),
              interval(file, a, "changeP95Ci", at),
              number(file, a, "changeWorst", at),
              number(file, a, "changeEs5", at),
              interval(file, a, "changeEs5Ci", at),
              number(file, a, "drawdownMean", at),
              optional(file, a, "drawdownMeanSe", at),
              number(file, a, "drawdownP95", at),
              interval(file, a, "drawdownP95Ci", at),
              number(file, a, "drawdownWorst", at)));
    }
    Map<String, String> scaling = new LinkedHashMap<>();
    JsonNode shock = tree.path("shockScaling");
    if (shock.isObject()) {
      StringBuilder s = new StringBuilder();
      if (shock.path("all").isNumber() && shock.get("all").asDouble() != 1) {
        s.append("all shocks ×").append(factor(shock.get("all").asDouble()));
      }
      shock
          .path("byLabel")
          .fields()
          .forEachRemaining(
              e -> {
                if (s.length() > 0) {
                  s.append(", ");
                }
                s.append(e.getKey()).append(" ×").append(factor(e.getValue().asDouble()));
              });
      if (s.length() > 0) {
        scaling.put("shockScaling", s.toString());
      }
    }
    for (String k : List.of("leverageScaling", "flowScaling", "liquidityScaling")) {
      if (tree.path(k).isNumber()) {
        scaling.put(k, "×" + factor(tree.get(k).asDouble()));
      }
    }
    Map<String, List<Double>> change = new LinkedHashMap<>();
    Map<String, List<Double>> drawdown = new LinkedHashMap<>();
    Path csv = dir.resolve(PATHS);
    if (RunTable.exists(csv)) {
      int[] c = new int[3];
      RunTable.read(
          csv,
          List.of("symbol", "changePct", "maxDrawdownPct"),
          idx -> System.arraycopy(idx, 0, c, 0, 3),
          row -> {
            change.computeIfAbsent(row.text(c[0]), s -> new ArrayList<>()).add(row.number(c[1]));
            drawdown.computeIfAbsent(row.text(c[0]), s -> new ArrayList<>()).add(row.number(c[2]));
          });
    }
    String breach = null;
    JsonNode b = tree.path("breach");
    if (b.isObject() && b.path("breaches").isInt() && tree.get("paths").asInt() > 0) {
      int n = tree.get("paths").asInt();
      breach =
          String.format(
              Locale.ROOT,
              "%s: %d of %d paths, %.2f [%.2f, %.2f] (95%% Wilson)",
              b.path("condition").asText(),
              b.get("breaches").asInt(),
              n,
              (double) b.get("breaches").asInt() / n,
              b.path("lo").asDouble(),
              b.path("hi").asDouble());
    }
    return new SweepResult(
        tree.path("scenario").asText("sweep"),
        tree.path("firstSeed").asLong(),
        tree.get("paths").asInt(),
        List.copyOf(without),
        List.copyOf(warnings),
        List.copyOf(assets),
        scaling,
        change,
        drawdown,
        breach);
  }

  private static String factor(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static double number(Path file, JsonNode o, String field, String at)
      throws RunDataException {
    if (!o.path(field).isNumber() || !Double.isFinite(o.get(field).asDouble())) {
      throw new RunDataException(file, 0, at + "." + field + ": expected a finite number");
    }
    return o.get(field).asDouble();
  }

  private static Double optional(Path file, JsonNode o, String field, String at)
      throws RunDataException {
    JsonNode n = o.path(field);
    return n.isMissingNode() || n.isNull() ? null : number(file, o, field, at);
  }

  private static Interval interval(Path file, JsonNode o, String field, String at)
      throws RunDataException {
    JsonNode n = o.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.path("lo").isNumber() || !n.path("hi").isNumber()) {
      throw new RunDataException(file, 0, at + "." + field + ": expected {lo: number, hi: number}");
    }
    return new Interval(n.get("lo").asDouble(), n.get("hi").asDouble());
  }
}
