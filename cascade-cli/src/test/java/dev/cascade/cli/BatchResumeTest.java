package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps and attributions stopped part-way and resumed give what an uninterrupted run gives. */
class BatchResumeTest {
  @TempDir Path tmp;

  private String scenario() throws Exception {
    return Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
  }

  private Cli.Result sweep(Path out, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("sweep", scenario(), "--seeds", "6", "--out", out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static JsonNode json(Path f) throws Exception {
    return new ObjectMapper().readTree(f.toFile());
  }

  @Test
  void aSweepStoppedAfterTwoPathsResumesToTheUninterruptedResult() throws Exception {
    Path whole = tmp.resolve("whole");
    Path cut = tmp.resolve("cut");
    Cli.Result a = sweep(whole, "--threads", "2");
    assertThat(a.exit()).as(a.err()).isZero();

    Cli.Result halted = sweep(cut, "--threads", "1", "--halt-after", "2");
    assertThat(halted.exit()).as(halted.err()).isEqualTo(BatchRun.HALTED);
    assertThat(cut).doesNotExist();
    Path partial = tmp.resolve("cut.partial");
    assertThat(Files.readAllLines(partial.resolve(PartialRun.PATHS))).hasSize(1 + 2);
    assertThat(Files.readString(partial.resolve(PartialRun.EXPERIMENT)))
        .startsWith("cascade-partial 1\ncommand: sweep\n")
        .contains("scenario: shocked\n", "first-seed: 1\n", "seeds: 6\n", "variant 0: -\n");

    Cli.Result refused = sweep(cut, "--threads", "1");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .isEqualTo(
            "cascade sweep: "
                + partial
                + " holds an unfinished sweep (2 paths done): --resume continues it, or remove it"
                + " to start over"
                + System.lineSeparator());

    Cli.Result resumed = sweep(cut, "--threads", "2", "--resume");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resuming " + partial + ": 2 of 6 paths done, 4 to run");
    assertThat(resumed.out()).contains("(2 paths resumed from disk)");
    assertThat(partial).doesNotExist();
    assertThat(Files.readString(cut.resolve("sweep-paths.csv")))
        .isEqualTo(Files.readString(whole.resolve("sweep-paths.csv")));
    assertThat(json(cut.resolve("sweep.json")).get("assets"))
        .isEqualTo(json(whole.resolve("sweep.json")).get("assets"));
    assertThat(json(cut.resolve("sweep.json")).get("resumedPaths").asInt()).isEqualTo(2);
  }

  /**
   * A sweep of 6 paths halted after 3, its {@code paths.csv} rewritten by {@code damage} (given its
   * lines, header first), then resumed: the damaged third path is dropped and run again, and the
   * result is the uninterrupted sweep's.
   */
  private void resumesOverADamagedThirdPath(
      java.util.function.Function<List<String>, byte[]> damage) throws Exception {
    Path whole = tmp.resolve("whole");
    Path cut = tmp.resolve("cut");
    assertThat(sweep(whole, "--threads", "2").exit()).isZero();
    assertThat(sweep(cut, "--threads", "1", "--halt-after", "3").exit()).isEqualTo(BatchRun.HALTED);
    Path paths = tmp.resolve("cut.partial").resolve(PartialRun.PATHS);
    Files.write(paths, damage.apply(Files.readAllLines(paths)));

    Cli.Result resumed = sweep(cut, "--threads", "2", "--resume");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("2 of 6 paths done, 4 to run");
    assertThat(Files.readString(cut.resolve("sweep-paths.csv")))
        .isEqualTo(Files.readString(whole.resolve("sweep-paths.csv")));
  }

  @Test
  void aLineTornByAKillIsDroppedAndItsPathRunAgain() throws Exception {
    // The third path's line as a kill in the middle of its write would leave it: no newline.
    resumesOverADamagedThirdPath(
        lines -> {
          String torn = lines.get(3).substring(0, lines.get(3).length() / 2);
          return (String.join("\n", lines.subList(0, 3)) + "\n" + torn)
              .getBytes(StandardCharsets.UTF_8);
        });
  }

  @Test
  void bytesThatAreNotTextAreADamagedLineNotAWriteError() throws Exception {
    // the third path's line overwritten by bytes that are not UTF-8 (a disk or a copy gone wrong)
    resumesOverADamagedThirdPath(
        lines -> {
          byte[] head =
              (String.join("\n", lines.subList(0, 3)) + "\n").getBytes(StandardCharsets.UTF_8);
          byte[] junk = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0x81, '\n'};
          byte[] all = java.util.Arrays.copyOf(head, head.length + junk.length);
          System.arraycopy(junk, 0, all, head.length, junk.length);
          return all;
        });
  }

  @Test
  void aPartialOfAnotherExperimentIsRefusedSayingWhatDiffers() throws Exception {
    Path cut = tmp.resolve("cut");
    assertThat(sweep(cut, "--threads", "1", "--halt-after", "1").exit()).isEqualTo(BatchRun.HALTED);
    Cli.Result more =
        Cli.run(
            "sweep",
            scenario(),
            "--seeds",
            "7",
            "--out",
            cut.toString(),
            "--resume",
            "--threads",
            "1");
    assertThat(more.exit()).isEqualTo(2);
    assertThat(more.err())
        .startsWith("cascade sweep: --resume: " + tmp.resolve("cut.partial"))
        .contains("was started for a different experiment (seeds 7 now, 6 then)")
        .contains("remove it to start over")
        .doesNotContain("\tat ");

    Path edited = tmp.resolve("shocked.yaml");
    Files.writeString(edited, Files.readString(Path.of(scenario())) + "# edited\n");
    Cli.Result changed =
        Cli.run("sweep", edited.toString(), "--seeds", "6", "--out", cut.toString(), "--resume");
    assertThat(changed.exit()).isEqualTo(2);
    assertThat(changed.err()).contains("the scenario file's text differs");

    Cli.Result ablated = sweep(cut, "--resume", "--without", "momentum");
    assertThat(ablated.exit()).isEqualTo(2);
    assertThat(ablated.err()).contains("variant 0 momentum now, - then");
    // Refusals leave the partial as it was.
    assertThat(Files.readAllLines(tmp.resolve("cut.partial").resolve(PartialRun.PATHS))).hasSize(2);
  }

  @Test
  void somethingElseAtThePartialsPlaceIsNeverTouched() throws Exception {
    Path cut = tmp.resolve("cut");
    Path mine = tmp.resolve("cut.partial");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("notes.txt"), "mine");
    Cli.Result r = sweep(cut, "--resume");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(mine + " exists and is not an unfinished Cascade sweep");
    assertThat(Files.readString(mine.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void resumeWithNothingToResumeStartsAfresh() throws Exception {
    Path out = tmp.resolve("fresh");
    Cli.Result r = sweep(out, "--resume");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("nothing to resume at " + tmp.resolve("fresh.partial"));
    assertThat(tmp.resolve("fresh.partial")).doesNotExist();
  }

  @Test
  void withoutATerminalProgressIsPlainLinesOnStandardError() throws Exception {
    Cli.Result r = sweep(tmp.resolve("lines"), "--threads", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .containsPattern("(?m)^sweep: 1/6 paths, [0-9.]+ paths/s, ETA [0-9]+ s$")
        .containsPattern("(?m)^sweep: 5/6 paths, [0-9.]+ paths/s, ETA [0-9]+ s$")
        .containsPattern("(?m)^sweep: 6/6 paths in [0-9]+ s, [0-9.]+ paths/s$")
        .doesNotContain("\r");
    assertThat(r.out()).doesNotContain("paths/s");
  }

  @Test
  void anAttributionStoppedPartWayResumesToTheUninterruptedResult() throws Exception {
    Path whole = tmp.resolve("whole");
    Path cut = tmp.resolve("cut");
    String[] base = {"attribute", scenario(), "--seeds", "2", "--threads", "1", "--out"};
    Cli.Result a = Cli.run(concat(base, whole.toString()));
    assertThat(a.exit()).as(a.err()).isZero();
    Cli.Result halted = Cli.run(concat(base, cut.toString(), "--halt-after", "3"));
    assertThat(halted.exit()).as(halted.err()).isEqualTo(BatchRun.HALTED);
    assertThat(Files.readString(tmp.resolve("cut.partial").resolve(PartialRun.EXPERIMENT)))
        .contains("command: attribute\n", "variant 0: -\n", "variant 1: momentum\n");
    Cli.Result resumed = Cli.run(concat(base, cut.toString(), "--resume"));
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("3 of 6 paths done, 3 to run");
    assertThat(json(cut.resolve("attribution.json")).get("assets"))
        .isEqualTo(json(whole.resolve("attribution.json")).get("assets"));
    assertThat(Files.readString(cut.resolve("attribution.csv")))
        .isEqualTo(Files.readString(whole.resolve("attribution.csv")));
  }

  /**
   * A real {@code kill -9} of a sweep in another JVM while it writes: the paths it had recorded are
   * kept, and the resumed sweep equals an uninterrupted one.
   */
  @Test
  @Tag("slow")
  void aSweepKilledWithSigkillLosesOnlyThePathsInFlight() throws Exception {
    Path whole = tmp.resolve("whole");
    Path cut = tmp.resolve("cut");
    String[] args = {"--seeds", "12", "--threads", "1", "--out"};
    Cli.Result a =
        Cli.run(concat(concat(new String[] {"sweep", scenario()}, args), whole.toString()));
    assertThat(a.exit()).as(a.err()).isZero();

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "sweep",
                scenario()));
    cmd.addAll(List.of(args));
    cmd.add(cut.toString());
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    Path paths = tmp.resolve("cut.partial").resolve(PartialRun.PATHS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (lines(paths) < 1 + 3 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("the child finished before it could be killed").isTrue();
    p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks run
    int kept = lines(paths) - 1;
    assertThat(kept).isBetween(3, 11);
    assertThat(cut).doesNotExist();

    Cli.Result resumed =
        Cli.run(
            concat(concat(new String[] {"sweep", scenario(), "--resume"}, args), cut.toString()));
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains(kept + " of 12 paths done");
    assertThat(Files.readString(cut.resolve("sweep-paths.csv")))
        .isEqualTo(Files.readString(whole.resolve("sweep-paths.csv")));
  }

  private static int lines(Path f) throws Exception {
    if (!Files.exists(f)) {
      return 0;
    }
    String s = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
    return (int) s.chars().filter(c -> c == '\n').count();
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
