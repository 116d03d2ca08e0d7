package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report of a short run in headless Chromium (Debian's {@code chromium}), checks that
 * every chart drew data and that the page logged no error, and saves the first screen as {@code
 * target/report-screenshot.png}. Fails, never skips, when Chromium is missing: install it with
 * {@code apt-get install -y chromium chromium-driver} ({@code .ci/run} does).
 */
@Tag("browser")
@Tag("slow")
class ReportBrowserTest {
  static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");

  @TempDir Path dir;

  @Test
  void theReportOfACalmDayDrawsEveryChartWithNoConsoleError() throws Exception {
    chromiumBinary(); // fail before the run when there is no browser
    Path run = dir.resolve("calm");
    String[] r =
        ReportCommandTest.cascade(
            "run",
            ReportCommandTest.CALM_DAY.toString(),
            "--no-progress",
            "--report",
            "--out",
            run.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    Path report = run.resolve("report.html").toAbsolutePath();
    String html = Files.readString(report, StandardCharsets.UTF_8);
    List<String> chartIds = new ArrayList<>();
    charts(html).forEach(c -> chartIds.add(c.get("id").asText()));
    assertThat(chartIds).hasSize(1 + 3 + 3 + 1).contains("selling-by-mechanism");

    drawsEveryChart(report, chartIds, "calm");

    Files.createDirectories(SCREENSHOT.getParent());
    Files.deleteIfExists(SCREENSHOT);
    chromium(
        dir.resolve("profile-shot"),
        dir.resolve("shot.out"),
        dir.resolve("shot.log"),
        "--window-size=1440,900",
        "--hide-scrollbars",
        "--screenshot=" + SCREENSHOT.toAbsolutePath(),
        report.toUri().toString());
    assertThat(SCREENSHOT).exists();
    assertThat(Files.size(SCREENSHOT)).as("a screenshot with content").isGreaterThan(20_000);
  }

  @Test
  void theReportsOfTheDealerLeverageAttributionAndSweepDemosDrawEveryChart() throws Exception {
    chromiumBinary();
    Path gamma = dir.resolve("gamma");
    Path lev = dir.resolve("lev");
    Path attr = dir.resolve("attr");
    Path sweep = dir.resolve("sweep");
    String shocked = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    String[][] runs = {
      {
        "run",
        "../scenarios/gamma-flip-demo.yaml",
        "--no-progress",
        "--report",
        "--out",
        gamma.toString()
      },
      {
        "run",
        "../scenarios/leverage-demo.yaml",
        "--no-progress",
        "--report",
        "--out",
        lev.toString()
      },
      {
        "attribute",
        "../scenarios/gamma-flip-demo.yaml",
        "--seeds",
        "1",
        "--threads",
        "2",
        "--out",
        attr.toString()
      },
      {"report", attr.toString()},
      {"sweep", shocked, "--seeds", "2", "--threads", "2", "--out", sweep.toString()},
      {"report", sweep.toString()}
    };
    for (String[] args : runs) {
      String[] r = ReportCommandTest.cascade(args);
      assertThat(r[0]).as(String.join(" ", args) + ": " + r[2]).isIn("0", "1");
    }
    assertThat(gamma.resolve("gex.parquet")).exists();
    assertThat(gamma.resolve("vix.parquet")).exists();
    Map<Path, List<String>> expected =
        Map.of(
            gamma,
            List.of("selling-by-mechanism", "gex-SPY", "vix-SPY", "cause-chains"),
            lev,
            List.of(
                "selling-by-mechanism",
                "liquidations-over-time",
                "positions-exposure",
                "cause-chains"),
            attr,
            List.of("attribution-SPY"),
            sweep,
            List.of("sweep-change-SPY", "sweep-drawdown-SPY", "sweep-change-BTC"));
    for (Path run : List.of(gamma, lev, attr, sweep)) {
      Path report = run.resolve("report.html").toAbsolutePath();
      String html = Files.readString(report, StandardCharsets.UTF_8);
      List<String> chartIds = new ArrayList<>();
      charts(html).forEach(c -> chartIds.add(c.get("id").asText()));
      assertThat(chartIds).containsAll(expected.get(run));
      if (run.equals(gamma)) {
        assertThat(charts(html).findValuesAsText("name")).contains("gamma flip (start)");
      }
      if (run.equals(lev)) {
        // The forced-flow books: the long/short funds' group line.
        assertThat(charts(html).findValuesAsText("name")).contains("fund");
      }
      drawsEveryChart(report, chartIds, run.getFileName().toString());
      Path shot = Path.of("target", "report-" + run.getFileName() + ".png");
      Files.deleteIfExists(shot);
      chromium(
          dir.resolve("profile-shot-" + run.getFileName()),
          dir.resolve("shot.out"),
          dir.resolve("shot.log"),
          "--window-size=1440,900",
          "--hide-scrollbars",
          "--screenshot=" + shot.toAbsolutePath(),
          report.toUri().toString());
      assertThat(shot).exists();
    }
  }

  /**
   * Opens the report in Chromium and checks that every chart rendered and drew data (time series at
   * least 100 points, other charts at least one bar, link or point) and that the console shows no
   * error.
   */
  private void drawsEveryChart(Path report, List<String> chartIds, String name) throws Exception {
    JsonNode specs = charts(Files.readString(report, StandardCharsets.UTF_8));
    Path dom = dir.resolve("dom-" + name + ".html");
    Path log = dir.resolve("chromium-" + name + ".log");
    chromium(dir.resolve("profile-dom-" + name), dom, log, "--dump-dom", report.toUri().toString());
    String page = Files.readString(dom, StandardCharsets.UTF_8);
    String htmlTag =
        page.substring(page.indexOf("<html"), page.indexOf('>', page.indexOf("<html")));

    assertThat(attribute(htmlTag, "data-charts-ready"))
        .as("every chart rendered (data-charts-ready)")
        .isEqualTo("true");
    assertThat(attribute(htmlTag, "data-console-errors")).as("console errors").isEqualTo("[]");
    JsonNode points = new ObjectMapper().readTree(attribute(htmlTag, "data-chart-points"));
    for (JsonNode spec : specs) {
      String id = spec.get("id").asText();
      boolean timeSeries =
          List.of("lines", "priceVolume", "liquidity", "flow").contains(spec.get("kind").asText())
              && !id.startsWith("vix-")
              // Positions are sampled every five minutes: a day is under a hundred points.
              && !id.startsWith("positions-");
      assertThat(points.path(id).asInt())
          .as("points drawn in chart " + id + " of " + report)
          .isGreaterThan(timeSeries ? 100 : 0);
    }
    assertThat(specs).hasSize(chartIds.size());
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.contains(":CONSOLE")) {
        assertThat(line).as("browser console").doesNotContain("Uncaught", "Error");
      }
    }
  }

  private static JsonNode charts(String html) throws Exception {
    String open = "<script type=\"application/json\" id=\"cascade-charts\">";
    int a = html.indexOf(open) + open.length();
    return new ObjectMapper().readTree(html.substring(a, html.indexOf("</script>", a)));
  }

  private static String attribute(String tag, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(tag);
    if (!m.find()) {
      fail("<html> has no " + name + " attribute: " + tag);
    }
    return m.group(1).replace("&quot;", "\"").replace("&amp;", "&");
  }

  /** Runs headless Chromium with a fresh profile, offline, and waits for it (2 minutes at most). */
  private static void chromium(Path profile, Path stdout, Path stderr, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(chromiumBinary());
    cmd.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=15000",
            "--user-data-dir=" + profile.toAbsolutePath()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s: " + String.join(" ", cmd));
    }
    assertThat(p.exitValue()).as("chromium exit code; log in " + stderr).isZero();
  }

  private static String chromiumBinary() {
    String env = System.getenv("CASCADE_CHROMIUM");
    if (env != null && !env.isBlank()) {
      if (!Files.isExecutable(Path.of(env))) {
        fail("CASCADE_CHROMIUM names no executable: " + env);
      }
      return env;
    }
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path c = Path.of(d, name);
        if (Files.isExecutable(c)) {
          return c.toString();
        }
      }
    }
    return fail(
        "chromium not found on PATH (or CASCADE_CHROMIUM): install it with"
            + " apt-get install -y chromium chromium-driver; .ci/run does");
  }
}
