package dev.cascade.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code cascade attribute} wrote to attribution.json, as the waterfall needs it: per asset
 * the mean change with everything on, the mean change from the direct shock alone (every mechanism
 * off) and each mechanism's paired contribution (full minus without it), all in percent or
 * percentage points over the same seeds.
 *
 * @param scenario scenario name
 * @param seeds seeds used
 * @param assets per instrument, in scenario order
 */
record Attribution(String scenario, List<Long> seeds, List<Asset> assets) {
  /**
   * One asset.
   *
   * @param symbol instrument
   * @param fullChangePct mean change with every mechanism on, percent
   * @param directChangePct mean change from the direct shock alone, percent
   * @param amplification full / direct, or null when the direct change is about 0
   * @param contributions per mechanism, in order
   * @param fullChangeSe standard error of the full change over seeds, percent; null for one seed
   * @param directChangeSe standard error of the direct change, percent; null for one seed
   * @param amplificationLo lower end of the amplification's 95% interval, or null
   * @param amplificationHi upper end, or null
   */
  record Asset(
      String symbol,
      double fullChangePct,
      double directChangePct,
      Double amplification,
      List<Contribution> contributions,
      Double fullChangeSe,
      Double directChangeSe,
      Double amplificationLo,
      Double amplificationHi) {}

  /**
   * @param mechanism name
   * @param changePp contribution to the change, percentage points
   * @param changeSd its standard deviation over seeds, percentage points
   * @param changeSe standard error of the mean contribution, percentage points; null for one seed
   *     or when attribution.json does not give it
   */
  /**
   * One mechanism's paired contribution to an asset's change, percentage points: the mean, the sd
   * of the paired differences, the standard error and the 95% Student-t interval (null with one
   * seed).
   */
  record Contribution(
      String mechanism,
      double changePp,
      double changeSd,
      Double changeSe,
      Double ciLo,
      Double ciHi) {}

  private static Double finiteOrNull(JsonNode n) {
    return n.isNumber() && Double.isFinite(n.asDouble()) ? n.asDouble() : null;
  }

  static Attribution read(Path file) throws RunDataException {
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
    List<Long> seeds = new ArrayList<>();
    for (JsonNode s : tree.path("seeds")) {
      seeds.add(s.asLong());
    }
    List<Asset> assets = new ArrayList<>();
    int i = 0;
    for (JsonNode a : tree.get("assets")) {
      String at = "assets[" + i + "]";
      List<Contribution> cs = new ArrayList<>();
      int j = 0;
      for (JsonNode c : a.path("contributions")) {
        cs.add(
            new Contribution(
                text(file, c, "mechanism", at + ".contributions[" + j + "]"),
                number(file, c, "changePp", at + ".contributions[" + j + "]"),
                c.path("changeSd").isNumber() ? c.get("changeSd").asDouble() : 0,
                finiteOrNull(c.path("changeSe")),
                finiteOrNull(c.path("changeCi").path("lo")),
                finiteOrNull(c.path("changeCi").path("hi"))));
        j++;
      }
      assets.add(
          new Asset(
              text(file, a, "symbol", at),
              number(file, a, "fullChangePct", at),
              number(file, a, "directChangePct", at),
              a.path("amplification").isNumber() ? a.get("amplification").asDouble() : null,
              List.copyOf(cs),
              a.path("fullChangeSe").isNumber() ? a.get("fullChangeSe").asDouble() : null,
              a.path("directChangeSe").isNumber() ? a.get("directChangeSe").asDouble() : null,
              a.path("amplificationCi").path("lo").isNumber()
                  ? a.get("amplificationCi").get("lo").asDouble()
                  : null,
              a.path("amplificationCi").path("hi").isNumber()
                  ? a.get("amplificationCi").get("hi").asDouble()
                  : null));
      i++;
    }
    return new Attribution(tree.path("scenario").asText("attribution"), seeds, assets);
  }

  private static String text(Path file, JsonNode o, String field, String at)
      throws RunDataException {
    if (!o.path(field).isTextual()) {
      throw new RunDataException(file, 0, at + "." + field + ": expected text");
    }
    return o.get(field).asText();
  }

  private static double number(Path file, JsonNode o, String field, String at)
      throws RunDataException {
    if (!o.path(field).isNumber() || !Double.isFinite(o.get(field).asDouble())) {
      throw new RunDataException(file, 0, at + "." + field + ": expected a finite number");
    }
    return o.get(field).asDouble();
  }
}
