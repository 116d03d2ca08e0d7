package dev.cascade.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cascade sweep and attribute with --spark local[2] write what they write on local threads. */
class SparkCommandsTest {
  @TempDir Path tmp;

  /** sweep.json without its wall-clock time. */
  static String sweepJson(Path dir) throws Exception {
    return Files.readString(dir.resolve("sweep.json")).replaceAll("\"wallSeconds\" : [0-9.]+", "");
  }

  @Test
  void aScaledSweepOnSparkIsTheSweepOnLocalThreads() throws Exception {
    String scenario = Cli.resource("/shocked.yaml");
    Path local = tmp.resolve("local");
    Path spark = tmp.resolve("spark");
    String[] common = {"sweep", scenario, "--seeds", "3", "--scale-shocks", "2", "--no-progress"};
    Cli.Result a = Cli.run(concat(common, "--threads", "2", "--out", local.toString()));
    Cli.Result b = Cli.run(concat(common, "--spark", "local[2]", "--out", spark.toString()));
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(b.out()).contains("3 paths (seeds 1..3) on Spark local[2] in");
    assertThat(b.err()).contains("sweep: 3/3 paths");
    assertThat(Files.readString(spark.resolve("sweep-paths.csv")))
        .isEqualTo(Files.readString(local.resolve("sweep-paths.csv")));
    assertThat(sweepJson(spark)).isEqualTo(sweepJson(local)).contains("\"all\" : 2.0");
  }

  @Test
  void aSparkSweepStoppedPartWayResumesToTheLocalResult() throws Exception {
    String scenario = Cli.resource("/shocked.yaml");
    Path whole = tmp.resolve("whole");
    Path cut = tmp.resolve("cut");
    String[] common = {"sweep", scenario, "--seeds", "4", "--no-progress"};
    assertThat(Cli.run(concat(common, "--threads", "2", "--out", whole.toString())).exit())
        .isZero();
    Cli.Result halted =
        Cli.run(
            concat(common, "--spark", "local[2]", "--halt-after", "1", "--out", cut.toString()));
    assertThat(halted.exit()).as(halted.err()).isEqualTo(75);
    assertThat(cut.resolveSibling("cut.partial")).isDirectory();
    Cli.Result resumed =
        Cli.run(concat(common, "--spark", "local[2]", "--resume", "--out", cut.toString()));
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("paths done");
    assertThat(Files.readString(cut.resolve("sweep-paths.csv")))
        .isEqualTo(Files.readString(whole.resolve("sweep-paths.csv")));
    assertThat(cut.resolveSibling("cut.partial")).doesNotExist();
  }

  @Test
  void anAttributionOnSparkIsTheAttributionOnLocalThreads() throws Exception {
    String scenario = Cli.resource("/shocked.yaml");
    Path local = tmp.resolve("local");
    Path spark = tmp.resolve("spark");
    String[] common = {"attribute", scenario, "--seeds", "1", "--no-progress"};
    Cli.Result a = Cli.run(concat(common, "--threads", "2", "--out", local.toString()));
    Cli.Result b = Cli.run(concat(common, "--spark", "local[2]", "--out", spark.toString()));
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(b.out()).contains("runs on Spark local[2]");
    assertThat(Files.readString(spark.resolve("attribution.json")))
        .isEqualTo(Files.readString(local.resolve("attribution.json")));
  }

  @Test
  void aReverseStressTestOnSparkIsTheOneOnLocalThreads() throws Exception {
    String scenario = Cli.resource("/shocked.yaml");
    Path local = tmp.resolve("local");
    Path spark = tmp.resolve("spark");
    String[] common = {
      "reverse-stress",
      scenario,
      "--breach",
      "SPY drawdown >= 6%",
      "--seeds",
      "1-2",
      "--tolerance",
      "0.25",
      "--mechanisms",
      "--no-progress"
    };
    Cli.Result a = Cli.run(concat(common, "--threads", "2", "--out", local.toString()));
    Cli.Result b = Cli.run(concat(common, "--spark", "local[2]", "--out", spark.toString()));
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(b.out()).contains("2 seeds (1..2) on Spark local[2] in");
    String json = Files.readString(spark.resolve("reverse-stress.json"));
    assertThat(json.replaceAll("\"wallSeconds\" : [0-9.]+", ""))
        .isEqualTo(
            Files.readString(local.resolve("reverse-stress.json"))
                .replaceAll("\"wallSeconds\" : [0-9.]+", ""))
        .contains("\"mechanism\" : \"momentum\"");
  }

  @Test
  void aMasterOfAnotherFormIsAOneLineError() throws Exception {
    Cli.Result r = Cli.run("sweep", Cli.resource("/shocked.yaml"), "--spark", "yarn", "--out", "x");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "cascade sweep: --spark yarn: expected local[N], local[*] or spark://host:port (e.g."
                + " --spark local[2])"
                + System.lineSeparator());
  }

  @Test
  void aMasterNoOneAnswersAtIsAOneLineError() throws Exception {
    Path out = tmp.resolve("none");
    Cli.Result r =
        Cli.run(
            "sweep",
            Cli.resource("/shocked.yaml"),
            "--spark",
            "spark://127.0.0.1:1",
            "--out",
            out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "cascade sweep: --spark spark://127.0.0.1:1: no Spark master answers at 127.0.0.1:1"
                + " (tools/spark-cluster start runs one on this machine; status prints its URL)"
                + System.lineSeparator());
    assertThat(out).doesNotExist();
  }

  static String[] concat(String[] a, String... b) {
    String[] r = new String[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
