package dev.cascade.scenario;

import java.util.Locale;
import java.util.Map;

/**
 * The sizes a shock may have, as a file states it or as a scale factor makes it: finite parameters,
 * a value move above -100% and at most +1,000% (a fundamental shock, or an earnings re-rating by
 * its rule), a discount-rate move of at most 1,000 basis points either way (a yield, inflation or
 * policy shock; assumed: ten times the largest daily move of the 10-year Treasury yield since 1962,
 * about 75 bp), liquidity multipliers above 0 and at most 1,000, a margin multiplier above 0 and at
 * most 100. Beyond them the engine would set a value at or below zero, or step a rate-sensitive
 * instrument's value through numbers no market has, which the loader refuses
 * (docs/scenario-format.md).
 */
public final class ShockBounds {
  /** The largest rise of a value a shock may give, percent. */
  public static final double MAX_PCT = 1_000;

  /**
   * Whether a move of a value by {@code pct} percent leaves it positive: above -100% (a value
   * cannot fall by all of itself). The loader locates this error in the file; the bounds below
   * apply the same rule, with the ceiling, to a scaled shock.
   */
  public static boolean keepsValuePositive(double pct) {
    return pct > -100;
  }

  /** The largest move of a discount rate a shock may give, basis points either way. */
  public static final double MAX_BP = 1_000;

  /** The largest liquidity multiplier. */
  public static final double MAX_LIQUIDITY_MULTIPLIER = 1_000;

  /** The largest margin multiplier. */
  public static final double MAX_MARGIN_MULTIPLIER = 100;

  private ShockBounds() {}

  /** What is wrong with the shock's size, naming the parameter, or null if nothing is. */
  public static String problem(ShockType type, Map<String, Double> p) {
    for (Map.Entry<String, Double> e : p.entrySet()) {
      if (!Double.isFinite(e.getValue())) {
        return e.getKey() + " must be a finite number, not " + e.getValue();
      }
    }
    return switch (type) {
      case FUNDAMENTAL -> valueMove("pct", p.get("pct"));
      case EARNINGS ->
          p.containsKey(Earnings.OPERATING_MARGIN_PCT)
              ? valueMove("the re-rating by the earnings rule", Earnings.pct(p))
              : null;
      case YIELD -> rateMove("bp", p.get("bp"));
      case INFLATION ->
          rateMove(
              Inflation.SURPRISE_PP + " x " + Inflation.BP_PER_PP,
              p.get(Inflation.SURPRISE_PP) * p.get(Inflation.BP_PER_PP));
      case POLICY ->
          rateMove(
              "probabilityChangePct / 100 x cutBp",
              p.get("probabilityChangePct") / 100 * p.get("cutBp"));
      case LIQUIDITY -> {
        String spread = multiplier("spreadMultiplier", p.get("spreadMultiplier"));
        yield spread != null ? spread : multiplier("depthMultiplier", p.get("depthMultiplier"));
      }
      case MARGIN_RATE -> {
        double m = p.get("multiplier");
        yield m > 0 && m <= MAX_MARGIN_MULTIPLIER
            ? null
            : "multiplier must be above 0 and at most "
                + fmt(MAX_MARGIN_MULTIPLIER)
                + ", is "
                + fmt(m);
      }
      case FLOW, METAORDER -> null;
    };
  }

  private static String valueMove(String what, Double pct) {
    if (pct == null || (keepsValuePositive(pct) && pct <= MAX_PCT)) {
      return null;
    }
    return what
        + " is "
        + fmt(pct)
        + "%; a value may move by more than -100% and at most +"
        + fmt(MAX_PCT)
        + "%";
  }

  private static String rateMove(String what, Double bp) {
    if (bp == null || Math.abs(bp) <= MAX_BP) {
      return null;
    }
    return what
        + " moves discount rates by "
        + fmt(bp)
        + " bp; at most "
        + fmt(MAX_BP)
        + " either way";
  }

  private static String multiplier(String name, Double m) {
    if (m == null || (m > 0 && m <= MAX_LIQUIDITY_MULTIPLIER)) {
      return null;
    }
    return name
        + " must be above 0 and at most "
        + fmt(MAX_LIQUIDITY_MULTIPLIER)
        + ", is "
        + fmt(m);
  }

  private static String fmt(double v) {
    if (Math.abs(v) >= 1e9) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return java.math.BigDecimal.valueOf(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
