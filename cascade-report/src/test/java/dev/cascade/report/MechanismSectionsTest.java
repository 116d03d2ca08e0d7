package dev.cascade.report;

import static dev.cascade.report.SyntheticMechanisms.CALL;
import static dev.cascade.report.SyntheticMechanisms.HEDGE;
import static dev.cascade.report.SyntheticMechanisms.LIQUIDATION;
import static dev.cascade.report.SyntheticMechanisms.NOISE;
import static dev.cascade.report.SyntheticMechanisms.STOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sections the mechanisms add: selling by mechanism, margin calls and liquidations, options
 * dealers, cause chains, levels on the price charts, and the attribution waterfall of a directory
 * written by cascade attribute.
 */
class MechanismSectionsTest {
  @TempDir Path dir;

  private static JsonNode charts(String html) throws Exception {
    String open = "<script type=\"application/json\" id=\"cascade-charts\">";
    int a = html.indexOf(open) + open.length();
    return new ObjectMapper().readTree(html.substring(a, html.indexOf("</script>", a)));
  }

  private static JsonNode chart(JsonNode charts, String id) {
    for (JsonNode c : charts) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no chart " + id);
  }

  private static double sum(JsonNode values) {
    double s = 0;
    for (JsonNode v : values) {
      s += v.asDouble();
    }
    return s;
  }

  @Test
  void aRunWithMechanismsGetsEachOfTheirSectionsInPageOrder() throws Exception {
    Path run = SyntheticMechanisms.add(SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5));

    String html = Files.readString(HtmlReport.write(run));

    assertThat(html)
        .containsSubsequence(
            "id=\"summary\"",
            "id=\"prices\"",
            "id=\"liquidity\"",
            "id=\"selling\"",
            "id=\"margin\"",
            "id=\"dealers\"",
            "id=\"chains\"",
            "id=\"halts\"",
            "id=\"scenario\"");
    assertThat(charts(html).findValuesAsText("id"))
        .contains(
            "selling-by-mechanism", "liquidations-over-time", "gex-S1", "vix-S1", "cause-chains");
  }

  @Test
  void sellingIsStackedByTheCauseKindOfTheAggressorPerMinute() throws Exception {
    Path run = SyntheticMechanisms.add(SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5));

    JsonNode c = chart(charts(Files.readString(HtmlReport.write(run))), "selling-by-mechanism");

    assertThat(c.get("yName").asText()).isEqualTo("$ per minute (sells ↑ buys ↓)");
    Map<String, double[]> byKind = new LinkedHashMap<>();
    for (JsonNode s : c.get("series")) {
      byKind.put(s.get("name").asText(), new double[] {sum(s.get("sold")), sum(s.get("bought"))});
      assertThat(s.get("sold")).hasSameSizeAs(c.get("t"));
    }
    assertThat(byKind.keySet())
        .containsExactly("noise", "hedge", "margin-call", "liquidation", "stop");
    assertThat(byKind.get("noise")).containsExactly(NOISE / 2, NOISE / 2);
    assertThat(byKind.get("margin-call")).containsExactly(CALL, 0);
    assertThat(byKind.get("liquidation")).containsExactly(10, 20);
    assertThat(c.get("series").get(2).get("sold").get(11).asDouble()).isEqualTo(CALL);
    assertThat(c.get("series").get(2).get("forced").asBoolean()).isTrue();
    assertThat(c.get("series").get(0).get("forced").asBoolean()).isFalse();
  }

  @Test
  void forcedSellingIsSummedByMechanismFromTheStart() throws Exception {
    Path run = SyntheticMechanisms.add(SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5));

    String html = Files.readString(HtmlReport.write(run));

    JsonNode flow = chart(charts(html), "selling-by-mechanism");
    JsonNode c = chart(charts(html), "forced-selling-cumulative");
    assertThat(c.get("kind").asText()).isEqualTo("lines");
    // Forced kinds that sold only: noise is routine; every cumulative curve ends at its total.
    assertThat(c.get("series").findValuesAsText("name"))
        .containsExactly("hedge", "margin-call", "liquidation", "stop");
    for (JsonNode s : c.get("series")) {
      JsonNode v = s.get("data").get("v");
      assertThat(v).hasSize(flow.get("t").size() + 1);
      assertThat(v.get(0).asDouble()).isZero();
      for (int i = 1; i < v.size(); i++) {
        assertThat(v.get(i).asDouble()).isGreaterThanOrEqualTo(v.get(i - 1).asDouble());
      }
      JsonNode bars = null;
      for (JsonNode f : flow.get("series")) {
        if (f.get("name").asText().equals(s.get("name").asText())) {
          bars = f;
        }
      }
      assertThat(v.get(v.size() - 1).asDouble()).isEqualTo(sum(bars.get("sold")), within(2.0));
    }
    assertThat(c.get("series").get(1).get("data").get("v").get(flow.get("t").size()).asDouble())
        .isEqualTo(CALL, within(1.0));
  }

  @Test
  void marginShowsCallsLiquidationsAndTheirNotionalOverTime() throws Exception {
    Path run = SyntheticMechanisms.add(SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5));

    String html = Files.readString(HtmlReport.write(run));

    assertThat(html).contains("Margin calls by desk", "$1234.50", "Liquidations by venue");
    JsonNode c = chart(charts(html), "liquidations-over-time");
    assertThat(c.get("series")).hasSize(1);
    assertThat(sum(c.get("series").get(0).get("sold"))).isEqualTo(LIQUIDATION / 3, within(1.0));
    assertThat(sum(c.get("series").get(0).get("bought")))
        .isEqualTo(2 * LIQUIDATION / 3, within(1.0));
  }

  @Test
  void dealersDrawTheGammaProfileWithFlipsAndSpotsAndTheIndexPath() throws Exception {
    Path run = SyntheticMechanisms.add(SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5));

    String html = Files.readString(HtmlReport.write(run));

    JsonNode gex = chart(charts(html), "gex-S1");
    assertThat(gex.get("series").findValuesAsText("name")).containsExactly("start", "end");
    assertThat(gex.get("series").get(0).get("data")).hasSize(41);
    assertThat(gex.get("marks").findValuesAsText("name"))
        .containsExactly("flip start", "flip end", "spot start", "spot end");
    JsonNode vix = chart(charts(html), "vix-S1");
    assertThat(vix.get("yName").asText()).isEqualTo("index points");
    assertThat(vix.get("series").get(0).get("data").get("v")).hasSize(12);
    assertThat(html).contains("2025-11-18 15:00:00", "$3.00M", "-$1.00M");
    // customers' puts (of which same-day) and the calls overwriters wrote
    assertThat(html).contains("1,234 (567) / 89");
  }

  @Test
  void causeChainsFlowFromParentKindToChildKindWeightedByNotionalBelow() throws Exception {
    Path run = SyntheticMechanisms.add(SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5));

    JsonNode c = chart(charts(Files.readString(HtmlReport.write(run))), "cause-chains");

    Map<String, Double> links = new LinkedHashMap<>();
    for (JsonNode l : c.get("links")) {
      links.put(
          l.get("source").asText() + " -> " + l.get("target").asText(), l.get("value").asDouble());
    }
    assertThat(links)
        .containsOnly(
            Map.entry("shock ·1 -> margin-call ·2", CALL + LIQUIDATION + STOP),
            Map.entry("margin-call ·2 -> liquidation ·3", LIQUIDATION + STOP),
            Map.entry("liquidation ·3 -> stop ·4", STOP),
            Map.entry("noise ·1 -> hedge ·2", HEDGE));
    assertThat(c.get("nodes").findValuesAsText("kind"))
        .containsExactly("shock", "margin-call", "liquidation", "stop", "noise", "hedge");
  }

  @Test
  void levelsFromTheDealersAndTheLevelsArrayAreMarkedOnTheirInstrument() throws Exception {
    Path run = SyntheticMechanisms.add(SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5));

    JsonNode charts = charts(Files.readString(HtmlReport.write(run)));

    assertThat(chart(charts, "price-S1").get("levels").findValuesAsText("name"))
        .containsExactly("gamma flip (start)", "gamma flip (end)", "round number");
    assertThat(chart(charts, "price-S2").get("levels").findValuesAsText("name"))
        .containsExactly("200-day average");
  }

  @Test
  void aMalformedLevelIsALocatedMessage() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 1, 0.05, 5);
    String s = Files.readString(run.resolve("summary.json"));
    Files.writeString(
        run.resolve("summary.json"),
        s.substring(0, s.lastIndexOf('}')) + ",\"levels\":[{\"symbol\":\"S1\",\"name\":\"x\"}]}");

    assertThatThrownBy(() -> HtmlReport.write(run))
        .isInstanceOf(RunDataException.class)
        .hasMessage(
            run.resolve("summary.json")
                + ": levels[0]: expected {symbol: text, name: text, price: number}");
  }

  @Test
  void anAttributionDirectoryGetsTheWaterfallFromTheDirectShockToTheFullMove() throws Exception {
    Path a = Files.createDirectories(dir.resolve("attr"));
    Files.writeString(
        a.resolve("attribution.json"),
        "{\"scenario\": \"demo\", \"seeds\": [1, 2, 3], \"mechanisms\": [\"dealers\", \"stops\"],"
            + " \"assets\": [{\"symbol\": \"SPY\", \"fullChangePct\": -3.0, \"fullChangeSd\": 0.1,"
            + " \"fullDrawdownPct\": 3.5, \"directChangePct\": -1.5, \"amplification\": 2.0,"
            + " \"amplificationCi\": {\"lo\": 1.8, \"hi\": 2.3},"
            + " \"contributions\": [{\"mechanism\": \"dealers\", \"changePp\": -1.0,"
            + " \"changeSd\": 0.2, \"changeSe\": 0.12, \"changeCi\": {\"lo\": -1.5, \"hi\": -0.5},"
            + " \"drawdownPp\": 1, \"drawdownSd\": 0.1},"
            + " {\"mechanism\": \"stops\", \"changePp\": -0.25, \"changeSd\": 0.1,"
            + " \"changeSe\": 0.15, \"drawdownPp\": 0.2, \"drawdownSd\": 0.1}]},"
            + " {\"symbol\": \"TLT\", \"fullChangePct\": 0.5, \"directChangePct\": 0.1,"
            + " \"amplification\": 5.0, \"contributions\": [{\"mechanism\": \"dealers\","
            + " \"changePp\": 0.4, \"changeSd\": 0.1, \"changeSe\": 0.05}]}]}");
    Files.writeString(a.resolve("scenario.yaml"), "name: demo\n");

    String html = Files.readString(HtmlReport.write(a));

    assertThat(html).contains("id=\"attribution\"", "id=\"scenario\"", "3 seeds, 1–3", "2.00×");
    assertThat(html).contains("95% interval 1.80-2.30×");
    assertThat(html).doesNotContain("id=\"summary\"", "id=\"prices\"");
    JsonNode steps = chart(charts(html), "attribution-SPY").get("steps");
    assertThat(steps.findValuesAsText("name"))
        .containsExactly("direct shock", "dealers", "stops", "interaction", "full");
    assertThat(steps.get(0).get("to").asDouble()).isEqualTo(-1.5);
    assertThat(steps.get(2).get("from").asDouble()).isEqualTo(-2.5);
    assertThat(steps.get(2).get("to").asDouble()).isEqualTo(-2.75);
    assertThat(steps.get(3).get("to").asDouble()).isEqualTo(-3.0);
    assertThat(steps.get(4).get("from").asDouble()).isZero();
    // The dealers' step carries its 95% interval at its end (-1.5 + [-1.5, -0.5]); the stops',
    // with no interval in the file, none.
    assertThat(steps.get(1).get("lo").asDouble()).isEqualTo(-3.0);
    assertThat(steps.get(1).get("hi").asDouble()).isEqualTo(-2.0);
    assertThat(steps.get(2).has("lo")).isFalse();
    // The mechanism x asset matrix: ± the standard error, beyond two of them marked.
    String matrix = html.substring(html.indexOf("id=\"attribution-matrix\""));
    matrix = matrix.substring(0, matrix.indexOf("</table>"));
    assertThat(matrix)
        .containsSubsequence(
            "<th>SPY<span class=\"unit\">pp ± se</span></th>",
            "<th>TLT",
            "<td class=\"sym\">dealers</td>",
            "<td class=\"num sig down\">-1.00 ± 0.12 *",
            // SPY's column reaches 1.5: the bar's half-width of 30 px is 20 px per point, zero at
            // 32.
            "aria-label=\"95% interval -1.50 to -0.50\"",
            "<line class=\"zero\" x1=\"32.0\"",
            "<line class=\"ci\" x1=\"2.0\" y1=\"6\" x2=\"22.0\"",
            "<circle class=\"mean\" cx=\"12.0\"",
            "</td>",
            "<td class=\"num sig up\">+0.40 ± 0.05 *</td>",
            "<td class=\"sym\">stops</td>",
            "<td class=\"num\">-0.25 ± 0.15</td>",
            "<td class=\"num\">–</td>");
  }

  @Test
  void anAttributionOfOneSeedHasAMatrixWithoutStandardErrorsOrMarks() throws Exception {
    Path a = Files.createDirectories(dir.resolve("attr1"));
    Files.writeString(
        a.resolve("attribution.json"),
        "{\"scenario\": \"demo\", \"seeds\": [4], \"assets\": [{\"symbol\": \"SPY\","
            + " \"fullChangePct\": -3.0, \"directChangePct\": -1.5, \"contributions\":"
            + " [{\"mechanism\": \"dealers\", \"changePp\": -1.0, \"changeSd\": 0,"
            + " \"changeSe\": null}]}]}");

    String html = Files.readString(HtmlReport.write(a));

    assertThat(html).contains("id=\"attribution-matrix\"", "one seed gives no standard errors");
    assertThat(html).contains("<td class=\"num\">-1.00</td>").doesNotContain("sig down");
  }
}
