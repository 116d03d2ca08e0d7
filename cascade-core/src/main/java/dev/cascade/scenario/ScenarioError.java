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
    // a file's own text is echoed in paths and messages: its control characters (an escape
    // sequence could clear a terminal or retitle its window) are shown as backslash-u escapes
    file = visible(file);
    path = visible(path);
    message = visible(message);
  }

  /**
   * {@code s} with each control character other than a line break written as a backslash-u escape.
   */
  static String visible(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) && c != '\n') {
        if (b == null) {
          b = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /** {@code file:line:column: path: message}; the path part is left out when it is empty. */
  @Override
  public String toString() {
    String where = file + ":" + line + ":" + column + ": ";
    return path.isEmpty() ? where + message : where + path + ": " + message;
  }
}
