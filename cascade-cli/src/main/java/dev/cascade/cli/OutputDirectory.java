package dev.cascade.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one owner of Cascade's rule for output directories; every command that writes a directory
 * ({@code run}, {@code sweep}, {@code attribute}) goes through it, and {@code report} goes through
 * {@link #checkFileInRun} for the one file it adds.
 *
 * <p>The rule. Cascade creates what does not exist. It writes into an empty directory. It replaces
 * a directory only when it can prove it wrote that directory itself — a {@link RunMarker} listing
 * every file with its size and SHA-256, all unchanged — and only when asked ({@code --force}).
 * Anything else is refused before any work starts, with exit 2 and one line saying what is there: a
 * regular file, a symbolic link, a directory Cascade did not write (or whose files changed since),
 * the working directory or any of its parents, the home directory or its parents, a directory
 * holding {@code .git}, an empty path.
 *
 * <p>Atomicity. Files are written into a hidden temporary directory beside the target, named {@code
 * .tmp-<name>-<pid>-<random>} and holding an owner file with the writing process's id and start
 * time; the marker is written last and the directory renamed into place. A crash leaves a {@code
 * .tmp-} directory, never a half-written run that looks complete; SIGINT and SIGTERM remove it on
 * the way out, and the next command writing into the same parent removes any whose owner process is
 * gone ({@code kill -9}), saying so.
 */
final class OutputDirectory {
  /** Names the writing process inside a temporary directory; removed before the rename. */
  static final String OWNER_FILE = ".cascade-owner";

  private static final String TEMP_PREFIX = ".tmp-";
  private static final String OLD_PREFIX = ".old-";

  private final Path target;
  private final Path temp;
  private final boolean force;
  private final String command;
  private final Thread cleanupOnSignal;
  private boolean done;

  private OutputDirectory(Path target, Path temp, boolean force, String command) {
    this.target = target;
    this.temp = temp;
    this.force = force;
    this.command = command;
    this.cleanupOnSignal = new Thread(this::abandon, "cascade-output-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnSignal);
  }

  /**
   * Checks {@code requested} against the rule and opens a temporary directory beside it.
   *
   * @param requested the directory the user asked for (or the command's default)
   * @param force whether a directory Cascade wrote may be replaced
   * @param command the command's name, for messages
   * @param err where removals of stale temporary directories are reported
   * @throws CliFailure (exit 2) when the rule refuses the target, (exit 74) when it cannot be
   *     written
   */
  static OutputDirectory open(Path requested, boolean force, String command, PrintWriter err) {
    Path target = checkTarget(requested, force);
    Path parent = target.getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw CliFailure.io(parent, e);
    }
    removeStale(parent, err);
    Path temp;
    try {
      temp =
          Files.createTempDirectory(
              parent,
              TEMP_PREFIX + target.getFileName() + "-" + ProcessHandle.current().pid() + "-");
      Files.writeString(temp.resolve(OWNER_FILE), Owner.current().line());
    } catch (IOException e) {
      throw CliFailure.io(target, e);
    }
    return new OutputDirectory(target, temp, force, command);
  }

  /**
   * The target as an absolute path, after checking the rule; see the class comment.
   *
   * @throws CliFailure exit 2 naming what is there
   */
  static Path checkTarget(Path requested, boolean force) {
    if (requested.toString().isBlank()) {
      throw CliFailure.usage("the output directory is empty; give a directory name");
    }
    Path target = requested.toAbsolutePath().normalize();
    if (target.getParent() == null) {
      throw CliFailure.usage(requested + " is the filesystem root; give a directory of its own");
    }
    if (Files.isSymbolicLink(target)) {
      throw CliFailure.usage(requested + " is a symbolic link; give a directory of its own");
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return target;
    }
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw CliFailure.usage(
          requested + " is a file, not a directory; Cascade does not replace it");
    }
    Path real;
    try {
      real = target.toRealPath();
    } catch (IOException e) {
      throw CliFailure.io(target, e);
    }
    Path cwd = realOrSelf(Path.of("").toAbsolutePath());
    if (cwd.startsWith(real)) {
      throw CliFailure.usage(
          requested
              + (cwd.equals(real) ? " is the working directory" : " holds the working directory")
              + "; Cascade never replaces it");
    }
    Path home = realOrSelf(Path.of(System.getProperty("user.home")));
    if (home.startsWith(real)) {
      throw CliFailure.usage(
          requested
              + (home.equals(real) ? " is the home directory" : " holds the home directory")
              + "; Cascade never replaces it");
    }
    if (Files.exists(real.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
      throw CliFailure.usage(requested + " holds a .git repository; Cascade never replaces it");
    }
    if (isEmptyDirectory(real)) {
      return target;
    }
    Optional<RunMarker> marker = RunMarker.read(real);
    if (marker.isEmpty()) {
      throw CliFailure.usage(
          requested
              + " exists and is not a directory Cascade wrote (no "
              + RunMarker.FILE
              + "); choose another --out, or move it away");
    }
    List<String> changed = marker.get().differences(real);
    if (!changed.isEmpty()) {
      throw CliFailure.usage(
          requested
              + " was written by Cascade but has changed since ("
              + String.join(", ", changed.subList(0, Math.min(3, changed.size())))
              + (changed.size() > 3 ? ", ..." : "")
              + "); Cascade does not replace it");
    }
    if (!force) {
      throw CliFailure.usage(
          requested
              + " holds a previous Cascade "
              + marker.get().command()
              + " ("
              + marker.get().id()
              + "); --force replaces it");
    }
    return target;
  }

  /**
   * Checks that Cascade may write the file {@code name} into the existing output directory {@code
   * dir} (the report into a run): where nothing is, or over a file that the directory's marker
   * lists unchanged, with {@code force}.
   *
   * @return the directory's marker when it still proves the whole directory Cascade's, so that the
   *     caller can rewrite it to list the new file; empty otherwise
   * @throws CliFailure exit 2 naming what is there
   */
  static Optional<RunMarker> checkFileInRun(Path dir, String name, boolean force) {
    Path file = dir.resolve(name);
    Optional<RunMarker> marker = RunMarker.read(dir);
    boolean intact = marker.isPresent() && marker.get().differences(dir).isEmpty();
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return intact ? marker : Optional.empty();
    }
    if (!intact || !marker.get().files().containsKey(name)) {
      throw CliFailure.usage(
          file
              + " exists and Cascade cannot prove it wrote it (no "
              + RunMarker.FILE
              + " listing it unchanged); move it away first");
    }
    if (!force) {
      throw CliFailure.usage(file + " exists, written by Cascade; --force replaces it");
    }
    return marker;
  }

  /** Where to write a file now. */
  Path file(String name) {
    return temp.resolve(name);
  }

  /** The temporary directory being written. */
  Path path() {
    return temp;
  }

  /** Where the directory will be once committed. */
  Path target() {
    return target;
  }

  /**
   * Writes the marker, checks the target again (something may have appeared there during the run)
   * and moves the finished directory into place, replacing a previous Cascade directory there.
   */
  Path commit() {
    try {
      Files.delete(temp.resolve(OWNER_FILE));
      RunMarker.write(temp, command);
      // Temporary directories are created private (rwx------); a finished run is as readable as
      // any directory the user makes.
      if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    } catch (IOException e) {
      throw CliFailure.io(temp, e);
    }
    try {
      checkTarget(target, force);
    } catch (CliFailure refused) {
      throw new CliFailure(
          refused.exitCode(),
          refused.getMessage()
              + " (it appeared during the run; the finished output is in "
              + temp
              + ")");
    }
    Path old = null;
    try {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(target)) {
        old =
            Files.createTempDirectory(
                target.getParent(),
                OLD_PREFIX + target.getFileName() + "-" + ProcessHandle.current().pid() + "-");
        Files.writeString(old.resolve(OWNER_FILE), Owner.current().line());
        // The old directory is moved inside the owned one, so that a crash between here and the
        // deletion below leaves something the next run recognises and removes.
        move(target, old.resolve("previous"));
      }
      move(temp, target);
    } catch (IOException e) {
      throw CliFailure.io(target, e);
    }
    done = true;
    removeHook();
    org.slf4j.LoggerFactory.getLogger(OutputDirectory.class)
        .info("{} wrote {}{}", command, target, old == null ? "" : " (replacing what it held)");
    if (old != null) {
      deleteQuietly(old);
    }
    return target;
  }

  /** Deletes the temporary directory after a failure; does nothing once committed. */
  synchronized void abandon() {
    if (done) {
      return;
    }
    done = true;
    deleteQuietly(temp);
    if (Thread.currentThread() != cleanupOnSignal) {
      removeHook();
    }
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupOnSignal);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting; the hook runs or has run and finds nothing to do.
    }
  }

  /**
   * Removes temporary directories in {@code parent} that a killed Cascade process left behind:
   * those whose owner file names a process that is gone. Directories without an owner file, or
   * owned by a live process, are left alone.
   */
  static void removeStale(Path parent, PrintWriter err) {
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, ".{tmp,old}-*")) {
      for (Path p : entries) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        Optional<Owner> owner = Owner.read(p.resolve(OWNER_FILE));
        if (owner.isPresent() && !owner.get().alive()) {
          stale.add(p);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return; // Only a courtesy: an unreadable parent is reported when the run writes to it.
    }
    for (Path p : stale) {
      if (deleteQuietly(p)) {
        err.println("cascade: removed " + p + ", left behind by a Cascade process that was killed");
        err.flush();
      }
    }
  }

  static boolean isEmptyDirectory(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean deleteQuietly(Path dir) {
    try {
      deleteRecursively(dir);
      return true;
    } catch (IOException | UncheckedIOException e) {
      return false; // A leftover .tmp- directory is recognisably incomplete and removed later.
    }
  }

  /** Deletes a directory tree without following symbolic links. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** The process that owns a temporary directory: its id and start time (pids are reused). */
  record Owner(long pid, String started) {
    static Owner current() {
      ProcessHandle me = ProcessHandle.current();
      return new Owner(me.pid(), startOf(me));
    }

    String line() {
      return "pid " + pid + " started " + started + "\n";
    }

    boolean alive() {
      Optional<ProcessHandle> h = ProcessHandle.of(pid);
      return h.isPresent() && h.get().isAlive() && startOf(h.get()).equals(started);
    }

    static Optional<Owner> read(Path file) {
      try {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 256) {
          return Optional.empty();
        }
        String[] w = Files.readString(file).trim().split(" ");
        if (w.length != 4 || !w[0].equals("pid") || !w[2].equals("started")) {
          return Optional.empty();
        }
        return Optional.of(new Owner(Long.parseLong(w[1]), w[3]));
      } catch (IOException | NumberFormatException | UncheckedIOException e) {
        return Optional.empty();
      }
    }

    private static String startOf(ProcessHandle h) {
      return h.info().startInstant().map(Object::toString).orElse("unknown");
    }
  }
}
