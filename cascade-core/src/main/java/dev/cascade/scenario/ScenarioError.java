package dev.cascade.scenario;

import java.util.Objects;

/**
 * One thing wrong with a scenario file, located so that an editor can jump to it.
 *
 * @param file the file name as given to the loader
 * @param line 1-based line, or 0 if the problem has no position (e.g. a missing file)
 * @param column 1-based column, or 0 if unknown
 * @param path where in the document, e.g. {@code agents[2].params.spreadBps}; empty for the file as
 *     a whole
 * @param message what is wrong and what was expected, with a suggestion when one is close
 */
public record ScenarioError(String file, int line, int column, String path, String message) {
  public ScenarioError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0");
    }
  }

  /** {@code file:line:column: path: message}; the path part is left out when it is empty. */
  @Override
  public String toString() {
    String where = file + ":" + line + ":" + column + ": ";
    return path.isEmpty() ? where + message : where + path + ": " + message;
  }
}
