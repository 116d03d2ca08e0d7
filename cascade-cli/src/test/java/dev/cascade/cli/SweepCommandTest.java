package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
  @TempDir Path tmp;

  @Test
  void aSweepReportsEachAssetsDistributionAndIsReproducible() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    Cli.Result a =
        Cli.run(
            "sweep",
            scenario,
            "--seeds",
            "4",
            "--threads",
            "2",
            "--out",
            tmp.resolve("a").toString());
    Cli.Result b =
        Cli.run(
            "sweep",
            scenario,
            "--seeds",
            "4",
            "--threads",
            "1",
            "--json",
            "--out",
            tmp.resolve("b").toString());
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(a.out()).contains("4 paths (seeds 1..4)", "SPY", "ES 5%");
    // The per-path rows as typed Parquet too, with the scenario's name on every row.
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = db.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '"
                    + tmp.resolve("a/sweep-paths.parquet")
                    + "')")) {
      java.util.List<String> cols = new java.util.ArrayList<>();
      while (rs.next()) {
        cols.add(rs.getString(1) + " " + rs.getString(2));
      }
      assertThat(cols)
          .containsExactly(
              "scenario VARCHAR",
              "seed BIGINT",
              "symbol VARCHAR",
              "changePct DOUBLE",
              "maxDrawdownPct DOUBLE");
    }
    long csvRows = Files.readAllLines(tmp.resolve("a/sweep-paths.csv")).size() - 1;
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = db.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT count(*), min(seed), max(seed) FROM '"
                    + tmp.resolve("a/sweep-paths.parquet")
                    + "'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(csvRows);
      assertThat(rs.getLong(2)).isEqualTo(1);
      assertThat(rs.getLong(3)).isEqualTo(4);
    }
    // --json prints sweep.json itself instead of the table.
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(b.out()))
        .isEqualTo(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("b/sweep.json").toFile()));
    assertThat(Files.readString(tmp.resolve("a/sweep-paths.csv")))
        .isEqualTo(Files.readString(tmp.resolve("b/sweep-paths.csv")));
    JsonNode s = new ObjectMapper().readTree(tmp.resolve("a/sweep.json").toFile());
    JsonNode spy = s.get("assets").get(0);
    assertThat(spy.get("symbol").asText()).isEqualTo("SPY");
    assertThat(spy.get("changeWorst").asDouble())
        .isLessThanOrEqualTo(spy.get("changeP5").asDouble());
    assertThat(spy.get("changeP5").asDouble()).isLessThanOrEqualTo(spy.get("changeP50").asDouble());
    assertThat(spy.get("changeEs5").asDouble()).isEqualTo(spy.get("changeWorst").asDouble());
    assertThat(Files.readAllLines(tmp.resolve("a/sweep-paths.csv"))).hasSize(1 + 4 * 2);
  }

  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    double[] v = {1, 2, 3, 4, 5};
    assertThat(SampleStats.quantile(v, 0.5)).isEqualTo(3);
    assertThat(SampleStats.quantile(v, 0.25)).isEqualTo(2);
    assertThat(SampleStats.quantile(v, 0.1))
        .isEqualTo(1.4, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aSweepPathsTapeHashIsTheTapeHashOfCascadeRunWithItsSeed() throws Exception {
    Path file = Path.of(getClass().getResource("/shocked.yaml").toURI());
    Cli.Result run =
        Cli.run(
            "run",
            file.toString(),
            "--seed",
            "2",
            "--no-progress",
            "--out",
            tmp.resolve("r").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    PathOutcome o =
        PathBatch.of(
                Files.readString(file),
                "shocked.yaml",
                java.util.List.of(new PathOutcome.Job(2, java.util.Set.of())))
            .run(0);
    assertThat(run.out()).contains("tape-hash: " + o.tapeHash());
  }

  @Test
  void sparkWithoutTheSparkModuleIsAOneLineErrorSayingHowToGetIt() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    Cli.Result r =
        Cli.run("sweep", scenario, "--spark", "local[2]", "--out", tmp.resolve("s").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "cascade sweep: --spark needs Cascade's Spark module (cascade-spark) and Spark on the"
                + " classpath: run through ./cascade, which adds them when --spark is given"
                + System.lineSeparator());
    Cli.Result both =
        Cli.run("attribute", scenario, "--spark", "local[2]", "--threads", "2", "--out", "x");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err())
        .startsWith("cascade attribute: --threads and --spark do not go together");
    assertThat(tmp.resolve("s")).doesNotExist();
  }

  @Test
  void badCountsAreClearErrors() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    Cli.Result r = Cli.run("sweep", scenario, "--seeds", "0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--seeds").doesNotContain("\tat ");
  }

  @Test
  void seedsThatWouldRunPastTheLargestLongAreRefused() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    String max = Long.toString(Long.MAX_VALUE);
    Cli.Result sweep = Cli.run("sweep", scenario, "--first-seed", max, "--seeds", "2");
    assertThat(sweep.exit()).isEqualTo(2);
    assertThat(sweep.err())
        .isEqualTo(
            "cascade sweep: --first-seed 9223372036854775807 with --seeds 2 runs past the largest"
                + " seed, 9223372036854775807: the first seed can be at most 9223372036854775806"
                + System.lineSeparator());
    Cli.Result attribute = Cli.run("attribute", scenario, "--first-seed", max, "--seeds", "3");
    assertThat(attribute.exit()).isEqualTo(2);
    assertThat(attribute.err())
        .startsWith("cascade attribute: --first-seed 9223372036854775807 with --seeds 3 runs past")
        .contains("at most 9223372036854775805");
  }

  @Test
  void theLargestAndNegativeSeedsAreValidAsForRun() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    Path out = tmp.resolve("edge");
    Cli.Result r =
        Cli.run(
            "sweep",
            scenario,
            "--first-seed",
            Long.toString(Long.MAX_VALUE - 1),
            "--seeds",
            "2",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("sweep-paths.csv")))
        .contains("\n9223372036854775806,SPY,", "\n9223372036854775807,SPY,")
        .doesNotContain("\n-");
    assertThat(SeedRange.check("--first-seed", -5, "--seeds", 3)).isNull();
  }

  @Test
  void aSeedRangeIsTheSameSeedsAsACountAndTheOldPathsFlagStillWorks() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    Path range = tmp.resolve("range");
    Path count = tmp.resolve("count");
    Path old = tmp.resolve("old");
    Cli.Result a = Cli.run("sweep", scenario, "--seeds", "3-4", "--out", range.toString());
    Cli.Result b =
        Cli.run("sweep", scenario, "--seeds", "2", "--first-seed", "3", "--out", count.toString());
    Cli.Result c =
        Cli.run("sweep", scenario, "--paths", "2", "--first-seed", "3", "--out", old.toString());
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(a.out()).contains("2 paths (seeds 3..4)");
    assertThat(Files.readString(range.resolve("sweep-paths.csv")))
        .isEqualTo(Files.readString(count.resolve("sweep-paths.csv")))
        .isEqualTo(Files.readString(old.resolve("sweep-paths.csv")));
    assertThat(c.err()).contains("cascade sweep: --paths is now --seeds");
    assertThat(Cli.run("sweep", "--help").out()).contains("--seeds").doesNotContain("--paths");
    Cli.Result backwards = Cli.run("attribute", scenario, "--seeds", "4-3");
    assertThat(backwards.exit()).isEqualTo(2);
    assertThat(backwards.err())
        .isEqualTo(
            "cascade attribute: --seeds 4-3: the range ends before it starts"
                + System.lineSeparator());
  }

  @Test
  void aBreachIsCountedOverThePathsWithItsInterval() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    Cli.Result r =
        Cli.run(
            "sweep",
            scenario,
            "--seeds",
            "3",
            "--breach",
            "SPY change <= -3%",
            "--out",
            tmp.resolve("br").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    // the file's -4% value shock takes SPY through -3% on every path
    assertThat(r.out())
        .contains("breach \"SPY change <= -3%\": 3 of 3 paths, probability 1.00 [0.44, 1.00]")
        .contains("seeds 1, 2, 3");
    com.fasterxml.jackson.databind.JsonNode b =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(tmp.resolve("br").resolve("sweep.json").toFile())
            .get("breach");
    assertThat(b.get("breaches").asInt()).isEqualTo(3);
    assertThat(b.get("seeds").toString()).isEqualTo("[1,2,3]");
    Cli.Result none =
        Cli.run(
            "sweep",
            scenario,
            "--seeds",
            "2",
            "--breach",
            "SPY change <= -30%",
            "--out",
            tmp.resolve("none").toString());
    assertThat(none.out()).contains(": 0 of 2 paths, probability 0.00 [0.00, 0.66]");
    Cli.Result bad =
        Cli.run(
            "sweep", scenario, "--breach", "SPY drop >= 5%", "--out", tmp.resolve("x").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip()).startsWith("cascade sweep: --breach").doesNotContain("\n");
    assertThat(tmp.resolve("x")).doesNotExist();
  }
}
