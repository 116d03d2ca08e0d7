package dev.cascade.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on this machine (tools/spark-cluster: a master and one worker,
 * separate JVMs on 127.0.0.1, executors launched by the worker), running a sweep submitted to
 * spark://127.0.0.1:PORT: the result is the local one. The cluster is stopped whatever happens.
 */
@Tag("slow")
class StandaloneClusterTest {
  @TempDir Path tmp;

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void aSweepOnAStandaloneClusterIsTheSweepOnLocalThreads() throws Exception {
    String scenario = Cli.resource("/shocked.yaml");
    Path clusterDir = Path.of("target", "cluster-test").toAbsolutePath();
    try {
      String url = cluster(clusterDir, "start", "1").strip().lines().reduce((a, b) -> b).orElse("");
      assertThat(url).startsWith("spark://127.0.0.1:");
      assertThat(cluster(clusterDir, "status")).contains("worker-1 running");

      Path local = tmp.resolve("local");
      Path spark = tmp.resolve("spark");
      String[] common = {"sweep", scenario, "--seeds", "4", "--no-progress"};
      Cli.Result a =
          Cli.run(SparkCommandsTest.concat(common, "--threads", "2", "--out", local.toString()));
      Cli.Result b =
          Cli.run(SparkCommandsTest.concat(common, "--spark", url, "--out", spark.toString()));
      assertThat(a.exit()).as(a.err()).isZero();
      assertThat(b.exit()).as(b.err()).isZero();
      assertThat(b.out()).contains("on Spark " + url);
      assertThat(Files.readString(spark.resolve("sweep-paths.csv")))
          .isEqualTo(Files.readString(local.resolve("sweep-paths.csv")));
      assertThat(SparkCommandsTest.sweepJson(spark)).isEqualTo(SparkCommandsTest.sweepJson(local));
      // The tasks ran in an executor the worker launched (its log says so), not in this JVM.
      String executorLog;
      try (var files = Files.walk(clusterDir.resolve("work"))) {
        executorLog =
            files
                .filter(p -> p.getFileName().toString().equals("stderr"))
                .map(StandaloneClusterTest::read)
                .reduce("", String::concat);
      }
      assertThat(executorLog).contains("Fetching spark://", "Finished task 3.0");
    } finally {
      cluster(clusterDir, "stop");
    }
    assertThat(cluster(clusterDir, "status")).contains("not running");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Runs tools/spark-cluster; its standard output. */
  private static String cluster(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(ROOT.resolve("tools/spark-cluster").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("CASCADE_SPARK_CLUSTER_DIR", dir.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    return out;
  }
}
