package dev.cascade.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory someone hands over cannot make the report embed a file from outside it: files
 * that are symbolic links are refused by name, dangling or not, and nothing is written.
 */
class RunDirectoryLinksTest {
  static final String SECRET = "root:x:0:0:root:/root:/bin/bash\nsecret-token-4711\n";

  @TempDir Path tmp;

  /** A synthetic run whose {@code name} is replaced by a link to a secret file outside it. */
  private Path runWithLink(String name) throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET);
    Path run = SyntheticRun.write(tmp.resolve("run"), 2, 0.05, 60);
    Files.deleteIfExists(run.resolve(name));
    Files.createSymbolicLink(run.resolve(name), secret);
    return run;
  }

  private static void refused(Path run, String name) {
    assertThatThrownBy(() -> HtmlReport.write(run))
        .isInstanceOf(RunDataException.class)
        .hasMessage(
            run.resolve(name)
                + ": is a symbolic link; a run directory's files are read only as regular files"
                + " inside it, so that no link can bring in a file from elsewhere");
    assertThat(run.resolve(HtmlReport.FILE)).doesNotExist();
  }

  @Test
  void aScenarioLinkedToAFileOutsideTheRunIsRefusedNotEmbedded() throws Exception {
    refused(runWithLink(RunData.SCENARIO), RunData.SCENARIO);
  }

  @Test
  void everyFileTheReportReadsIsRefusedAsALink() throws Exception {
    for (String name : List.of(RunData.SUMMARY, RunData.BARS, RunData.DEPTH, RunData.HALTS)) {
      Path run = runWithLink(name);
      refused(run, name);
      deleteRecursively(run);
    }
  }

  @Test
  void aLinkedParquetTableIsRefusedToo() throws Exception {
    Path run = runWithLink(RunData.BARS);
    Files.delete(run.resolve(RunData.BARS));
    Files.createSymbolicLink(run.resolve("bars-1m.parquet"), tmp.resolve("secret.txt"));
    refused(run, "bars-1m.parquet");
  }

  @Test
  void aDanglingLinkIsAnErrorNotAMissingSection() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"), 2, 0.05, 60);
    Files.delete(run.resolve(RunData.HALTS));
    Files.createSymbolicLink(run.resolve(RunData.HALTS), tmp.resolve("nowhere.csv"));
    refused(run, RunData.HALTS);
  }

  @Test
  void theRunDirectoryItselfMayBeReachedThroughALink() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"), 2, 0.05, 60);
    Path link = Files.createSymbolicLink(tmp.resolve("link"), run);
    assertThat(HtmlReport.write(link)).exists();
  }

  @Test
  void anOversizedScenarioCopyIsRefused() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"), 2, 0.05, 60);
    Files.writeString(run.resolve(RunData.SCENARIO), "#".repeat((1 << 20) + 1));
    assertThatThrownBy(() -> HtmlReport.write(run))
        .isInstanceOf(RunDataException.class)
        .hasMessageContaining("scenario.yaml: is larger than 1,048,576 bytes");
  }

  private static void deleteRecursively(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
