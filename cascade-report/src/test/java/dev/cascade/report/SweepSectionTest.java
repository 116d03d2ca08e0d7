package dev.cascade.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a directory written by cascade sweep: sweep.json and sweep-paths.csv. */
class SweepSectionTest {
  @TempDir Path dir;

  static final String ASSET =
      "{\"symbol\": \"%s\", \"changeMean\": -2.5, \"changeMeanSe\": 0.4, \"changeSd\": 1.2,"
          + " \"changeP5\": -4.75, \"changeP5Ci\": {\"lo\": -5.1, \"hi\": -4.2},"
          + " \"changeP50\": -2.4, \"changeP50Ci\": {\"lo\": -2.9, \"hi\": -2.0},"
          + " \"changeP95\": -0.5, \"changeP95Ci\": {\"lo\": -0.9, \"hi\": -0.1},"
          + " \"changeWorst\": -5.0, \"changeEs5\": -5.0, \"changeEs5Ci\": {\"lo\": -5.0, \"hi\":"
          + " -4.5}, \"drawdownMean\": 3.0, \"drawdownMeanSe\": 0.3, \"drawdownP95\": 5.25,"
          + " \"drawdownP95Ci\": {\"lo\": 4.8, \"hi\": 5.6}, \"drawdownWorst\": 5.5}";

  /** A sweep directory of {@code paths} paths over SPY and TLT; scaled shocks when asked. */
  static Path sweep(Path d, int paths, boolean scaled) throws Exception {
    Files.createDirectories(d);
    Files.writeString(
        d.resolve("sweep.json"),
        "{\"scenario\": \"demo\", \"firstSeed\": 11, \"paths\": "
            + paths
            + ", \"without\": [\"stops\"], \"wallSeconds\": 1.0, \"resumedPaths\": 0,"
            + " \"warnings\": [\""
            + paths
            + " paths: p5, p95 and ES 5% need at least 20\"], \"assets\": ["
            + String.format(ASSET, "SPY")
            + ", "
            + String.format(ASSET, "TLT")
            + "]"
            + (scaled
                ? ", \"shockScaling\": {\"all\": 1.5, \"byLabel\": {\"cpi\": 2.0}},"
                    + " \"leverageScaling\": 1.2, \"breach\": {\"condition\": \"SPY drawdown >= 10%\","
                    + " \"breaches\": 2, \"lo\": 0.0567, \"hi\": 0.5098, \"seeds\": [12, 17]}"
                : "")
            + "}");
    StringBuilder csv = new StringBuilder("seed,symbol,changePct,maxDrawdownPct\n");
    for (int k = 0; k < paths; k++) {
      csv.append(11 + k).append(",SPY,").append(-0.5 - 0.5 * k).append(',').append(1 + k);
      csv.append('\n');
      csv.append(11 + k).append(",TLT,0.25,0.5\n");
    }
    Files.writeString(d.resolve("sweep-paths.csv"), csv);
    Files.writeString(d.resolve("scenario.yaml"), "name: demo\n");
    return d;
  }

  private static JsonNode chart(String html, String id) throws Exception {
    String open = "<script type=\"application/json\" id=\"cascade-charts\">";
    int a = html.indexOf(open) + open.length();
    for (JsonNode c :
        new ObjectMapper().readTree(html.substring(a, html.indexOf("</script>", a)))) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no chart " + id);
  }

  @Test
  void aSweepDirectoryGetsItsTailTableWarningsScalingAndHistograms() throws Exception {
    Path d = sweep(dir.resolve("demo-sweep"), 10, true);

    String html = Files.readString(HtmlReport.write(d));

    assertThat(html)
        .contains("Cascade · sweep", "<title>Cascade sweep: demo, 10 paths</title>")
        .contains("10 seeds, 11–20")
        .containsSubsequence("id=\"sweep\"", "id=\"scenario\"")
        .doesNotContain("id=\"summary\"", "id=\"prices\"", "id=\"attribution\"");
    // The tail statistics with standard errors and bootstrap intervals, as sweep.json holds them.
    assertThat(html)
        .contains(
            "<td class=\"num\">-2.50 ± 0.40</td>",
            "<td class=\"num\">-4.75 [-5.10, -4.20]</td>",
            "<td class=\"num\">-5.00 [-5.00, -4.50]</td>",
            "<td class=\"num\">5.25 [4.80, 5.60]</td>",
            "<td class=\"num\">3.00 ± 0.30</td>");
    assertThat(html).contains("Warning: 10 paths: p5, p95 and ES 5% need at least 20");
    assertThat(html)
        .contains("Shocks scaled", "all shocks ×1.5, cpi ×2", "Leverage scaled", "×1.2")
        .contains(
            "Breach", "SPY drawdown &gt;= 10%: 2 of 10 paths, 0.20 [0.06, 0.51] (95% Wilson)");
    assertThat(html).contains("Left out", "stops");
    // Histograms: 10 paths fall into 5 bins (sqrt(10) rounded up, at least 5), none lost.
    JsonNode change = chart(html, "sweep-change-SPY");
    assertThat(change.get("kind").asText()).isEqualTo("histogram");
    assertThat(change.get("bins")).hasSize(5);
    assertThat(change.get("bins").findValues("n").stream().mapToInt(JsonNode::asInt).sum())
        .isEqualTo(10);
    assertThat(change.get("bins").get(0).get("lo").asDouble()).isEqualTo(-5.0);
    assertThat(change.get("bins").get(4).get("hi").asDouble()).isEqualTo(-0.5);
    assertThat(change.get("marks").findValuesAsText("name")).containsExactly("p5", "p95", "ES 5%");
    assertThat(chart(html, "sweep-drawdown-SPY").get("marks").get(0).get("value").asDouble())
        .isEqualTo(5.25);
    // Every path equal: one bin around the value.
    JsonNode flat = chart(html, "sweep-change-TLT").get("bins");
    assertThat(flat).hasSize(1);
    assertThat(flat.get(0).get("n").asInt()).isEqualTo(10);
  }

  @Test
  void withoutPathsCsvOrScalingThoseAreLeftOut() throws Exception {
    Path d = sweep(dir.resolve("s"), 1, false);
    Files.delete(d.resolve("sweep-paths.csv"));
    Files.writeString(
        d.resolve("sweep.json"),
        Files.readString(d.resolve("sweep.json"))
            .replace("\"changeMeanSe\": 0.4", "\"changeMeanSe\": null")
            .replace("\"changeP5Ci\": {\"lo\": -5.1, \"hi\": -4.2}", "\"changeP5Ci\": null"));

    String html = Files.readString(HtmlReport.write(d));

    assertThat(html).contains("id=\"sweep\"", "seed 11", "<td class=\"num\">-2.50</td>");
    assertThat(html).contains("<td class=\"num\">-4.75</td>");
    assertThat(html).doesNotContain("Shocks scaled", "sweep-change-SPY", "Breach");
  }

  @Test
  void aMalformedSweepJsonIsLocated() throws Exception {
    Path d = sweep(dir.resolve("bad"), 3, false);
    Files.writeString(
        d.resolve("sweep.json"),
        Files.readString(d.resolve("sweep.json"))
            .replace("\"changeSd\": 1.2", "\"changeSd\": \"x\""));
    assertThatThrownBy(() -> HtmlReport.write(d))
        .isInstanceOf(RunDataException.class)
        .hasMessage(d.resolve("sweep.json") + ": assets[0].changeSd: expected a finite number");
  }
}
