package dev.cascade.report;

import java.nio.file.Path;

/**
 * A run directory that cannot be reported: a missing file, a malformed CSV row, an unreadable
 * summary. The message is located ({@code file:line: what is wrong}) and meant for the user as is.
 */
public final class RunDataException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Path file;
  private final int line;

  /**
   * @param file the file at fault
   * @param line 1-based line, or 0 when the fault is the file as a whole
   * @param message what is wrong, and where useful how to fix it
   */
  public RunDataException(Path file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }

  /** The 1-based line at fault, or 0 for the whole file. */
  public int line() {
    return line;
  }
}
