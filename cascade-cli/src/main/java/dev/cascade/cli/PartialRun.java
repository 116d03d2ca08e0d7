package dev.cascade.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  private final CrcLog log;
  private final Map<Integer, PathOutcome> found;
  private final int instruments;

  private PartialRun(Path dir, CrcLog log, Map<Integer, PathOutcome> found, int n) {
    this.dir = dir;
    this.log = log;
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
    CrcLog.create(dir, e.text(), PATHS, header(e.instruments()));
    return reopen(dir, e);
  }

  private static PartialRun reopen(Path dir, Experiment e) {
    int n = e.instruments().size();
    int jobs = e.seeds() * e.variants().size();
    Map<Integer, PathOutcome> found = new LinkedHashMap<>();
    CrcLog log =
        CrcLog.reopen(
            dir,
            PATHS,
            header(e.instruments()),
            body -> {
              Parsed p = parse(body, n, jobs);
              if (p != null) {
                found.put(p.job(), p.outcome());
              }
              return p != null;
            });
    return new PartialRun(dir, log, found, n);
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
  void record(int job, long seed, int variant, PathOutcome o) {
    StringBuilder b = new StringBuilder();
    b.append(job).append(',').append(seed).append(',').append(variant);
    for (int i = 0; i < instruments; i++) {
      b.append(',').append(o.changePct()[i]).append(',').append(o.maxDrawdownPct()[i]);
    }
    log.append(b.toString());
  }

  /** Stops recording and releases the lock; the directory stays for {@code --resume}. */
  @Override
  public void close() {
    log.close();
  }

  /**
   * Deletes the partial directory after its output was committed: its two files, then the directory
   * if nothing else is in it.
   */
  void delete(PrintWriter err) {
    log.delete(err);
  }

  private record Parsed(int job, PathOutcome outcome) {}

  /** A line's body (its CRC checked already), or null when it is not a path of this run. */
  private static Parsed parse(String body, int instruments, int jobs) {
    String[] w = body.split(",", -1);
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
    return b.append(",crc32").toString();
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
