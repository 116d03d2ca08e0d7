package dev.cascade.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
  private final FileChannel channel;
  private final FileLock lock;
  private final Map<String, Boolean> found;
  private boolean closed;

  private EvaluationLog(Path dir, FileChannel channel, FileLock lock, Map<String, Boolean> found) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
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
    try {
      Path parent = dir.getParent();
      Files.createDirectories(parent);
      Path temp =
          Files.createTempDirectory(
              parent, ".tmp-" + dir.getFileName() + "-" + ProcessHandle.current().pid() + "-");
      Path owner = temp.resolve(OutputDirectory.OWNER_FILE);
      Files.writeString(owner, OutputDirectory.Owner.current().line());
      Files.writeString(temp.resolve(PartialRun.EXPERIMENT), e.text(), StandardCharsets.UTF_8);
      Files.writeString(temp.resolve(FILE), HEADER + "\n", StandardCharsets.UTF_8);
      Files.delete(owner);
      try {
        Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException x) {
        Files.move(temp, dir);
      }
    } catch (IOException x) {
      throw CliFailure.io(dir, x);
    }
    return reopen(dir);
  }

  private static EvaluationLog reopen(Path dir) {
    Path f = dir.resolve(FILE);
    FileChannel ch = null;
    try {
      ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException x) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw CliFailure.usage(dir + " is in use by another Cascade process; wait for it to end");
      }
      String text = Files.readString(f, StandardCharsets.UTF_8);
      Map<String, Boolean> found = new HashMap<>();
      long keep = 0;
      int at = 0;
      boolean first = true;
      while (true) {
        int nl = text.indexOf('\n', at);
        if (nl < 0) {
          break;
        }
        String line = text.substring(at, nl);
        if (first) {
          if (!line.equals(HEADER)) {
            break;
          }
          first = false;
        } else {
          int c = line.lastIndexOf(',');
          if (c < 0 || !PartialRun.crc(line.substring(0, c)).equals(line.substring(c + 1))) {
            break;
          }
          String body = line.substring(0, c);
          int b = body.lastIndexOf(',');
          found.put(body.substring(0, b), body.substring(b + 1).equals("1"));
        }
        at = nl + 1;
        keep += line.getBytes(StandardCharsets.UTF_8).length + 1;
      }
      if (first) {
        ch.close();
        throw CliFailure.usage(
            f + " is damaged (no header line); remove " + dir + " to start over");
      }
      ch.truncate(keep);
      ch.position(keep);
      return new EvaluationLog(dir, ch, lock, found);
    } catch (IOException x) {
      try {
        if (ch != null) {
          ch.close();
        }
      } catch (IOException ignored) {
        // Already failing with the first error.
      }
      throw CliFailure.io(f, x);
    }
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
  synchronized void record(String key, boolean breached) {
    if (closed) {
      return;
    }
    String body = key + "," + (breached ? "1" : "0");
    String line = body + "," + PartialRun.crc(body) + "\n";
    try {
      ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
    } catch (IOException x) {
      throw CliFailure.io(dir.resolve(FILE), x);
    }
  }

  Path path() {
    return dir;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // After the last forced write: nothing is lost.
    }
  }

  /** Deletes the directory after the output was committed. */
  void delete(PrintWriter err) {
    close();
    try {
      Files.deleteIfExists(dir.resolve(FILE));
      Files.deleteIfExists(dir.resolve(PartialRun.EXPERIMENT));
      Files.delete(dir);
    } catch (IOException x) {
      err.println("cascade: could not remove " + dir + " (" + CliFailure.reason(x) + ")");
      err.flush();
    }
  }
}
