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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The finished paths of a sweep or an attribution that is still running or was stopped: {@code
 * <out>.partial}, a directory beside the output directory, so that a stopped command loses at most
 * the paths it had in flight and {@code --resume} runs only the rest.
 *
 * <p>It holds two files. {@code experiment.txt} defines the random experiment: the command,
 * Cascade's version, the scenario's name and the SHA-256 of its text, the seeds and the variants
 * (what each leaves out), the instruments. {@code paths.csv} has one line per finished path,
 * appended and forced to disk as the path finishes: its job index, seed, variant, then the change
 * and the max drawdown of each instrument in percent (shortest decimal text that reads back as the
 * same double), then a CRC-32 of the line. A line torn by a kill (no newline, or a CRC that does
 * not match) is dropped on resume and its path run again.
 *
 * <p>Rules. The partial directory is created atomically (written as a {@code .tmp-} directory, then
 * renamed). Without {@code --resume}, an existing one is refused (exit 2) with the way on; with it,
 * the experiment must match exactly, else exit 2 saying what differs. A lock on {@code paths.csv}
 * keeps two processes from writing it at once; the operating system releases it when a process
 * dies. Once the output directory is committed, the partial directory is deleted. Anything at
 * {@code <out>.partial} that is not such a directory is refused and never touched.
 */
final class PartialRun implements AutoCloseable {
  /** Appended to the output directory's name. */
  static final String SUFFIX = ".partial";

  static final String EXPERIMENT = "experiment.txt";
  static final String PATHS = "paths.csv";
  private static final String HEADER = "cascade-partial 1";

  private final Path dir;
  private final FileChannel paths;
  private final FileLock lock;
  private final Map<Integer, PathOutcome> found;
  private final int instruments;
  private boolean closed;

  private PartialRun(
      Path dir, FileChannel paths, FileLock lock, Map<Integer, PathOutcome> found, int n) {
    this.dir = dir;
    this.paths = paths;
    this.lock = lock;
    this.found = found;
    this.instruments = n;
  }

  /**
   * The definition of a random experiment: two runs with equal definitions give the same path for
   * the same job index.
   *
   * @param command sweep or attribute
   * @param scenario the scenario's name
   * @param scenarioSha256 SHA-256 of the scenario file's text, hex
   * @param firstSeed first seed
   * @param seeds seeds per variant
   * @param variants what each variant leaves out, names sorted and comma-separated ("-" for none)
   * @param instruments symbols in instrument order
   */
  record Experiment(
      String command,
      String scenario,
      String scenarioSha256,
      long firstSeed,
      int seeds,
      List<String> variants,
      List<String> instruments) {

    /** Cascade's version, as {@code cascade --version} prints it. */
    static String version() {
      return Main.class.getAnnotation(picocli.CommandLine.Command.class).version()[0];
    }

    static String sha256(String text) {
      try {
        return HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }

    /** The lines of experiment.txt, key then value. */
    Map<String, String> fields() {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("command", command);
      f.put("version", version());
      f.put("scenario", scenario);
      f.put("scenario-sha256", scenarioSha256);
      f.put("first-seed", Long.toString(firstSeed));
      f.put("seeds", Integer.toString(seeds));
      for (int v = 0; v < variants.size(); v++) {
        f.put("variant " + v, variants.get(v));
      }
      f.put("instruments", String.join(",", instruments));
      return f;
    }

    String text() {
      StringBuilder b = new StringBuilder(HEADER).append('\n');
      fields().forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
      return b.toString();
    }
  }

  /** Where the partial directory of {@code target} lives. */
  static Path of(Path target) {
    Path t = target.toAbsolutePath().normalize();
    return t.resolveSibling(t.getFileName() + SUFFIX);
  }

  /**
   * Opens the partial directory of {@code target} for {@code e}: creates it, or with {@code resume}
   * reopens a matching one and reads the paths it holds.
   *
   * @throws CliFailure exit 2 when the rule above refuses, 74 on I/O errors
   */
  static PartialRun open(
      Path target, Experiment e, boolean resume, String command, PrintWriter err) {
    Path dir = of(target);
    String shown = dir.toString();
    if (Files.isSymbolicLink(dir)) {
      throw CliFailure.usage(shown + " is a symbolic link; Cascade does not use it, move it away");
    }
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw CliFailure.usage(shown + " is a file, not an unfinished Cascade " + command);
      }
      Map<String, String> had = read(dir.resolve(EXPERIMENT));
      if (had == null) {
        throw CliFailure.usage(
            shown
                + " exists and is not an unfinished Cascade "
                + command
                + " (no readable "
                + EXPERIMENT
                + "); move it away");
      }
      if (!resume) {
        throw CliFailure.usage(
            shown
                + " holds an unfinished "
                + had.getOrDefault("command", command)
                + " ("
                + countLines(dir.resolve(PATHS))
                + " paths done): --resume continues it, or remove it to start over");
      }
      List<String> diff = differences(had, e.fields());
      if (!diff.isEmpty()) {
        throw CliFailure.usage(
            "--resume: "
                + shown
                + " was started for a different experiment ("
                + String.join("; ", diff)
                + "): resume with the same scenario file and flags, or remove it to start over");
      }
      return reopen(dir, e);
    }
    if (resume) {
      err.println("cascade " + command + ": nothing to resume at " + shown + "; starting afresh");
      err.flush();
    }
    return create(dir, e);
  }

  private static PartialRun create(Path dir, Experiment e) {
    Path parent = dir.getParent();
    Path temp;
    try {
      Files.createDirectories(parent);
      temp =
          Files.createTempDirectory(
              parent, ".tmp-" + dir.getFileName() + "-" + ProcessHandle.current().pid() + "-");
      Path owner = temp.resolve(OutputDirectory.OWNER_FILE);
      Files.writeString(owner, OutputDirectory.Owner.current().line());
      Files.writeString(temp.resolve(EXPERIMENT), e.text(), StandardCharsets.UTF_8);
      Files.writeString(temp.resolve(PATHS), header(e.instruments()), StandardCharsets.UTF_8);
      Files.delete(owner);
      try {
        Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException x) {
        Files.move(temp, dir);
      }
    } catch (IOException x) {
      throw CliFailure.io(dir, x);
    }
    return reopen(dir, e);
  }

  private static PartialRun reopen(Path dir, Experiment e) {
    Path f = dir.resolve(PATHS);
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
      byte[] bytes = Files.readAllBytes(f);
      String text = new String(bytes, StandardCharsets.UTF_8);
      int n = e.instruments().size();
      Map<Integer, PathOutcome> found = new LinkedHashMap<>();
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
          if (!line.equals(header(e.instruments()).strip())) {
            break;
          }
          first = false;
        } else {
          Parsed p = parse(line, n, e.seeds() * e.variants().size());
          if (p == null) {
            break; // a torn or damaged line: it and everything after it are run again
          }
          found.put(p.job(), p.outcome());
        }
        at = nl + 1;
        keep = line.getBytes(StandardCharsets.UTF_8).length + 1 + keep;
      }
      if (first) {
        ch.close();
        throw CliFailure.usage(
            f + " is damaged (no header line); remove " + dir + " to start over");
      }
      ch.truncate(keep);
      ch.position(keep);
      return new PartialRun(dir, ch, lock, found, n);
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

  /** The outcomes already on disk, by job index. */
  Map<Integer, PathOutcome> found() {
    return found;
  }

  /** Where it is. */
  Path path() {
    return dir;
  }

  /**
   * Appends a finished path and forces it to disk. Does nothing once closed: a path finishing after
   * the command stopped is not recorded, as if the process had been killed.
   */
  synchronized void record(int job, long seed, int variant, PathOutcome o) {
    if (closed) {
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append(job).append(',').append(seed).append(',').append(variant);
    for (int i = 0; i < instruments; i++) {
      b.append(',').append(o.changePct()[i]).append(',').append(o.maxDrawdownPct()[i]);
    }
    String body = b.toString();
    String line = body + ',' + crc(body) + '\n';
    try {
      ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        paths.write(buf);
      }
      paths.force(false);
    } catch (IOException x) {
      throw CliFailure.io(dir.resolve(PATHS), x);
    }
  }

  /** Stops recording and releases the lock; the directory stays for {@code --resume}. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
      paths.close();
    } catch (IOException ignored) {
      // Closing after the last forced write: nothing is lost.
    }
  }

  /**
   * Deletes the partial directory after its output was committed: its two files, then the directory
   * if nothing else is in it.
   */
  void delete(PrintWriter err) {
    close();
    try {
      Files.deleteIfExists(dir.resolve(PATHS));
      Files.deleteIfExists(dir.resolve(EXPERIMENT));
      Files.delete(dir);
    } catch (IOException x) {
      err.println("cascade: could not remove " + dir + " (" + CliFailure.reason(x) + ")");
      err.flush();
    }
  }

  private record Parsed(int job, PathOutcome outcome) {}

  private static Parsed parse(String line, int instruments, int jobs) {
    int comma = line.lastIndexOf(',');
    if (comma < 0 || !crc(line.substring(0, comma)).equals(line.substring(comma + 1))) {
      return null;
    }
    String[] w = line.substring(0, comma).split(",", -1);
    if (w.length != 3 + 2 * instruments) {
      return null;
    }
    try {
      int job = Integer.parseInt(w[0]);
      if (job < 0 || job >= jobs) {
        return null;
      }
      double[] ch = new double[instruments];
      double[] dd = new double[instruments];
      for (int i = 0; i < instruments; i++) {
        ch[i] = Double.parseDouble(w[3 + 2 * i]);
        dd[i] = Double.parseDouble(w[4 + 2 * i]);
      }
      return new Parsed(job, new PathOutcome(ch, dd));
    } catch (NumberFormatException x) {
      return null;
    }
  }

  private static String header(List<String> instruments) {
    StringBuilder b = new StringBuilder("job,seed,variant");
    for (String s : instruments) {
      b.append(',').append(s).append(".changePct,").append(s).append(".maxDrawdownPct");
    }
    return b.append(",crc32\n").toString();
  }

  static String crc(String s) {
    CRC32 c = new CRC32();
    c.update(s.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", c.getValue());
  }

  /** The fields of experiment.txt, or null when it is missing or not one. */
  static Map<String, String> read(Path f) {
    try {
      if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) > 1 << 20) {
        return null;
      }
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        return null;
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (String l : lines.subList(1, lines.size())) {
        int colon = l.indexOf(": ");
        if (colon < 0) {
          return null;
        }
        m.put(l.substring(0, colon), l.substring(colon + 2));
      }
      return m;
    } catch (IOException | RuntimeException x) {
      return null;
    }
  }

  static List<String> differences(Map<String, String> had, Map<String, String> now) {
    List<String> d = new ArrayList<>();
    for (Map.Entry<String, String> e : now.entrySet()) {
      String was = had.get(e.getKey());
      if (!e.getValue().equals(was)) {
        d.add(
            e.getKey().equals("scenario-sha256")
                ? "the scenario file's text differs"
                : e.getKey()
                    + " "
                    + e.getValue()
                    + " now, "
                    + (was == null ? "none" : was)
                    + " then");
      }
    }
    for (String k : had.keySet()) {
      if (!now.containsKey(k)) {
        d.add(k + " " + had.get(k) + " then, none now");
      }
    }
    return d;
  }

  private static long countLines(Path f) {
    try (var lines = Files.lines(f, StandardCharsets.UTF_8)) {
      return Math.max(0, lines.count() - 1);
    } catch (IOException | RuntimeException x) {
      return 0;
    }
  }
}
