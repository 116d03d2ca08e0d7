package dev.cascade.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario with its shocks made larger or smaller by a factor X, everything else (agents,
 * instruments, every random stream) unchanged: the lever of a stress test run backwards. How each
 * shock type scales, so that X = 0 is no shock, X = 1 the file's shock and X = 2 the same news
 * twice over:
 *
 * <ul>
 *   <li>{@code fundamental}: the value's factor is raised to the power X, {@code 1 + pct'/100 = (1
 *       + pct/100)^X} (a log move times X, never below -100%);
 *   <li>{@code earnings}: the news, {@code grossMarginChangeBp} and {@code revenueChangePct}, x X
 *       (the operating and incremental margins describe the firm, not the news); {@code inflation}:
 *       {@code surprisePp x X}; a shock's spillover follows its own move;
 *   <li>{@code yield}: {@code bp x X}; {@code policy}: {@code probabilityChangePct x X} (the cut
 *       size is the meeting's, not the news);
 *   <li>{@code flow}: {@code dollars x X};
 *   <li>{@code liquidity}: the spread and depth multipliers raised to the power X (1 stays 1; the
 *       duration is kept); {@code margin-rate}: the multiplier raised to the power X;
 *   <li>{@code metaorder}: its size ({@code dollars} or {@code pctOfDailyVolume}) x X; at X = 0 the
 *       metaorder is left out (a metaorder of nothing has no execution agent).
 * </ul>
 */
public final class ShockScaling {
  /** The largest factor accepted. */
  public static final double MAX_FACTOR = 100;

  private ShockScaling() {}

  /**
   * The scenario with every shock scaled by {@code all}, and the shocks labelled as a key of {@code
   * byLabel} by that factor instead.
   */
  public static ScenarioSpec scale(ScenarioSpec spec, double all, Map<String, Double> byLabel) {
    List<ShockSpec> out = new ArrayList<>();
    for (ShockSpec s : spec.shocks()) {
      double x = byLabel.getOrDefault(s.label(), all);
      if (x == 1) {
        out.add(s);
        continue;
      }
      if (s.type() == ShockType.METAORDER && x == 0) {
        continue;
      }
      out.add(s.withParams(scaled(s, x)));
    }
    return spec.withShocks(out);
  }

  /** A shock's parameters scaled by {@code x} by its type's rule. */
  static Map<String, Double> scaled(ShockSpec s, double x) {
    Map<String, Double> p = new LinkedHashMap<>(s.params());
    switch (s.type()) {
      case FUNDAMENTAL -> p.put("pct", 100 * (Math.pow(1 + p.get("pct") / 100, x) - 1));
      case EARNINGS -> {
        for (String k : List.of(Earnings.GROSS_MARGIN_CHANGE_BP, Earnings.REVENUE_CHANGE_PCT)) {
          if (p.containsKey(k)) {
            p.put(k, p.get(k) * x);
          }
        }
      }
      case INFLATION -> p.put(Inflation.SURPRISE_PP, p.get(Inflation.SURPRISE_PP) * x);
      case YIELD -> p.put("bp", p.get("bp") * x);
      case POLICY -> p.put("probabilityChangePct", p.get("probabilityChangePct") * x);
      case FLOW -> p.put("dollars", p.get("dollars") * x);
      case LIQUIDITY -> {
        p.put("spreadMultiplier", Math.pow(p.get("spreadMultiplier"), x));
        p.put("depthMultiplier", Math.pow(p.get("depthMultiplier"), x));
      }
      case MARGIN_RATE -> p.put("multiplier", Math.pow(p.get("multiplier"), x));
      case METAORDER -> {
        for (String k : List.of(Metaorders.DOLLARS, Metaorders.PCT_OF_DAILY_VOLUME)) {
          if (p.containsKey(k)) {
            p.put(k, p.get(k) * x);
          }
        }
      }
    }
    return p;
  }
}
