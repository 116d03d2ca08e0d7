package dev.cascade.analytics;

import dev.cascade.derivatives.BlackScholes;
import dev.cascade.derivatives.OpenInterestBook;
import dev.cascade.derivatives.OptionContract;
import dev.cascade.derivatives.OptionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.exception.MathRuntimeException;

/**
 * The dealer gamma-exposure profile of an {@link OpenInterestBook} over a grid of underlying
 * prices, its gamma-flip level(s) and the call and put walls.
 *
 * <pre>
 *   GEX(S) = sum over contracts of sign_dealer * Gamma(S, K, T, sigma) * OI * 100 * S^2 * 0.01
 * </pre>
 *
 * dollars of dealer delta change per 1% move of S (Gamma per unit of underlying, 100 the contract
 * multiplier). Gamma is recomputed at every grid price S with each contract's vol held fixed at its
 * strike (sticky strike) and T from the book's valuation instant; contracts already expired
 * contribute nothing. Positive GEX: dealers hedge against the move (sell rallies, buy dips),
 * damping it; negative: they hedge with it, amplifying it. The flip is where GEX(S) changes sign:
 * bracketed by adjacent grid points and refined with Hipparchus' Brent solver on GEX(S) itself.
 *
 * @param spot the book's spot, dollars
 * @param atSpot GEX at the spot, dollars per 1%
 * @param points the grid, lowest price first
 * @param flips every price in the grid's range where GEX crosses zero, lowest first
 * @param callWall the call strike with the largest call gamma exposure at spot, if any OI
 * @param putWall the put strike with the largest put gamma exposure at spot, if any OI
 */
public record GexProfile(
    double spot,
    GexPoint atSpot,
    List<GexPoint> points,
    List<Double> flips,
    Optional<GammaWall> callWall,
    Optional<GammaWall> putWall) {

  /** 1% of the underlying, the move GEX is quoted per. */
  static final double ONE_PERCENT = 0.01;

  public GexProfile {
    points = List.copyOf(points);
    flips = List.copyOf(flips);
  }

  /**
   * Computes the profile on {@code steps} evenly spaced prices from spot (1 - gridPct/100) to spot
   * (1 + gridPct/100).
   *
   * @param vol the annualised vol (decimal) of each contract
   * @param rate continuously compounded risk-free rate, decimal per year
   * @param div continuous dividend yield, decimal per year
   */
  public static GexProfile compute(
      OpenInterestBook book,
      ToDoubleFunction<OptionContract> vol,
      double rate,
      double div,
      double gridPct,
      int steps) {
    if (!(gridPct > 0 && gridPct < 100) || steps < 2) {
      throw new IllegalArgumentException("need 0 < gridPct < 100 and steps >= 2");
    }
    double spot = book.spot();
    double lo = spot * (1 - gridPct / 100);
    double hi = spot * (1 + gridPct / 100);
    List<GexPoint> points = new ArrayList<>(steps);
    for (int i = 0; i < steps; i++) {
      double s = lo + (hi - lo) * i / (steps - 1);
      points.add(at(book, vol, rate, div, s));
    }
    List<Double> flips = new ArrayList<>();
    BrentSolver solver = new BrentSolver(1e-12, 1e-9 * spot, 1e-12);
    for (int i = 0; i + 1 < steps; i++) {
      GexPoint a = points.get(i);
      GexPoint b = points.get(i + 1);
      if (a.net() == 0) {
        flips.add(a.price());
      } else if (a.net() * b.net() < 0) {
        double linear = a.price() + (b.price() - a.price()) * a.net() / (a.net() - b.net());
        double root;
        try {
          root = solver.solve(200, s -> at(book, vol, rate, div, s).net(), a.price(), b.price());
        } catch (MathRuntimeException e) {
          root = linear; // refinement failed: keep the linear interpolation
        }
        flips.add(root);
      }
    }
    if (points.get(steps - 1).net() == 0) {
      flips.add(points.get(steps - 1).price());
    }
    return new GexProfile(
        spot,
        at(book, vol, rate, div, spot),
        points,
        flips,
        wall(book, vol, rate, div, OptionType.CALL),
        wall(book, vol, rate, div, OptionType.PUT));
  }

  /** Dealer GEX at underlying price {@code s}, dollars per 1% move. */
  public static GexPoint at(
      OpenInterestBook book,
      ToDoubleFunction<OptionContract> vol,
      double rate,
      double div,
      double s) {
    double calls = 0;
    double puts = 0;
    for (OptionContract c : book.contracts()) {
      int sign = book.dealers().sign(c);
      if (sign == 0 || c.openInterest() == 0) {
        continue;
      }
      double g = sign * exposure(book, vol, rate, div, s, c);
      if (c.type() == OptionType.CALL) {
        calls += g;
      } else {
        puts += g;
      }
    }
    return new GexPoint(s, calls + puts, calls, puts);
  }

  /** Unsigned gamma exposure of one contract line at price s, dollars per 1% move. */
  private static double exposure(
      OpenInterestBook book,
      ToDoubleFunction<OptionContract> vol,
      double rate,
      double div,
      double s,
      OptionContract c) {
    double t = book.yearsTo(c);
    if (t <= 0) {
      return 0;
    }
    double gamma = BlackScholes.gamma(s, c.strike(), t, rate, div, vol.applyAsDouble(c));
    return gamma * c.openInterest() * OptionContract.MULTIPLIER * s * s * ONE_PERCENT;
  }

  private static Optional<GammaWall> wall(
      OpenInterestBook book,
      ToDoubleFunction<OptionContract> vol,
      double rate,
      double div,
      OptionType type) {
    TreeMap<Double, Double> byStrike = new TreeMap<>();
    for (OptionContract c : book.contracts()) {
      if (c.type() == type && c.openInterest() > 0) {
        byStrike.merge(c.strike(), exposure(book, vol, rate, div, book.spot(), c), Double::sum);
      }
    }
    GammaWall best = null;
    for (var e : byStrike.entrySet()) {
      if (e.getValue() > 0 && (best == null || e.getValue() > best.exposure())) {
        best = new GammaWall(e.getKey(), e.getValue());
      }
    }
    return Optional.ofNullable(best);
  }
}
