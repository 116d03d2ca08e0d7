package dev.cascade.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @TempDir Path dir;

  private static JsonNode charts(String html) throws Exception {
    String open = "<script type=\"application/json\" id=\"cascade-charts\">";
    int a = html.indexOf(open) + open.length();
    int b = html.indexOf("</script>", a);
    return new ObjectMapper().readTree(html.substring(a, b));
  }

  @Test
  void theReportIsOneFileThatNeedsNoNetwork() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 3, 0.25, 5);
    Path report = HtmlReport.write(run);

    assertThat(report).isEqualTo(run.resolve("report.html"));
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).doesNotContain("src=\"http", "href=\"http", "<link ", "@import");
    assertThat(html).contains("echarts.init", "Apache ECharts " + HtmlReport.echartsVersion());
    // Every chart gets the zoom and export toolbar.
    assertThat(html).contains("toolbox: toolbox(spec, true)", "saveAsImage");
    // The library itself is inlined: its license banner is in the page.
    assertThat(html).contains("Licensed to the Apache Software Foundation");
  }

  @Test
  void everySectionWhoseFileExistsIsDrawnWithUnitsAndHalts() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 3, 0.25, 5);
    String html = Files.readString(HtmlReport.write(run));

    assertThat(html)
        .contains(
            "id=\"summary\"",
            "id=\"prices\"",
            "id=\"liquidity\"",
            "id=\"halts\"",
            "id=\"scenario\"",
            "Source: <code>bars-1m.csv, halts.csv, causes.csv</code>",
            "limit down, 7%",
            "synthetic",
            "abababab");
    // The scenario is shown as text, never as markup.
    assertThat(html).contains("# &lt;b&gt;not markup&lt;/b&gt;").doesNotContain("<b>not markup");
    JsonNode charts = charts(html);
    assertThat(charts.findValuesAsText("id"))
        .containsExactly(
            "price-normalised",
            "price-S1",
            "price-S2",
            "price-S3",
            "liquidity-S1",
            "liquidity-S2",
            "liquidity-S3");
    for (JsonNode c : charts) {
      assertThat(html).contains("<div class=\"chart ").contains("id=\"" + c.get("id").asText());
    }
    assertThat(charts.get(1).get("halts")).hasSize(1);
    assertThat(
            charts.get(1).get("halts").get(0).get("to").asDouble()
                - charts.get(1).get("halts").get(0).get("from").asDouble())
        .isEqualTo(900.0);
    assertThat(charts.get(2).get("halts")).isEmpty();
  }

  /** The synthetic run's summary.json with {@code edit} applied to its tree. */
  private static void editSummary(Path run, java.util.function.Consumer<ObjectNode> edit)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode s = (ObjectNode) json.readTree(run.resolve("summary.json").toFile());
    edit.accept(s);
    json.writeValue(run.resolve("summary.json").toFile(), s);
  }

  private static String headline(String html) {
    int a = html.indexOf("<section class=\"headline\" id=\"headline\">");
    assertThat(a).as("a headline section").isGreaterThan(0);
    assertThat(a)
        .as("the headline comes before every other section")
        .isLessThan(html.indexOf("<section class=\"section\""));
    return html.substring(a, html.indexOf("</section>", a));
  }

  @Test
  void volatilityProductsAreTabledWithTheirBasisAndTermination() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5);
    assertThat(Files.readString(HtmlReport.write(run))).doesNotContain("id=\"volatility\"");
    editSummary(
        run,
        s -> {
          ObjectNode v = s.putObject("volatility");
          ObjectNode f = v.putArray("futures").addObject();
          f.put("symbol", "VX1");
          f.put("underlying", "SPY");
          f.put("expiry", "2026-03-31T09:00-04:00");
          f.put("priceStart", 17.5);
          f.put("priceEnd", 28.1);
          f.put("valueEnd", 25.8);
          f.put("indexEnd", 28.6);
          ObjectNode e = v.putArray("funds").addObject();
          e.put("agent", "etp-inverse-0");
          e.put("instrument", "VX1");
          e.put("leverage", -1.0);
          e.put("aumStart", 6_000_000.0);
          e.put("aumEnd", 0.0);
          e.put("resets", 1);
          e.put("terminatedAt", "2026-03-10T19:50:00Z");
        });
    String html = Files.readString(HtmlReport.write(run));
    String sec = html.substring(html.indexOf("id=\"volatility\""));
    sec = sec.substring(0, sec.indexOf("</section>"));
    assertThat(sec)
        .contains("VX1", "+2.30", "28.60", "etp-inverse-0", "-1.0x", "$6,000,000")
        .contains("2026-03-10T19:50:00Z");
  }

  @Test
  void theIndexSectorSplitAndTheLevelsTableAreShownWhenTheSummaryHasThem() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5);
    assertThat(Files.readString(HtmlReport.write(run))).doesNotContain("id=\"index-levels\"");
    editSummary(
        run,
        s -> {
          ObjectNode ep = s.putObject("episode");
          ep.put("source", "x");
          ep.putArray("observed");
          ObjectNode ix = ep.putObject("index");
          ix.put("symbol", "S1");
          ix.put("basketChangePct", -2.5);
          ix.putObject("sectorSharePct").put("tech", 62.4).put("energy", 37.6);
          ix.put("advancers", 3);
          ix.put("decliners", 17);
          ix.put("unchanged", 1);
          ArrayNode lv = s.putArray("levels");
          lv.addObject()
              .put("symbol", "S2")
              .put("name", "200-day MA")
              .put("price", 1095.0)
              .put("breached", true)
              .put("direction", "below")
              .put("at", "2025-11-18T15:02:00Z");
          lv.addObject()
              .put("symbol", "S2")
              .put("name", "round 90")
              .put("price", 90.0)
              .put("breached", false);
        });

    String html = Files.readString(HtmlReport.write(run));

    String sec = html.substring(html.indexOf("id=\"index-levels\""));
    sec = sec.substring(0, sec.indexOf("</section>"));
    assertThat(sec)
        .containsSubsequence(
            "Index and levels",
            "Index S1",
            "Constituents</span><span class=\"v\">-2.50%",
            "Down</span><span class=\"v\">17",
            "Share of the loss",
            "<td class=\"sym\">tech</td><td class=\"num\">62</td>",
            "<td class=\"sym\">energy</td><td class=\"num\">38</td>",
            "Levels: 1 of 2 broken",
            "<td class=\"sym\">S2</td><td class=\"left\">200-day MA</td><td"
                + " class=\"num\">1,095.00</td><td class=\"left\">broken below</td><td"
                + " class=\"num\">2025-11-18 15:02:00</td>",
            "<td class=\"left\">round 90</td><td class=\"num\">90.00</td><td"
                + " class=\"left\">held</td>");

    editSummary(
        run,
        s -> {
          ((ObjectNode) s.get("episode").get("index")).put("basketChangePct", 0.1);
          s.remove("levels");
        });
    sec = Files.readString(HtmlReport.write(run));
    sec = sec.substring(sec.indexOf("id=\"index-levels\""));
    sec = sec.substring(0, sec.indexOf("</section>"));
    assertThat(sec)
        .contains("Too small a move to split by sector")
        .doesNotContain("Levels", "tech");
  }

  @Test
  void theHeadlineSetsTheEpisodeAssetsBesideTheSourceFigures() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5);
    editSummary(
        run,
        s -> {
          ((ObjectNode) s.get("instruments").get(1)).put("changePct", -14.23);
          ObjectNode ep = s.putObject("episode");
          ep.put("source", "commentary 000, Table 1");
          ObjectNode o = ep.putArray("observed").addObject();
          o.put("symbol", "S2");
          o.put("price", 108.82);
          o.put("observedPrice", 114.2);
          o.put("changePct", -14.23);
          o.put("observedChangePct", -9.2);
          o.put("relativeVolume", 1.02);
          o.put("observedRelativeVolume", 2.4);
          ObjectNode lv = s.putArray("levels").addObject();
          lv.put("symbol", "S2");
          lv.put("name", "200-day MA");
          lv.put("price", 95.0);
          lv.put("breached", true);
          lv.put("direction", "below");
          lv.put("at", "2025-11-18T15:02:00Z");
        });

    String h = headline(Files.readString(HtmlReport.write(run)));

    assertThat(h)
        .contains(
            "synthetic, 2025-11-18 14:30:00 → 16:54:00 UTC: S2 moved most, −14.23% (source"
                + " −9.20%); 1 halt.",
            "S2 change</span><span class=\"v down\">−14.23%</span><span class=\"src\">source"
                + " −9.20% · rel. volume 1.02× (source 2.40×)</span>",
            "Levels broken</span><span class=\"v\">1 of 1</span>",
            "S2 200-day MA 95.00 at 2025-11-18 15:02",
            "Halts</span><span class=\"v\">1</span>");
  }

  @Test
  void withoutAnEpisodeTheHeadlineHasNoSourceFiguresAndNoEmptyCards() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5);

    String h = headline(Files.readString(HtmlReport.write(run)));

    assertThat(h).contains("synthetic, 2025-11-18 14:30:00 → 16:54:00 UTC: S");
    assertThat(h)
        .doesNotContain(
            "source", "rel. volume", "Liquidated", "Margin calls", "gamma flip", "Levels broken");
    assertThat(h).doesNotContain("<span class=\"v\"></span>", "<span class=\"src\"></span>");
  }

  @Test
  void theScenarioShocksAreMarkedOnEveryPriceChart() throws Exception {
    Path run = SyntheticMechanisms.add(SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5));

    JsonNode charts = charts(Files.readString(HtmlReport.write(run)));

    for (JsonNode c : charts) {
      if (c.get("id").asText().startsWith("price-")) {
        assertThat(c.get("shocks")).as(c.get("id").asText()).hasSize(1);
        assertThat(c.get("shocks").get(0).get("at").asDouble()).isEqualTo(600.0);
        assertThat(c.get("shocks").get(0).get("label").asText()).isEqualTo("miss");
      }
    }
    // Without causes.csv there is nothing to mark.
    Files.delete(run.resolve("causes.csv"));
    Files.delete(run.resolve("trades.csv"));
    assertThat(charts(Files.readString(HtmlReport.write(run))).get(0).get("shocks")).isEmpty();
  }

  @Test
  void aSectionWhoseFileIsMissingIsLeftOut() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5);
    Files.delete(run.resolve("depth.csv"));
    Files.delete(run.resolve("scenario.yaml"));
    Files.delete(run.resolve("halts.csv"));

    String html = Files.readString(HtmlReport.write(run));

    assertThat(html).contains("id=\"summary\"", "id=\"prices\"");
    assertThat(html).doesNotContain("id=\"liquidity\"", "id=\"scenario\"", "id=\"halts\"");
    assertThat(charts(html).findValuesAsText("id")).noneMatch(id -> id.startsWith("liquidity"));
  }

  @Test
  void aFiveDayTwelveInstrumentRunIsDownsampledWhenWritten() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 12, 5, 60);

    Path report = HtmlReport.write(run);

    JsonNode charts = charts(Files.readString(report));
    assertThat(charts).hasSize(1 + 12 + 12);
    for (JsonNode t : charts.findValues("t")) {
      assertThat(t.size()).isBetween(1000, Downsampling.MAX_POINTS);
    }
    assertThat(Files.size(report)).isLessThan(8L << 20);
    // Five days: every time chart collapses closed hours onto a category axis of trading minutes.
    for (JsonNode c : charts) {
      assertThat(c.get("collapse").asBoolean()).as(c.get("id").asText()).isTrue();
    }
  }

  @Test
  void aOneDayRunKeepsItsTimeAxis() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 2, 0.25, 5);
    for (JsonNode c : charts(Files.readString(HtmlReport.write(run)))) {
      assertThat(c.get("collapse").asBoolean()).as(c.get("id").asText()).isFalse();
    }
  }

  @Test
  void theFooterNamesTheRunDirectoryTheVersionAndTheScenarioButNoTemporaryDirectory()
      throws Exception {
    Path run = SyntheticRun.write(dir.resolve(".tmp-calm-123-456"), 1, 0.05, 5);

    String html = Files.readString(HtmlReport.write(run, "calm"));

    String footer = html.substring(html.indexOf("<footer>"), html.indexOf("</footer>"));
    assertThat(footer)
        .contains(
            "Written by Cascade " + HtmlReport.cascadeVersion(),
            "run directory <code>calm</code>",
            "of scenario <code>synthetic</code>")
        .doesNotContain(".tmp-", "/tmp", dir.toString());
    assertThat(HtmlReport.cascadeVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(html).doesNotContain(".tmp-calm", dir.toString());
  }

  @Test
  void theSameRunDirectoryGivesTheSameReportByteForByte() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 2, 0.1, 5);
    byte[] first = Files.readAllBytes(HtmlReport.write(run));
    byte[] second = Files.readAllBytes(HtmlReport.write(run));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void theReportReplacesAnOldOneAndLeavesNoTemporaryFile() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 1, 0.05, 5);
    Files.writeString(run.resolve("report.html"), "old");

    HtmlReport.write(run);

    assertThat(Files.readString(run.resolve("report.html"))).startsWith("<!DOCTYPE html>");
    try (Stream<Path> files = Files.list(run)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".report-"));
    }
  }

  @Test
  void aDirectoryWithoutSummaryIsALocatedMessage() {
    Path empty = dir.resolve("empty");
    assertThatThrownBy(() -> HtmlReport.write(dir.resolve("nowhere")))
        .isInstanceOf(RunDataException.class)
        .hasMessageContaining("not a directory");
    assertThatThrownBy(
            () -> {
              Files.createDirectories(empty);
              HtmlReport.write(empty);
            })
        .isInstanceOf(RunDataException.class)
        .hasMessage(
            empty
                + ": not a directory of cascade run, sweep or attribute (it holds no summary.json,"
                + " sweep.json or attribution.json)");
  }

  @Test
  void aMalformedSummaryOrBarIsLocatedByLine() throws Exception {
    Path run = SyntheticRun.write(dir.resolve("run"), 1, 0.05, 5);
    List<String> bars = Files.readAllLines(run.resolve("bars-1m.csv"));
    bars.set(3, bars.get(3).replaceFirst(",S1,", ",S1,1.0,"));
    Files.write(run.resolve("bars-1m.csv"), bars);
    assertThatThrownBy(() -> HtmlReport.write(run))
        .hasMessageStartingWith(run.resolve("bars-1m.csv") + ":4: expected 8 fields");

    Files.writeString(run.resolve("summary.json"), "{\n  \"scenario\": \"x\",\n  oops\n}");
    assertThatThrownBy(() -> HtmlReport.write(run))
        .isInstanceOf(RunDataException.class)
        .hasMessageStartingWith(run.resolve("summary.json") + ":3: not valid JSON");
    assertThat(run.resolve("report.html")).doesNotExist();
  }
}
