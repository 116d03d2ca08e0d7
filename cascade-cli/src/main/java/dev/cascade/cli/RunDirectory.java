package dev.cascade.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A run directory written atomically: files go into a hidden temporary directory beside the target,
 * which is renamed into place only when everything is written. A crash leaves a {@code .tmp-}
 * directory, never a half-written run that looks complete. An existing run at the target is
 * replaced.
 */
final class RunDirectory {
  private final Path target;
  private final Path temp;

  private RunDirectory(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
  }

  static RunDirectory create(Path target) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, ".tmp-" + abs.getFileName() + "-");
    return new RunDirectory(abs, temp);
  }

  /** Where to write a file now. */
  Path file(String name) {
    return temp.resolve(name);
  }

  /** The temporary directory being written. */
  Path path() {
    return temp;
  }

  Path target() {
    return target;
  }

  /** Moves the finished run into place, replacing any previous run there. */
  Path commit() throws IOException {
    // Temporary directories are created private (rwx------); a finished run is as readable as
    // any directory the user makes.
    if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(target.getParent(), ".old-" + target.getFileName() + "-");
      Files.delete(old);
      move(target, old);
    }
    move(temp, target);
    if (old != null) {
      deleteRecursively(old);
    }
    return target;
  }

  /** Deletes the temporary directory after a failure. */
  void abandon() {
    try {
      deleteRecursively(temp);
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a leftover .tmp- directory is recognisably incomplete.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
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
}
