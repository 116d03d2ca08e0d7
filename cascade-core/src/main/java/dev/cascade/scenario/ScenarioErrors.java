package dev.cascade.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The errors found so far in one file; a loader adds to it and never stops at the first. */
final class ScenarioErrors {
  /** Beyond this, more errors only bury the first ones (a binary file, a fuzzed file). */
  static final int MAX_ERRORS = 500;

  private final String file;
  private final List<ScenarioError> errors = new ArrayList<>();
  private boolean truncated;

  ScenarioErrors(String file) {
    this.file = file;
  }

  void add(int line, int column, String path, String message) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(new ScenarioError(file, Math.max(0, line), Math.max(0, column), path, message));
    } else {
      truncated = true;
    }
  }

  /** An error located at a node, or at the file (0:0) if there is no node. */
  void at(YamlNode node, String path, String message) {
    if (node == null) {
      add(0, 0, path, message);
    } else {
      add(node.line(), node.column(), path, message);
    }
  }

  int count() {
    return errors.size();
  }

  /** Every error, by line then column (file-level errors first). */
  List<ScenarioError> sorted() {
    List<ScenarioError> out = new ArrayList<>(errors);
    out.sort(Comparator.comparingInt(ScenarioError::line).thenComparingInt(ScenarioError::column));
    if (truncated) {
      out.add(
          new ScenarioError(
              file, 0, 0, "", "too many errors; only the first " + MAX_ERRORS + " are shown"));
    }
    return out;
  }
}
