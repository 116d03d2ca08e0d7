package dev.cascade.agents;

import java.util.Objects;

/**
 * One parameter an agent family accepts: its name in scenario files, what it means and in what
 * unit, its default and the range a value (every possible draw of a distribution) must lie in.
 * Normal and lognormal distributions, unbounded, are accepted when their mean (normal) or median
 * (lognormal) lies in range; draws are clamped.
 *
 * @param name the key in a scenario's {@code params} map, lowerCamelCase
 * @param description what it is, with its unit
 * @param defaultValue used when the scenario does not give the parameter
 * @param min smallest allowed value
 * @param max largest allowed value
 * @param integer true if draws are rounded to whole numbers
 */
public record ParamSpec(
    String name,
    String description,
    Distribution defaultValue,
    double min,
    double max,
    boolean integer) {

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(defaultValue, "defaultValue");
    if (!(min <= max)) {
      throw new IllegalArgumentException(name + ": min > max");
    }
  }

  public static ParamSpec real(
      String name, String description, double def, double min, double max) {
    return new ParamSpec(name, description, Distribution.fixed(def), min, max, false);
  }

  public static ParamSpec whole(String name, String description, long def, long min, long max) {
    return new ParamSpec(name, description, Distribution.fixed(def), min, max, true);
  }

  /**
   * Null if {@code d} fits this parameter's range, otherwise what is wrong, for the loader's
   * located error.
   */
  public String check(Distribution d) {
    double lo = d.lowerBound();
    double hi = d.upperBound();
    if (d.kind() == Distribution.Kind.NORMAL && d.b() > 0) {
      lo = d.a();
      hi = d.a();
    } else if (d.kind() == Distribution.Kind.LOGNORMAL && d.b() > 0) {
      lo = StrictMath.exp(d.a());
      hi = lo;
    }
    if (lo < min || hi > max) {
      return "must lie in [" + fmt(min) + ", " + fmt(max) + "] but " + describe(d) + " does not";
    }
    return null;
  }

  /** Clamps a draw into range and rounds it if the parameter is whole. */
  public double clamp(double v) {
    double c = Math.max(min, Math.min(max, v));
    return integer ? Math.rint(c) : c;
  }

  private static String describe(Distribution d) {
    switch (d.kind()) {
      case FIXED:
        return fmt(d.a());
      case UNIFORM:
        return "uniform(" + fmt(d.a()) + ", " + fmt(d.b()) + ")";
      case NORMAL:
        return "normal(mean " + fmt(d.a()) + ")";
      case LOGNORMAL:
        return "lognormal(median " + fmt(StrictMath.exp(d.a())) + ")";
      default:
        throw new AssertionError(d.kind());
    }
  }

  private static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
