package dev.cascade.derivatives;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.exception.MathRuntimeException;

/**
 * The gamma-flip level nearest to spot: the price where a dealer gamma-exposure function GEX(S)
 * (dollars per 1% move) changes sign, found by recomputing GEX on an even grid of {@code steps}
 * prices over spot (1 +- gridPct/100), bracketing each sign change between neighbours and refining
 * it with Hipparchus' Brent solver on GEX itself (the method of {@code analytics.GexProfile}, here
 * below the agents so dealers and the run summary can use it).
 */
public final class GammaFlip {
  /** Default half-width of the grid, percent of spot. */
  public static final double GRID_PCT = 20;

  /** Default number of grid prices. */
  public static final int STEPS = 81;

  private GammaFlip() {}

  /** The flip nearest to {@code spot}, dollars, or NaN when GEX keeps one sign on the grid. */
  public static double nearest(DoubleUnaryOperator gex, double spot, double gridPct, int steps) {
    if (!(spot > 0) || !(gridPct > 0 && gridPct < 100) || steps < 2) {
      throw new IllegalArgumentException("need spot > 0, 0 < gridPct < 100, steps >= 2");
    }
    double lo = spot * (1 - gridPct / 100);
    double hi = spot * (1 + gridPct / 100);
    BrentSolver solver = new BrentSolver(1e-12, 1e-9 * spot, 1e-9);
    double best = Double.NaN;
    double prevS = lo;
    double prevG = gex.applyAsDouble(lo);
    for (int i = 1; i < steps; i++) {
      double s = lo + (hi - lo) * i / (steps - 1);
      double g = gex.applyAsDouble(s);
      double root = Double.NaN;
      if (prevG == 0) {
        root = prevS;
      } else if (prevG * g < 0) {
        try {
          root = solver.solve(200, gex::applyAsDouble, prevS, s);
        } catch (MathRuntimeException e) {
          root = prevS + (s - prevS) * prevG / (prevG - g);
        }
      }
      if (!Double.isNaN(root)
          && (Double.isNaN(best) || Math.abs(root - spot) < Math.abs(best - spot))) {
        best = root;
      }
      prevS = s;
      prevG = g;
    }
    return best;
  }
}
