package dev.cascade.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;

/**
 * Writes {@code report.html} into a run directory: one self-contained file, with the ECharts
 * library (from its webjar on the classpath) and every series inlined, that opens with no network.
 * The file is written beside its final name and renamed into place, so a report is never seen half
 * written.
 */
public final class HtmlReport {
  /** The report's file name inside the run directory. */
  public static final String FILE = "report.html";

  private static final String ECHARTS_POM = "META-INF/maven/org.webjars/echarts/pom.properties";

  /*
   * The sections, in page order; each is drawn only when the file (or summary.json section) it
   * reads exists:
   *   HeadlineSection   summary.json, attribution.json   the first screen: one sentence and
   *                     the headline figures beside the source's
   *   SummarySection    summary.json        metadata and the summary table
   *   IndexLevelsSection summary.json#episode.index, #levels   the index's sector split and
   *                     breadth, the watched levels and which broke
   *   SweepSection      sweep.json, sweep-paths.csv   cascade sweep: tail statistics with
   *                     their intervals, histograms of change and max drawdown over paths
   *   PriceSection      bars-1m.csv         prices normalised and absolute, volume per minute
   *                     halts.csv           (halt shading, when present)
   *                     summary.json        (levels: gamma flip, optional levels array)
   *   LiquiditySection  depth.csv           quoted spread and depth per instrument
   *   FlowSection       trades.csv          aggressive notional by cause kind over time
   *   MarginSection     summary.json#margin, #liquidations, trades.csv
   *   DealerSection     summary.json#dealers, gex.csv, vix.csv
   *   VolatilitySection summary.json#volatility   VIX-style futures and daily-reset funds
   *   ChainSection      causes.csv, trades.csv   cause chains as a Sankey diagram
   *   AttributionSection attribution.json   the waterfall of cascade attribute
   *   HaltSection       halts.csv           the halts table
   *   ScenarioSection   scenario.yaml       the scenario file, verbatim
   * A later mechanism plugs in the same way, reading what its issue adds to the run directory.
   * docs/report.md keeps the list.
   */
  private static final List<ReportSection> SECTIONS =
      List.of(
          new HeadlineSection(),
          new SummarySection(),
          new IndexLevelsSection(),
          new SweepSection(),
          new PriceSection(),
          new LiquiditySection(),
          new FlowSection(),
          new MarginSection(),
          new PositionsSection(),
          new DealerSection(),
          new VolatilitySection(),
          new ChainSection(),
          new AttributionSection(),
          new HaltSection(),
          new ScenarioSection());

  private HtmlReport() {}

  /**
   * Reads the run directory {@code runDir} and writes {@code runDir/report.html} atomically.
   *
   * @return the report's path
   * @throws RunDataException when the run directory is missing or malformed: a located message
   * @throws IOException when the report cannot be written
   */
  public static Path write(Path runDir) throws RunDataException, IOException {
    return write(runDir, String.valueOf(runDir.toAbsolutePath().normalize().getFileName()));
  }

  /**
   * As {@link #write(Path)}, for a run directory still being written under a temporary name: the
   * report names {@code runName}, the directory's final name, and never the temporary one.
   */
  public static Path write(Path runDir, String runName) throws RunDataException, IOException {
    RunData run = RunData.read(runDir);
    String html = render(run, runName);
    Path target = runDir.resolve(FILE);
    Path temp = Files.createTempFile(runDir, ".report-", ".html.tmp");
    try {
      Files.writeString(temp, html, StandardCharsets.UTF_8);
      readableByAll(temp);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /** A temporary file is private to its owner; the report is as readable as the run's CSVs. */
  private static void readableByAll(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** The report of {@code run}, whose directory is named {@code runName}, as one HTML document. */
  static String render(RunData run, String runName) {
    ReportPage page = new ReportPage(run.startMillis);
    for (ReportSection s : SECTIONS) {
      if (s.presentIn(run)) {
        s.write(run, page);
      }
    }
    boolean sweep = run.sweep.isPresent();
    boolean attribution = run.summary == null && !sweep;
    Attribution a = attribution ? run.attribution.orElseThrow() : null;
    SweepResult w = sweep ? run.sweep.orElseThrow() : null;
    String scenario = sweep ? w.scenario() : attribution ? a.scenario() : run.summary.scenario();
    String title =
        sweep
            ? "Cascade sweep: " + scenario + ", " + w.paths() + " paths"
            : attribution
                ? "Cascade attribution: " + scenario
                : "Cascade report: " + scenario + ", seed " + run.summary.seed();
    String brand =
        sweep ? "Cascade · sweep" : attribution ? "Cascade · attribution" : "Cascade · run report";
    String seedText =
        sweep
            ? seeds(
                w.paths() == 1
                    ? List.of(w.firstSeed())
                    : List.of(w.firstSeed(), w.firstSeed() + w.paths() - 1),
                w.paths())
            : attribution ? seeds(a.seeds(), a.seeds().size()) : "seed " + run.summary.seed();
    String sub =
        sweep
            ? w.assets().size()
                + (w.assets().size() == 1 ? " asset" : " assets")
                + " · the distribution of each over "
                + w.paths()
                + (w.paths() == 1 ? " path" : " paths")
            : attribution
                ? a.assets().size()
                    + (a.assets().size() == 1 ? " asset" : " assets")
                    + " · each mechanism's paired contribution over the same seeds"
                : run.summary.instruments().size()
                    + " instruments · simulated "
                    + SummarySection.window(
                        run.summary.simulatedStart(), run.summary.simulatedEnd())
                    + " · all times UTC";
    String echartsVersion = echartsVersion();
    StringBuilder h = new StringBuilder(1 << 21);
    h.append("<!DOCTYPE html>\n<html lang=\"en\" data-charts-ready=\"false\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"cascade report\">\n")
        .append("<title>")
        .append(ReportPage.escape(title))
        .append("</title>\n<script>")
        .append(ReportPage.scriptSafe(resource("errors.js")))
        .append("</script>\n<style>\n")
        .append(resource("report.css"))
        .append("</style>\n</head>\n<body>\n<header class=\"top\">\n<div class=\"brand\">")
        .append(brand)
        .append("</div>\n<h1>")
        .append(ReportPage.escape(scenario))
        .append(" <span class=\"seed\">")
        .append(ReportPage.escape(seedText))
        .append("</span></h1>\n<p class=\"sub\">")
        .append(ReportPage.escape(sub))
        .append("</p>\n<nav>");
    h.append(navLinks(page.body()))
        .append("</nav>\n</header>\n<main>\n")
        .append(page.body())
        .append("</main>\n<footer>Written by Cascade ")
        .append(ReportPage.escape(cascadeVersion()))
        .append(" (<code>cascade report</code>) from run directory <code>")
        .append(ReportPage.escape(runName))
        .append("</code> of scenario <code>")
        .append(ReportPage.escape(scenario))
        .append("</code>. Charts: Apache ECharts ")
        .append(ReportPage.escape(echartsVersion))
        .append(" (Apache License 2.0), inlined; the file needs no network.</footer>\n")
        .append("<script type=\"application/json\" id=\"cascade-charts\">")
        .append(chartsJson(page))
        .append("</script>\n<script>window.__t0 = ")
        .append(run.startMillis)
        .append(";</script>\n<script>")
        .append(ReportPage.scriptSafe(echarts(echartsVersion)))
        .append("</script>\n<script>")
        .append(ReportPage.scriptSafe(resource("report.js")))
        .append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  /** {@code count} seeds from the first to the last of {@code seeds}. */
  private static String seeds(List<Long> seeds, int count) {
    if (seeds.isEmpty()) {
      return "no seeds";
    }
    return count == 1
        ? "seed " + seeds.get(0)
        : count + " seeds, " + seeds.get(0) + "–" + seeds.get(seeds.size() - 1);
  }

  /** Links to the sections on the page, from their ids and headings. */
  private static String navLinks(String body) {
    StringBuilder b = new StringBuilder();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<section class=\"section\" id=\"([^\"]+)\">\\n<h2>([^<]+)</h2>")
            .matcher(body);
    while (m.find()) {
      b.append("<a href=\"#").append(m.group(1)).append("\">").append(m.group(2)).append("</a>");
    }
    return b.toString();
  }

  private static String chartsJson(ReportPage page) {
    try {
      return page.chartsJson(new ObjectMapper());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version of Cascade that writes the report, from version.properties (set by the build). */
  public static String cascadeVersion() {
    try (InputStream in =
        HtmlReport.class.getResourceAsStream("/dev/cascade/report/version.properties")) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: version.properties");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String echartsVersion() {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(ECHARTS_POM)) {
      if (in == null) {
        throw new IllegalStateException("ECharts webjar not on the classpath: " + ECHARTS_POM);
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String echarts(String version) {
    return classpath("META-INF/resources/webjars/echarts/" + version + "/echarts.min.js");
  }

  private static String resource(String name) {
    return classpath("dev/cascade/report/" + name);
  }

  private static String classpath(String path) {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
