package dev.cascade.derivatives;

import java.util.List;
import java.util.Optional;

/**
 * What a chain loader returns: the book built from every row that parsed (empty when the header
 * itself is unusable) and every problem with its line. A caller that wants all-or-nothing checks
 * {@link #ok()}.
 */
public record ChainLoad(Optional<OpenInterestBook> book, List<ChainLoadError> errors) {
  public ChainLoad {
    errors = List.copyOf(errors);
  }

  /** True when a book was built and no line had a problem. */
  public boolean ok() {
    return book.isPresent() && errors.isEmpty();
  }
}
