package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a command reads as input must be a regular file, and a file that is not what the
 * command expects is reported without quoting it.
 */
class InputFilesTest {
  /** Lines like those of /etc/passwd: none may appear in a message. */
  static final String PASSWD =
      "root:x:0:0:root:/root:/bin/bash\n"
          + "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
          + "alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n";

  @TempDir Path tmp;

  /** A named pipe made with mkfifo(1), present on every Linux and macOS system. */
  private Path fifo() throws IOException, InterruptedException {
    Path at = tmp.resolve("pipe");
    Process p = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor()).as("mkfifo exit code").isZero();
    assertThat(Files.exists(at)).isTrue();
    assertThat(Files.isRegularFile(at)).isFalse();
    return at;
  }

  /** Runs a command that must give up at once (not block on a pipe). */
  private static Cli.Result quickly(String... args) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run(args));
  }

  private static void refusedInOneLine(Cli.Result r, String message) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(message).doesNotContain("Exception", "\tat ");
  }

  @Test
  void aNamedPipeIsRefusedByEveryCommandThatReadsAScenario() throws Exception {
    String pipe = fifo().toString();
    for (List<String> cmd :
        List.of(
            List.of("validate", pipe),
            List.of("run", pipe, "--out", tmp.resolve("r").toString()),
            List.of("sweep", pipe, "--out", tmp.resolve("s").toString()),
            List.of("attribute", pipe, "--out", tmp.resolve("a").toString()))) {
      Cli.Result r = quickly(cmd.toArray(String[]::new));
      refusedInOneLine(r, pipe + ":0:0: is not a regular file");
    }
  }

  @Test
  void aNamedPipeOrADirectoryIsRefusedAsAChainOrAPriceFile() throws Exception {
    String pipe = fifo().toString();
    refusedInOneLine(
        quickly("gex", "--chain", pipe), "cascade gex: " + pipe + ": is not a regular file");
    refusedInOneLine(
        quickly("monitor", "--prices", pipe),
        "cascade monitor: " + pipe + ": is not a regular file");
    refusedInOneLine(
        quickly("gex", "--chain", tmp.toString()),
        "cascade gex: " + tmp + ": is a directory, not a file");
    refusedInOneLine(
        quickly("monitor", "--prices", tmp.toString()),
        "cascade monitor: " + tmp + ": is a directory, not a file");
  }

  @Test
  void aLinkToAPasswordFileIsNotQuotedByValidateGexOrMonitor() throws IOException {
    Path secret = Files.writeString(tmp.resolve("passwd"), PASSWD);
    Path yaml = Files.createSymbolicLink(tmp.resolve("s.yaml"), secret);
    Path csv = Files.createSymbolicLink(tmp.resolve("chain.csv"), secret);
    for (Cli.Result r :
        List.of(
            Cli.run("validate", yaml.toString()),
            Cli.run("gex", "--chain", csv.toString()),
            Cli.run("monitor", "--prices", csv.toString()))) {
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).isNotEmpty().doesNotContain("root:", "daemon", "alice", "/bin/bash");
    }
  }
}
