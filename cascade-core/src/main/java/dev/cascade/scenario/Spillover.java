package dev.cascade.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a shock's news about one instrument moves the others through common factors (docs/model.md
 * §12, "Spillover"). With log-value news r_j = sum_f b_jf F_f + e_j, independent factors F_f of
 * variance s_f^2 and independent idiosyncratic parts e_j, the expected move of instrument j given
 * that the target i moved by x (log) is the projection
 *
 * <pre>
 *   E[r_j | r_i = x] = x sum_{f in spillover} b_jf b_if s_f^2 / s_i^2
 * </pre>
 *
 * s_i the target's own annualised volatility ({@code fundamentalVolPct}), the sum over the factors
 * the shock names in {@code spillover} (the news is about those; a firm's margin is news about its
 * industry, not necessarily about the market).
 */
public final class Spillover {
  /** The shock key naming the factors a shock's news is about. */
  public static final String KEY = "spillover";

  private Spillover() {}

  /**
   * The percent move of every other instrument that loads on the shock's spillover factors, by
   * symbol, when the target moves by {@code ownPct} percent.
   */
  public static Map<String, Double> moves(ScenarioSpec spec, ShockSpec s, double ownPct) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (s.spillover().isEmpty() || s.target() == null) {
      return out;
    }
    double own = StrictMath.log1p(ownPct / 100);
    double si = spec.instrument(s.target()).fundamentalVolPct();
    for (InstrumentSpec j : spec.instruments()) {
      if (j.symbol().equals(s.target())) {
        continue;
      }
      double coef = 0;
      for (String name : s.spillover()) {
        FactorSpec f = spec.factor(name);
        coef += f.loading(j.symbol()) * f.loading(s.target()) * f.volPct() * f.volPct() / (si * si);
      }
      if (coef != 0) {
        out.put(j.symbol(), 100 * StrictMath.expm1(own * coef));
      }
    }
    return out;
  }
}
