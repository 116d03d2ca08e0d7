package dev.cascade.scenario;

import java.util.List;
import java.util.Optional;

/**
 * What loading a scenario file produced: the spec if the file is valid, otherwise every error
 * found, in file order.
 *
 * @param spec the scenario, present exactly when there are no errors
 * @param errors every problem found, sorted by line and column
 */
public record LoadResult(Optional<ScenarioSpec> spec, List<ScenarioError> errors) {
  public LoadResult {
    errors = List.copyOf(errors);
    if (spec.isPresent() == !errors.isEmpty()) {
      throw new IllegalArgumentException("a result has either a spec or errors");
    }
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
