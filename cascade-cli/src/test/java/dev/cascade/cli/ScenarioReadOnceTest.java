package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands read their scenario file once: removing or rewriting it while they simulate changes
 * neither their outcome nor the scenario.yaml they write beside their results.
 */
class ScenarioReadOnceTest {
  @TempDir Path tmp;

  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Whether some thread is inside a simulation, so the scenario has been loaded. */
  private static boolean simulating() {
    return Thread.getAllStackTraces().values().stream()
        .flatMap(Arrays::stream)
        .anyMatch(
            f ->
                f.getClassName().equals("dev.cascade.scenario.Simulation")
                    && f.getMethodName().equals("run"));
  }

  /**
   * Runs {@code command FILE args} on a copy of shocked.yaml; as soon as a simulation is running,
   * replaces the file with {@code replacement} (null: removes it). Returns the result and checks
   * that the swap happened while the command ran.
   */
  private Cli.Result swapMidRun(String replacement, String command, String... args)
      throws Exception {
    Path scenario = tmp.resolve("scenario.yaml");
    Files.copy(Path.of(getClass().getResource("/shocked.yaml").toURI()), scenario);
    String[] full = new String[args.length + 2];
    full[0] = command;
    full[1] = scenario.toString();
    System.arraycopy(args, 0, full, 2, args.length);
    Future<Cli.Result> result = pool.submit(() -> Cli.run(full));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!simulating() && !result.isDone() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(result.isDone())
        .as("the command finished before the file could be swapped")
        .isFalse();
    if (replacement == null) {
      Files.delete(scenario);
    } else {
      Files.writeString(scenario, replacement);
    }
    return result.get(120, TimeUnit.SECONDS);
  }

  private String original() throws Exception {
    return Files.readString(Path.of(getClass().getResource("/shocked.yaml").toURI()));
  }

  @Test
  void attributeSurvivesItsScenarioBeingRemovedAndRecordsTheTextItRan() throws Exception {
    Path out = tmp.resolve("attribution");
    Cli.Result r =
        swapMidRun(null, "attribute", "--seeds", "4", "--threads", "1", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(out.resolve("scenario.yaml")).hasContent(original());
  }

  @Test
  void sweepRecordsTheScenarioItRanNotTheOneOnDiskAtTheEnd() throws Exception {
    Path out = tmp.resolve("sweep");
    Cli.Result r =
        swapMidRun(
            "name: edited\n", "sweep", "--seeds", "12", "--threads", "1", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(out.resolve("scenario.yaml")).hasContent(original());
  }

  @Test
  void runSurvivesItsScenarioBeingRemoved() throws Exception {
    Path out = tmp.resolve("run");
    Cli.Result r = swapMidRun(null, "run", "--no-progress", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(out.resolve("scenario.yaml")).hasContent(original());
  }
}
