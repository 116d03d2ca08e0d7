package dev.cascade.scenario;

import java.util.List;
import java.util.Optional;

/**
 * What loading a scenario file produced: the spec if the file is valid, otherwise every error
 * found, in file order.
 *
 * @param spec the scenario, present exactly when there are no errors
 * @param errors every problem found, sorted by line and column
 * @param warnings set-ups that run but are probably not what the author meant (a shock on an
 *     instrument no one trades, a flow larger than its market trades in a day), in file order; only
 *     for a valid file
 */
public record LoadResult(
    Optional<ScenarioSpec> spec, List<ScenarioError> errors, List<ScenarioError> warnings) {
  public LoadResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    if (spec.isPresent() == !errors.isEmpty()) {
      throw new IllegalArgumentException("a result has either a spec or errors");
    }
  }

  /** A result without warnings. */
  public LoadResult(Optional<ScenarioSpec> spec, List<ScenarioError> errors) {
    this(spec, errors, List.of());
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
