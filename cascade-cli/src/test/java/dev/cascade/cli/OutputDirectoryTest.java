package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output rule: Cascade creates what does not exist and replaces only what it provably wrote,
 * when asked. The checks on the working directory, its parents and the home directory call {@link
 * OutputDirectory#checkTarget}, which only inspects: a failing test cannot delete anything.
 */
class OutputDirectoryTest {
  @TempDir Path tmp;

  private static String tiny() throws URISyntaxException {
    return Path.of(OutputDirectoryTest.class.getResource("/tiny.yaml").toURI()).toString();
  }

  private static Cli.Result run(Path out, String... more) throws URISyntaxException {
    String[] args = new String[4 + more.length];
    args[0] = "run";
    args[1] = tiny();
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return Cli.run(args);
  }

  private static void assertRefused(Cli.Result r, String... words) {
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("cascade run: ").contains(words).doesNotContain("\tat ");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void anEmptyOutOnARealScenarioIsRefusedBeforeAnythingIsWritten() throws Exception {
    Cli.Result r = Cli.run("run", tiny(), "--out=", "--force");
    assertRefused(r, "empty");
    assertThatThrownBy(() -> OutputDirectory.checkTarget(Path.of(""), true))
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("empty");
  }

  @Test
  void theWorkingDirectoryItsParentsTheHomeDirectoryAndTheRootAreNeverReplaced() {
    for (String p : new String[] {".", "..", "../..", System.getProperty("user.home"), "/"}) {
      assertThatThrownBy(() -> OutputDirectory.checkTarget(Path.of(p), true))
          .as(p)
          .isInstanceOf(CliFailure.class)
          .satisfies(e -> assertThat(((CliFailure) e).exitCode()).isEqualTo(2));
    }
    assertThatThrownBy(() -> OutputDirectory.checkTarget(Path.of("."), true))
        .hasMessageContaining("is the working directory");
    assertThatThrownBy(() -> OutputDirectory.checkTarget(Path.of(".."), true))
        .hasMessageContaining("holds the working directory");
  }

  @Test
  void aRegularFileIsRefusedAndKept() throws Exception {
    Path f = Files.writeString(tmp.resolve("notes.txt"), "mine");
    assertRefused(run(f, "--force"), "is a file");
    assertThat(f).hasContent("mine");
  }

  @Test
  void aDirectoryCascadeDidNotWriteIsRefusedAndKept() throws Exception {
    Path d = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(d.resolve("thesis.tex"), "years of work");
    assertRefused(run(d, "--force"), "is not a directory Cascade wrote");
    assertThat(d.resolve("thesis.tex")).hasContent("years of work");
  }

  @Test
  void aDirectoryHoldingGitIsRefusedEvenWithForce() throws Exception {
    Path d = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(d.resolve(".git"));
    assertRefused(run(d, "--force"), ".git");
    assertThat(d.resolve(".git")).isDirectory();
  }

  @Test
  void aSymbolicLinkIsRefused() throws Exception {
    Path real = Files.createDirectories(tmp.resolve("real"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
    assertRefused(run(link, "--force"), "symbolic link");
    assertThat(link).isSymbolicLink();
  }

  @Test
  void anEmptyDirectoryIsWrittenInto() throws Exception {
    Path d = Files.createDirectories(tmp.resolve("empty"));
    Cli.Result r = run(d);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(d.resolve("summary.json")).isRegularFile();
    assertThat(d.resolve(RunMarker.FILE)).isRegularFile();
  }

  @Test
  void aPreviousRunIsReplacedOnlyWithForceAndOnlyWhileUnchanged() throws Exception {
    Path d = tmp.resolve("run");
    assertThat(run(d, "--seed", "1").exit()).isZero();
    RunMarker m = RunMarker.read(d).orElseThrow();
    assertThat(m.command()).isEqualTo("run");
    assertThat(m.files()).containsKeys("summary.json", "trades.csv", "scenario.yaml");
    assertThat(m.differences(d)).isEmpty();

    assertRefused(run(d, "--seed", "2"), "holds a previous Cascade run", "--force");
    assertThat(run(d, "--seed", "2", "--force").exit()).isZero();
    assertThat(Files.readString(d.resolve("summary.json"))).contains("\"seed\" : 2");

    // A file the user added, or a file changed since: no longer provably Cascade's.
    Files.writeString(d.resolve("my-notes.md"), "keep me");
    assertRefused(run(d, "--force"), "has changed since", "my-notes.md added");
    assertThat(d.resolve("my-notes.md")).hasContent("keep me");
    Files.delete(d.resolve("my-notes.md"));
    Files.writeString(d.resolve("halts.csv"), "edited");
    assertRefused(run(d, "--force"), "halts.csv changed");
    assertThat(d.resolve("halts.csv")).hasContent("edited");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("run");
    }
  }

  @Test
  void sweepAndAttributeFollowTheSameRule() throws Exception {
    Path d = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(d.resolve("a.txt"), "x");
    for (String cmd : new String[] {"sweep", "attribute"}) {
      Cli.Result r = Cli.run(cmd, tiny(), "--out", d.toString(), "--force");
      assertThat(r.exit()).as(cmd + r.err()).isEqualTo(2);
      assertThat(r.err()).startsWith("cascade " + cmd + ": ").contains("not a directory Cascade");
    }
    assertThat(d.resolve("a.txt")).hasContent("x");
  }

  @Test
  void reportWritesWhereNothingIsAndReplacesItsOwnReportOnlyWithForce() throws Exception {
    Path d = tmp.resolve("run");
    assertThat(run(d).exit()).isZero();
    Cli.Result first = Cli.run("report", d.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(RunMarker.read(d).orElseThrow().files()).containsKey("report.html");
    assertThat(RunMarker.read(d).orElseThrow().differences(d)).isEmpty();

    Cli.Result again = Cli.run("report", d.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("--force");
    assertThat(Cli.run("report", d.toString(), "--force").exit()).isZero();

    Files.writeString(d.resolve("report.html"), "my own page");
    Cli.Result mine = Cli.run("report", d.toString(), "--force");
    assertThat(mine.exit()).isEqualTo(2);
    assertThat(mine.err()).contains("cannot prove");
    assertThat(d.resolve("report.html")).hasContent("my own page");
  }

  @Test
  void temporaryDirectoriesOfKilledRunsAreRemovedByTheNextRunAndOthersAreKept() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path stale = Files.createDirectories(tmp.resolve(".tmp-run-" + gone.pid() + "-1"));
    Files.writeString(
        stale.resolve(OutputDirectory.OWNER_FILE), "pid " + gone.pid() + " started unknown\n");
    Files.writeString(stale.resolve("trades.csv"), "half written");
    Path live = Files.createDirectories(tmp.resolve(".tmp-run-live"));
    Files.writeString(
        live.resolve(OutputDirectory.OWNER_FILE), OutputDirectory.Owner.current().line());
    Path unowned = Files.createDirectories(tmp.resolve(".tmp-someone-elses"));

    Cli.Result r = run(tmp.resolve("run"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("removed " + stale);
    assertThat(stale).doesNotExist();
    assertThat(live).isDirectory();
    assertThat(unowned).isDirectory();
  }

  @Test
  void anOutputPathTheSystemWillNotWriteIsExit74WithItsReason() throws Exception {
    Cli.Result r = run(Path.of("/proc/cascade-out"));
    assertThat(r.exit()).as(r.err()).isEqualTo(74);
    assertThat(r.err())
        .startsWith("cascade run: cannot write /proc/cascade-out")
        .doesNotContain("Exception", "\tat ");
    Path readOnlyParent = Files.writeString(tmp.resolve("file"), "x");
    Cli.Result under = run(readOnlyParent.resolve("run"));
    assertThat(under.exit()).isEqualTo(74);
    assertThat(under.err()).contains(readOnlyParent.toString()).doesNotContain("Exception");
  }

  @Test
  void ioErrorsReadAsTheSystemsReason() throws Exception {
    StringWriter w = new StringWriter();
    OutputDirectory.removeStale(tmp.resolve("missing"), new PrintWriter(w));
    assertThat(w.toString()).isEmpty();
    assertThat(CliFailure.reason(new java.nio.file.AccessDeniedException("/x")))
        .isEqualTo("/x: permission denied");
    // --out a-file/sub: creating the directory fails at the file, which is no directory
    java.nio.file.Path file = java.nio.file.Files.writeString(tmp.resolve("afile.txt"), "x");
    assertThat(CliFailure.reason(new java.nio.file.FileAlreadyExistsException(file.toString())))
        .isEqualTo(file + ": exists and is not a directory");
  }

  @Test
  @Tag("slow")
  void sigtermDuringARunRemovesItsTemporaryDirectory() throws Exception {
    Path scenario = Path.of("..", "scenarios", "calm-day.yaml").toAbsolutePath().normalize();
    assertThat(scenario).isRegularFile();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                scenario.toString(),
                "--no-progress",
                "--out",
                tmp.resolve("run").toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("log").toFile())
            .start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    boolean started = false;
    while (!started && p.isAlive() && System.nanoTime() < deadline) {
      try (Stream<Path> s = Files.list(tmp)) {
        started = s.anyMatch(f -> f.getFileName().toString().startsWith(".tmp-run-"));
      }
      Thread.sleep(20);
    }
    assertThat(started).as("the run opened its temporary directory").isTrue();
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(f -> f.getFileName().toString())).containsExactly("log");
    }
  }
}
