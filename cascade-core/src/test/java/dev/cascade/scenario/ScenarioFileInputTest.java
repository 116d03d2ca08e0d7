package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioLoaderTest.good;
import static dev.cascade.scenario.ScenarioLoaderTest.goodWith;
import static dev.cascade.scenario.ScenarioLoaderTest.onlyError;
import static dev.cascade.scenario.ScenarioLoaderTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader reads and what its messages may show: only regular files, bounded in size and in
 * string length, and no text quoted from a file that is not a YAML mapping at the top level.
 */
class ScenarioFileInputTest {
  /** Lines like those of /etc/passwd, each a secret a message must not show. */
  static final String PASSWD =
      "root:x:0:0:root:/root:/bin/bash\n"
          + "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
          + "alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n";

  @TempDir Path dir;

  static String messages(LoadResult r) {
    return r.errors().stream().map(ScenarioError::toString).collect(Collectors.joining("\n"));
  }

  static LoadResult load(Path f) {
    return ScenarioLoader.load(f, TestFamilies.registry());
  }

  /** Makes a named pipe with mkfifo(1), which every Linux and macOS system has. */
  static Path fifo(Path at) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor()).as("mkfifo exit code").isZero();
    assertThat(Files.exists(at)).isTrue();
    assertThat(Files.isRegularFile(at)).isFalse();
    return at;
  }

  @Test
  void aNamedPipeIsRefusedWithoutBeingOpened() throws Exception {
    Path pipe = fifo(dir.resolve("pipe.yaml"));
    // Opening a FIFO for reading blocks until a writer comes; the loader must not try.
    LoadResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(pipe));
    assertThat(onlyError(r).message()).contains("is not a regular file");
    assertThat(onlyError(r).line()).isZero();
  }

  @Test
  void aSymbolicLinkToAScenarioIsFollowed() throws IOException {
    Path real = Files.writeString(dir.resolve("real.yaml"), good());
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real);
    assertThat(load(link).ok()).isTrue();
  }

  @Test
  void aFileThatIsNotAMappingIsReportedWithoutQuotingIt() throws IOException {
    Path secret = Files.writeString(dir.resolve("passwd"), PASSWD);
    Path link = Files.createSymbolicLink(dir.resolve("s.yaml"), secret);
    ScenarioError e = onlyError(load(link));
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.message()).contains("but this one is text");
    assertThat(e.toString()).doesNotContain("root", "daemon", "alice", "/bin");
  }

  @Test
  void otherNonScenarioFilesAreNotQuotedEither() {
    List<String> secrets =
        List.of(
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
                + "-----END OPENSSH PRIVATE KEY-----\n",
            "[default]\naws_secret_access_key = wJalrXUtnFEMIK7MDENG\n",
            "!hunter2tag!x hunter2\n",
            "\"hunter2 unterminated\n",
            "- hunter2\n- hunter3\n",
            "42\n");
    for (String text : secrets) {
      LoadResult r = parse(text);
      assertThat(r.ok()).isFalse();
      assertThat(messages(r))
          .as("errors for %s", text)
          .doesNotContain("hunter", "wJalr", "aws_", "b3Blbn", "OPENSSH", "42");
    }
  }

  @Test
  void aScenarioWithASyntaxErrorStillGetsTheParsersReason() {
    LoadResult r = parse(goodWith("pct: -8", "pct: \"\\q\""));
    assertThat(onlyError(r).message()).startsWith("invalid YAML: found unknown escape character");
  }

  @Test
  void theSizeLimitIsCheckedBeforeReading() throws IOException {
    Path f = dir.resolve("big.yaml");
    Files.writeString(f, goodWith("description: |", "description: " + "x".repeat(3_000_000)));
    long t0 = System.nanoTime();
    ScenarioError e = onlyError(load(f));
    assertThat(e.message())
        .startsWith("the file is 2.9 MiB (3,")
        .contains("the limit is 1 MiB (1,048,576 bytes)");
    assertThat((System.nanoTime() - t0) / 1e9).as("seconds").isLessThan(1.0);
  }

  @Test
  void aDescriptionIsAtMostTwentyThousandCharacters() {
    String ok = "x".repeat(20_000);
    String block = "description: |\n  One calm trading day.\n";
    assertThat(parse(goodWith(block, "description: " + ok + "\n")).ok()).isTrue();
    ScenarioError e = onlyError(parse(goodWith(block, "description: " + ok + "x\n")));
    assertThat(e.path()).isEqualTo("description");
    assertThat(e.message()).isEqualTo("is 20001 characters long; at most 20000 are allowed");
  }

  @Test
  void otherStringsAreAtMostFiveHundredCharacters() {
    String label = "x".repeat(500 + 1);
    ScenarioError e = onlyError(parse(goodWith("label: NVDA earnings miss", "label: " + label)));
    assertThat(e.path()).isEqualTo("shocks[0].label");
    assertThat(e.message()).isEqualTo("is 501 characters long; at most 500 are allowed");
    assertThat(parse(goodWith("label: NVDA earnings miss", "label: " + label.substring(1))).ok())
        .isTrue();
  }

  @Test
  void keysAreAtMostTwoHundredCharacters() {
    String key = "k".repeat(200 + 1);
    ScenarioError e = onlyError(parse(goodWith("seed: 7\n", "seed: 7\n" + key + ": 1\n")));
    assertThat(e.message()).startsWith("a key of 201 characters; keys are at most 200");
    assertThat(e.toString().length()).isLessThan(200);
  }

  @Test
  void aLineLongerThan32KiBIsRefusedBeforeParsing() {
    String text = goodWith("label: NVDA earnings miss", "label: " + "x".repeat(40_000));
    ScenarioError e = onlyError(parse(text));
    assertThat(e.line()).isEqualTo(ScenarioLoaderTest.at(text, "label: xxx")[0]);
    assertThat(e.column()).isEqualTo(32_769);
    assertThat(e.message())
        .isEqualTo(
            "the line is 40,011 characters long; lines are at most 32,768 (write a long"
                + " description as a block: description: |)");
  }
}
