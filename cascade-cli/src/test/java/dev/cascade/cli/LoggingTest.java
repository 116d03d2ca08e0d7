package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLF4J is bound to a real logger: silent by default, --log-file and --verbose turn it on. Each
 * case runs in its own JVM, since the logger reads its settings once per process.
 */
class LoggingTest {
  @TempDir Path tmp;

  private Process cascade(Path out, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .redirectOutput(out.resolveSibling(out.getFileName() + ".out").toFile())
        .redirectError(out.toFile())
        .start();
  }

  private String run(String name, String... args) throws Exception {
    Path err = tmp.resolve(name + ".err");
    Process p = cascade(err, args);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  @Test
  void theLogIsSilentByDefaultAndWrittenWhereAsked() throws Exception {
    String scenario = Path.of(getClass().getResource("/tiny.yaml").toURI()).toString();
    String quiet =
        run("quiet", "run", scenario, "--no-progress", "--out", tmp.resolve("a").toString());
    assertThat(quiet).doesNotContain("INFO");

    Path log = tmp.resolve("cascade.log");
    String toFile =
        run(
            "file",
            "run",
            scenario,
            "--no-progress",
            "--log-file",
            log.toString(),
            "--out",
            tmp.resolve("b").toString());
    assertThat(toFile).doesNotContain("INFO");
    assertThat(Files.readString(log))
        .contains("INFO dev.cascade.cli.ScenarioFiles - read scenario")
        .contains("INFO dev.cascade.cli.OutputDirectory - run wrote " + tmp.resolve("b"));

    String verbose =
        run(
            "verbose",
            "--verbose",
            "run",
            scenario,
            "--no-progress",
            "--out",
            tmp.resolve("c").toString());
    assertThat(verbose).contains("INFO dev.cascade.cli.ScenarioFiles - read scenario");
  }

  @Test
  void aLogFileThatCannotBeWrittenIsAOneLineError() throws Exception {
    String scenario = Path.of(getClass().getResource("/tiny.yaml").toURI()).toString();
    Path where = tmp.resolve("no-such-dir").resolve("cascade.log");
    Cli.Result r = Cli.run("--log-file", where.toString(), "validate", scenario);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("--log-file " + where + ": its directory")
        .contains("does not exist")
        .doesNotContain("\tat ");
    assertThat(where.getParent()).doesNotExist();
  }

  @Test
  void aLogFileNeverReplacesWhatCascadeDidNotWrite() throws Exception {
    Path scenario = tmp.resolve("mine.yaml");
    Files.copy(Path.of(getClass().getResource("/tiny.yaml").toURI()), scenario);
    byte[] before = Files.readAllBytes(scenario);
    Cli.Result r = Cli.run("--log-file", scenario.toString(), "validate", scenario.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("is not a log Cascade wrote").doesNotContain("\tat ");
    assertThat(Files.readAllBytes(scenario)).isEqualTo(before);

    Path dir = Files.createDirectories(tmp.resolve("logs"));
    assertThat(Cli.run("--log-file", dir.toString(), "validate", scenario.toString()).err())
        .contains("is a directory");
    // a log Cascade wrote, and an empty file, may be reused
    Path log = tmp.resolve("old.log");
    Files.writeString(log, "2026-12-07T18:00:00.000+0000 [main] INFO dev.cascade.cli.Main - x\n");
    assertThat(Main.logFileRefusal(log)).isNull();
    Path empty = Files.createFile(tmp.resolve("empty.log"));
    assertThat(Main.logFileRefusal(empty)).isNull();
    assertThat(Main.logFileRefusal(tmp.resolve("new.log"))).isNull();
  }
}
