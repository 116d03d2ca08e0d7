package dev.cascade.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluations of a reverse stress test that is running or was stopped: {@code <out>.partial},
 * as for sweeps ({@link PartialRun}, whose rules it keeps: created atomically, refused without
 * {@code --resume}, the experiment must match to resume, locked while in use, deleted once the
 * output is committed). {@code experiment.txt} defines the experiment; {@code evaluations.csv}
 * holds one line per simulated (seed, scale, what was left out): whether the path breached, then a
 * CRC-32 of the line. The search is deterministic, so a resumed command asks for the same points in
 * the same order and finds the ones done here; a torn last line is dropped and run again.
 */
final class EvaluationLog implements AutoCloseable {
  static final String FILE = "evaluations.csv";
  private static final String HEADER = "seed,scale,without,breached,crc32";

  private final Path dir;
  private final CrcLog log;
  private final Map<String, Boolean> found;

  private EvaluationLog(Path dir, CrcLog log, Map<String, Boolean> found) {
    this.dir = dir;
    this.log = log;
    this.found = found;
  }

  /** The key of one evaluation. */
  static String key(long seed, double scale, String without) {
    return seed + "," + scale + "," + without;
  }

  /**
   * Opens the log beside {@code target} for {@code e}: creates it, or with {@code resume} reopens a
   * matching one.
   *
   * @throws CliFailure exit 2 when refused, 74 on I/O errors
   */
  static EvaluationLog open(Path target, PartialRun.Experiment e, boolean resume, PrintWriter err) {
    Path dir = PartialRun.of(target);
    String shown = dir.toString();
    if (Files.isSymbolicLink(dir)) {
      throw CliFailure.usage(shown + " is a symbolic link; Cascade does not use it, move it away");
    }
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Map<String, String> had =
          Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
              ? PartialRun.read(dir.resolve(PartialRun.EXPERIMENT))
              : null;
      if (had == null || !Files.isRegularFile(dir.resolve(FILE), LinkOption.NOFOLLOW_LINKS)) {
        throw CliFailure.usage(
            shown + " exists and is not an unfinished Cascade reverse-stress; move it away");
      }
      if (!resume) {
        throw CliFailure.usage(
            shown
                + " holds an unfinished reverse-stress: --resume continues it, or remove it to"
                + " start over");
      }
      List<String> diff = PartialRun.differences(had, e.fields());
      if (!diff.isEmpty()) {
        throw CliFailure.usage(
            "--resume: "
                + shown
                + " was started for a different experiment ("
                + String.join("; ", diff)
                + "): resume with the same scenario file and flags, or remove it to start over");
      }
      return reopen(dir);
    }
    if (resume) {
      err.println("cascade reverse-stress: nothing to resume at " + shown + "; starting afresh");
      err.flush();
    }
    CrcLog.create(dir, e.text(), FILE, HEADER);
    return reopen(dir);
  }

  private static EvaluationLog reopen(Path dir) {
    Map<String, Boolean> found = new HashMap<>();
    CrcLog log =
        CrcLog.reopen(
            dir,
            FILE,
            HEADER,
            body -> {
              int b = body.lastIndexOf(',');
              if (b < 0) {
                return false;
              }
              found.put(body.substring(0, b), body.substring(b + 1).equals("1"));
              return true;
            });
    return new EvaluationLog(dir, log, found);
  }

  /** Evaluations found on disk when it was opened. */
  int resumed() {
    return found.size();
  }

  /** The breach indicator recorded for {@code key}, or null. */
  synchronized Boolean get(String key) {
    return found.get(key);
  }

  /** Appends one evaluation and forces it to disk; nothing once closed. */
  void record(String key, boolean breached) {
    log.append(key + "," + (breached ? "1" : "0"));
  }

  Path path() {
    return dir;
  }

  @Override
  public void close() {
    log.close();
  }

  /** Deletes the directory after the output was committed. */
  void delete(PrintWriter err) {
    log.delete(err);
  }
}
