package dev.cascade.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * The log file of a partial directory ({@link PartialRun} for sweeps and attributions, {@link
 * EvaluationLog} for reverse stress tests): a header line, then one line per record, {@code body,
 * crc32}, appended and forced to disk as each record is made. The directory is created atomically
 * with its {@code experiment.txt} (written as a {@code .tmp-} directory, then renamed); a lock on
 * the log keeps two processes from writing it at once (the operating system releases it when a
 * process dies). On reopening, a line torn by a kill (no newline, or a CRC that does not match) and
 * everything after it are cut off, so their records are made again.
 */
final class CrcLog implements AutoCloseable {
  private final Path dir;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean closed;

  private CrcLog(Path dir, Path file, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** CRC-32 of a line's text, 8 hex digits. */
  static String crc(String s) {
    CRC32 c = new CRC32();
    c.update(s.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", c.getValue());
  }

  /**
   * Creates {@code dir} holding {@code experiment.txt} and the log {@code fileName} with its header
   * line, atomically.
   *
   * @throws CliFailure exit 74 on I/O errors
   */
  static void create(Path dir, String experimentText, String fileName, String header) {
    try {
      Path parent = dir.getParent();
      Files.createDirectories(parent);
      Path temp =
          Files.createTempDirectory(
              parent, ".tmp-" + dir.getFileName() + "-" + ProcessHandle.current().pid() + "-");
      Path owner = temp.resolve(OutputDirectory.OWNER_FILE);
      Files.writeString(owner, OutputDirectory.Owner.current().line());
      Files.writeString(
          temp.resolve(PartialRun.EXPERIMENT), experimentText, StandardCharsets.UTF_8);
      Files.writeString(temp.resolve(fileName), header + "\n", StandardCharsets.UTF_8);
      Files.delete(owner);
      try {
        Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException x) {
        Files.move(temp, dir);
      }
    } catch (IOException x) {
      throw CliFailure.io(dir, x);
    }
  }

  /**
   * Opens the log {@code fileName} of {@code dir}, locked, and reads it: the first line must be
   * {@code header}; each later line whose CRC matches has its body handed to {@code record}, which
   * returns false for a body it cannot use. The log is cut after the last line read.
   *
   * @throws CliFailure exit 2 when another process holds it or it has no header, 74 on I/O errors
   */
  static CrcLog reopen(Path dir, String fileName, String header, Predicate<String> record) {
    Path f = dir.resolve(fileName);
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
      // Bytes, split at '\n' (never part of a longer UTF-8 sequence) and decoded line by line: a
      // line that is not UTF-8 is damaged like any other, not a failure of the whole file.
      byte[] bytes = Files.readAllBytes(f);
      long keep = 0;
      int at = 0;
      boolean first = true;
      while (true) {
        int nl = at;
        while (nl < bytes.length && bytes[nl] != '\n') {
          nl++;
        }
        if (nl >= bytes.length) {
          break;
        }
        String line;
        try {
          line =
              StandardCharsets.UTF_8
                  .newDecoder()
                  .decode(ByteBuffer.wrap(bytes, at, nl - at))
                  .toString();
        } catch (CharacterCodingException x) {
          break; // not text: it and everything after it are made again (or, as the header, refused)
        }
        if (first) {
          if (!line.equals(header)) {
            break;
          }
          first = false;
        } else {
          int c = line.lastIndexOf(',');
          if (c < 0
              || !crc(line.substring(0, c)).equals(line.substring(c + 1))
              || !record.test(line.substring(0, c))) {
            break; // a torn or damaged line: it and everything after it are made again
          }
        }
        keep += nl - at + 1;
        at = nl + 1;
      }
      if (first) {
        ch.close();
        throw CliFailure.usage(
            f + " is damaged (no header line); remove " + dir + " to start over");
      }
      ch.truncate(keep);
      ch.position(keep);
      return new CrcLog(dir, f, ch, lock);
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

  /** Appends {@code body} and its CRC as one line and forces it to disk; nothing once closed. */
  synchronized void append(String body) {
    if (closed) {
      return;
    }
    String line = body + ',' + crc(body) + '\n';
    try {
      ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
    } catch (IOException x) {
      throw CliFailure.io(file, x);
    }
  }

  /** Stops appending and releases the lock; the directory stays for {@code --resume}. */
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

  /**
   * Deletes the directory after its output was committed: the log and experiment.txt, then the
   * directory if nothing else is in it.
   */
  void delete(PrintWriter err) {
    close();
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir.resolve(PartialRun.EXPERIMENT));
      Files.delete(dir);
    } catch (IOException x) {
      err.println("cascade: could not remove " + dir + " (" + CliFailure.reason(x) + ")");
      err.flush();
    }
  }
}
