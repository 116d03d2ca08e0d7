package dev.cascade.derivatives;

/**
 * A problem found while reading an option chain, located by its 1-based line (0 for the file as a
 * whole).
 */
public record ChainLoadError(int line, String message) {
  @Override
  public String toString() {
    return line > 0 ? "line " + line + ": " + message : message;
  }
}
