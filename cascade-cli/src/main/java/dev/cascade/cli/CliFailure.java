package dev.cascade.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A failure the user can act on, raised anywhere in a command and printed by {@link Main} as one
 * line, {@code cascade <command>: <message>}, with its exit code and no Java frames: 2 for input or
 * a refused output, 74 (EX_IOERR) for an input or output path the operating system will not read or
 * write.
 */
final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code of a refused input or output. */
  static final int USAGE = 2;

  /** Exit code of an I/O error on a path (EX_IOERR in sysexits.h). */
  static final int IO = 74;

  private final int exitCode;

  CliFailure(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  static CliFailure usage(String message) {
    return new CliFailure(USAGE, message);
  }

  /** An I/O error on {@code path}, with the operating system's reason. */
  static CliFailure io(Path path, IOException e) {
    String why = reason(e);
    String self = path + ": ";
    return new CliFailure(
        IO,
        "cannot write "
            + path
            + ": "
            + (why.startsWith(self) ? why.substring(self.length()) : why));
  }

  int exitCode() {
    return exitCode;
  }

  /**
   * The operating system's reason for an I/O error, in words, without Java class names: {@link
   * FileSystemException} carries it as {@code getReason()}, or only in its type.
   */
  static String reason(Throwable t) {
    Throwable e = t instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : t;
    if (e instanceof FileSystemException f) {
      String why = f.getReason();
      if (why != null && !why.isBlank()) {
        return where(f) + why;
      }
      if (f instanceof AccessDeniedException) {
        return where(f) + "permission denied";
      }
      if (f instanceof NoSuchFileException) {
        return where(f) + "no such file or directory";
      }
      if (f instanceof FileAlreadyExistsException) {
        // creating a/b where a is a file names a: the problem is that it is no directory
        boolean notDir =
            f.getFile() != null
                && java.nio.file.Files.exists(java.nio.file.Path.of(f.getFile()))
                && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(f.getFile()));
        return where(f) + (notDir ? "exists and is not a directory" : "already exists");
      }
      if (f instanceof NotDirectoryException) {
        return where(f) + "not a directory";
      }
      if (f instanceof DirectoryNotEmptyException) {
        return where(f) + "directory not empty";
      }
      return where(f) + "file system error";
    }
    if (e instanceof java.nio.charset.CharacterCodingException) {
      // the decoder's own words ("Input length = 1") say nothing to a user
      return "not UTF-8 text";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "input/output error" : m;
  }

  private static String where(FileSystemException f) {
    return f.getFile() == null ? "" : f.getFile() + ": ";
  }
}
