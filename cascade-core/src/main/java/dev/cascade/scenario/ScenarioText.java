package dev.cascade.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scenario file's text as read once from disk, or why it could not be read. A command that uses
 * the file more than once (to parse it, then to copy it into its output) works from this text, so
 * the file changing or vanishing while the command runs changes nothing it does or writes.
 *
 * @param fileName the file as named in errors
 * @param text the whole file, decoded from UTF-8; present exactly when there are no errors
 * @param errors why the file could not be read (no such file, not a regular file, too large, not
 *     UTF-8)
 */
public record ScenarioText(String fileName, Optional<String> text, List<ScenarioError> errors) {
  public ScenarioText {
    Objects.requireNonNull(fileName, "fileName");
    errors = List.copyOf(errors);
    if (text.isPresent() == !errors.isEmpty()) {
      throw new IllegalArgumentException("a scenario text has either text or errors");
    }
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
