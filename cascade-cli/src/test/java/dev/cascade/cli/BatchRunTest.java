package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch whose executor fails part-way keeps what finished and says how to go on. */
class BatchRunTest {
  @TempDir Path tmp;

  @Test
  void anExecutorThatFailsKeepsTheFinishedPathsAndSaysToResume() throws Exception {
    String text = Files.readString(Path.of(getClass().getResource("/shocked.yaml").toURI()));
    List<PathOutcome.Job> jobs =
        List.of(new PathOutcome.Job(1, Set.of()), new PathOutcome.Job(2, Set.of()));
    PathBatch batch = PathBatch.of(text, "shocked.yaml", jobs);
    PathOutcome first = batch.run(0);
    // An executor that delivers the first path, then loses its cluster.
    PathExecutor failing =
        new PathExecutor() {
          @Override
          public PathOutcome[] runAll(
              PathBatch b, Map<Integer, PathOutcome> known, PathOutcome.Finished finished) {
            finished.accept(0, first);
            throw new PathExecutor.Failure("the Spark job failed: master lost", null);
          }

          @Override
          public String describe() {
            return "test";
          }

          @Override
          public void close() {}
        };
    PartialRun.Experiment experiment =
        new PartialRun.Experiment(
            "sweep",
            "shocked",
            PartialRun.Experiment.sha256(text),
            1,
            2,
            List.of("-"),
            List.of("SPY", "BTC"));
    BatchOptions options = new BatchOptions();
    options.noProgress = true;
    Path target = tmp.resolve("out");
    StringWriter err = new StringWriter();
    CliFailure f =
        catchThrowableOfType(
            CliFailure.class,
            () ->
                BatchRun.run(
                    "sweep", experiment, batch, target, options, failing, new PrintWriter(err)));
    assertThat(f.exitCode()).isEqualTo(BatchRun.HALTED);
    assertThat(f.getMessage())
        .isEqualTo(
            "the Spark job failed: master lost; the finished paths are kept in "
                + tmp.resolve("out.partial")
                + ": the same command with --resume continues");
    // The header, then the one path that finished.
    assertThat(Files.readAllLines(tmp.resolve("out.partial").resolve(PartialRun.PATHS)))
        .hasSize(2)
        .element(1)
        .asString()
        .startsWith("0,1,0,");
  }
}
