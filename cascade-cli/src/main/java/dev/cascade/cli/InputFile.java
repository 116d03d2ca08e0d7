package dev.cascade.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file the user named as an input (a chain, a price history): read only if it is a regular file.
 * A symbolic link is followed, since the user named it; a named pipe would block the reader until a
 * writer came, and a device would never end, so both are refused before anything opens them.
 */
final class InputFile {
  private InputFile() {}

  /** Null if {@code file} is a readable regular file, else why not, e.g. "is a directory". */
  static String problem(Path file) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return "no such file";
    } catch (AccessDeniedException e) {
      return "permission denied";
    } catch (IOException e) {
      return "cannot be read: " + e.getMessage();
    }
    if (a.isDirectory()) {
      return "is a directory, not a file";
    }
    if (!a.isRegularFile()) {
      return "is not a regular file (a pipe, socket or device?)";
    }
    return null;
  }
}
