package dev.cascade.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.cli.PathBatch;
import dev.cascade.cli.PathOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Paths run as Spark tasks (local[2]) are the paths local threads run: same tapes, same numbers.
 */
class SparkPathExecutorTest {
  @Test
  void sparkTasksGiveTheOutcomesAndTapeHashesOfLocalRunsInJobOrder() throws Exception {
    String text = Files.readString(Path.of(Cli.resource("/shocked.yaml")));
    List<PathOutcome.Job> jobs =
        List.of(
            new PathOutcome.Job(1, Set.of()),
            new PathOutcome.Job(2, Set.of()),
            new PathOutcome.Job(3, Set.of()),
            new PathOutcome.Job(1, Set.of("momentum")));
    PathBatch batch = PathBatch.of(text, "shocked.yaml", jobs);
    PathOutcome[] local = new PathOutcome[jobs.size()];
    for (int k = 0; k < jobs.size(); k++) {
      local[k] = batch.run(k);
    }
    // Job 1 is "found on disk": it must come back as given and not run again.
    PathOutcome known = local[1];
    List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
    PathOutcome[] spark;
    try (SparkPathExecutor ex = new SparkPathExecutor(SparkSetup.conf("local[2]", "test"))) {
      assertThat(ex.describe()).isEqualTo("Spark local[2]");
      spark = ex.runAll(batch, Map.of(1, known), (k, o) -> heard.add(k));
    }
    assertThat(heard).containsExactlyInAnyOrder(0, 2, 3);
    assertThat(spark[1]).isSameAs(known);
    for (int k = 0; k < jobs.size(); k++) {
      assertThat(spark[k].tapeHash()).as("job %d", k).hasSize(64).isEqualTo(local[k].tapeHash());
      assertThat(spark[k].changePct()).isEqualTo(local[k].changePct());
      assertThat(spark[k].maxDrawdownPct()).isEqualTo(local[k].maxDrawdownPct());
      assertThat(spark[k].low()).isEqualTo(local[k].low());
      assertThat(spark[k].high()).isEqualTo(local[k].high());
      assertThat(spark[k].events()).isEqualTo(local[k].events());
    }
    // Different seeds, and a mechanism left out, are different tapes: the hashes can tell.
    assertThat(local[0].tapeHash()).isNotEqualTo(local[2].tapeHash());
    assertThat(local[0].tapeHash()).isNotEqualTo(local[3].tapeHash());
  }
}
