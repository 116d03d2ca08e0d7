package dev.cascade.agents;

import dev.cascade.kernel.Gaussian;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A parameter's value across the agents of a group: fixed, or drawn once per agent from a uniform,
 * normal or lognormal distribution with that agent's random stream.
 *
 * @param kind the family of distribution
 * @param a the value (fixed), the minimum (uniform), the mean (normal) or the mu of log (lognormal)
 * @param b 0 (fixed), the maximum (uniform), the standard deviation (normal) or the sigma of log
 *     (lognormal)
 */
public record Distribution(Kind kind, double a, double b) {

  /** The distributions a scenario can name. */
  public enum Kind {
    FIXED,
    UNIFORM,
    NORMAL,
    LOGNORMAL;

    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> fromConfigName(String s) {
      for (Kind k : values()) {
        if (k.configName().equals(s)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  public Distribution {
    Objects.requireNonNull(kind, "kind");
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      throw new IllegalArgumentException("distribution parameters must be finite");
    }
    if (kind == Kind.UNIFORM && b < a) {
      throw new IllegalArgumentException("uniform max < min");
    }
    if ((kind == Kind.NORMAL || kind == Kind.LOGNORMAL) && b < 0) {
      throw new IllegalArgumentException("standard deviation must be >= 0");
    }
  }

  public static Distribution fixed(double v) {
    return new Distribution(Kind.FIXED, v, 0);
  }

  public static Distribution uniform(double min, double max) {
    return new Distribution(Kind.UNIFORM, min, max);
  }

  public static Distribution normal(double mean, double sd) {
    return new Distribution(Kind.NORMAL, mean, sd);
  }

  public static Distribution lognormal(double mu, double sigma) {
    return new Distribution(Kind.LOGNORMAL, mu, sigma);
  }

  /** One draw. A fixed value consumes no random numbers. */
  public double sample(RandomGenerator rng) {
    switch (kind) {
      case FIXED:
        return a;
      case UNIFORM:
        return a + (b - a) * rng.nextDouble();
      case NORMAL:
        return a + b * Gaussian.next(rng);
      case LOGNORMAL:
        return StrictMath.exp(a + b * Gaussian.next(rng));
      default:
        throw new AssertionError(kind);
    }
  }

  /** The smallest value a draw can take (-inf for normal). */
  public double lowerBound() {
    switch (kind) {
      case FIXED:
      case UNIFORM:
        return a;
      case NORMAL:
        return b == 0 ? a : Double.NEGATIVE_INFINITY;
      case LOGNORMAL:
        return b == 0 ? StrictMath.exp(a) : 0;
      default:
        throw new AssertionError(kind);
    }
  }

  /** The largest value a draw can take (+inf for normal and lognormal). */
  public double upperBound() {
    switch (kind) {
      case FIXED:
        return a;
      case UNIFORM:
        return b;
      case NORMAL:
        return b == 0 ? a : Double.POSITIVE_INFINITY;
      case LOGNORMAL:
        return b == 0 ? StrictMath.exp(a) : Double.POSITIVE_INFINITY;
      default:
        throw new AssertionError(kind);
    }
  }
}
