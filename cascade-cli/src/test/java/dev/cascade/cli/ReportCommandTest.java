package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
  static final Path CALM_DAY = Path.of("..", "scenarios", "calm-day.yaml");

  @TempDir Path dir;

  /** Runs {@code cascade args...} in process; returns exit code, stdout and stderr. */
  static String[] cascade(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  @Tag("slow")
  void runWithReportWritesTheReportAndTheScenarioIntoTheRunDirectory() throws Exception {
    Path run = dir.resolve("calm");
    String[] r =
        cascade(
            "run",
            CALM_DAY.toString(),
            "--seed",
            "7",
            "--no-progress",
            "--report",
            "--out",
            run.toString());

    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("report: " + run.toAbsolutePath().resolve("report.html"));
    assertThat(Files.readString(run.resolve("scenario.yaml")))
        .isEqualTo(Files.readString(CALM_DAY));
    String html = Files.readString(run.resolve("report.html"));
    assertThat(html).contains("calm-day", "id=\"prices\"", "id=\"liquidity\"", "id=\"scenario\"");
    // Written inside a temporary directory, the report names only the run directory's own name.
    assertThat(html.substring(html.indexOf("<footer>"), html.indexOf("</footer>")))
        .contains("run directory <code>calm</code>", "of scenario <code>calm-day</code>")
        .doesNotContain(".tmp-", "/tmp", dir.toString());
    // A calm day has no episode: a headline, with no source figures.
    String headline = html.substring(html.indexOf("id=\"headline\""), html.indexOf("</section>"));
    assertThat(headline).contains("calm-day, 2025-11-18").doesNotContain("source");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("calm");
    }
  }

  @Test
  void reportOfANonRunIsALocatedMessageAndExitTwo() throws Exception {
    Path nowhere = dir.resolve("nowhere");
    String[] r = cascade("report", nowhere.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2])
        .isEqualTo(
            "cascade report: "
                + nowhere
                + ": not a directory (expected a run directory written by cascade run)"
                + System.lineSeparator());

    Files.createDirectories(dir.resolve("run"));
    Files.writeString(dir.resolve("run/summary.json"), "[1, 2");
    r = cascade("report", dir.resolve("run").toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).startsWith("cascade report: " + dir.resolve("run/summary.json") + ":1: ");
    assertThat(r[2]).doesNotContain("Exception", "\tat ");
  }

  @Test
  void reportOfAMalformedCsvNamesFileAndLine() throws Exception {
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(
        run.resolve("summary.json"),
        "{\"scenario\": \"s\", \"simulatedStart\": \"2025-11-18T14:30:00Z\","
            + " \"simulatedEnd\": \"2025-11-18T21:00:00Z\", \"instruments\": []}");
    Files.writeString(
        run.resolve("depth.csv"),
        "time,symbol,spreadBps,bidDepthLots,askDepthLots\n2025-11-18T14:30:05Z,SPY,wide,1,2\n");

    String[] r = cascade("report", run.toString());

    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2])
        .isEqualTo(
            "cascade report: "
                + run.resolve("depth.csv")
                + ":2: column spreadBps: 'wide' is not a finite number"
                + System.lineSeparator());
    assertThat(run.resolve("report.html")).doesNotExist();
  }

  @Test
  void reportOfASweepDirectoryWritesTheDistributionsAndOfAnyOtherDirectoryIsOneLine()
      throws Exception {
    Path sweep = dir.resolve("sweep");
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    String[] r =
        cascade("sweep", scenario, "--seeds", "2", "--threads", "1", "--out", sweep.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");

    r = cascade("report", sweep.toString());

    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("report: " + sweep.resolve("report.html"));
    String html = Files.readString(sweep.resolve("report.html"));
    assertThat(html)
        .contains("Cascade · sweep", "id=\"sweep\"", "2 seeds, 1–2", "Warning: 2 paths");
    assertThat(html).contains("\"kind\":\"histogram\"");
    // The report is a file Cascade added to its own directory: a second report needs --force.
    r = cascade("report", sweep.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("report.html exists, written by Cascade; --force replaces it");
    assertThat(cascade("report", sweep.toString(), "--force")[0]).isEqualTo("0");

    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "hello\n");
    r = cascade("report", other.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2])
        .isEqualTo(
            "cascade report: "
                + other
                + ": not a directory of cascade run, sweep or attribute (it holds no summary.json,"
                + " sweep.json or attribution.json)"
                + System.lineSeparator());
  }
}
