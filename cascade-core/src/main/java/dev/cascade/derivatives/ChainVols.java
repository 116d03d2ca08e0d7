package dev.cascade.derivatives;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One implied vol per (expiry, strike) of an {@link OpenInterestBook}, from the quoted mid prices,
 * with stated fallbacks. Both the call and the put at a strike get the same vol.
 *
 * <ol>
 *   <li>The implied vol of the out-of-the-money side's mid (the put when K &lt; F, the call
 *       otherwise; F = S e^{(r-q)T}): OTM quotes carry the vol without a large intrinsic value.
 *   <li>Else the in-the-money side's mid.
 *   <li>Else the vol of the nearest strike (in ln K) of the same expiry that solved.
 *   <li>Else {@code fallbackVol} (an expiry with no usable quote at all, or a generated book).
 * </ol>
 *
 * A mid needs bid &gt; 0 and ask &ge; bid; it solves when it lies inside the no-arbitrage bounds
 * ({@link ImpliedVol}).
 */
public final class ChainVols {
  /** How a strike's vol was obtained. */
  public enum Source {
    OTM_MID,
    ITM_MID,
    NEAREST_STRIKE,
    FALLBACK
  }

  private final Map<LocalDateTime, TreeMap<Double, Double>> vols = new HashMap<>();
  private final Map<Source, Integer> counts = new java.util.EnumMap<>(Source.class);
  private final double fallbackVol;

  private ChainVols(double fallbackVol) {
    this.fallbackVol = fallbackVol;
    for (Source s : Source.values()) {
      counts.put(s, 0);
    }
  }

  /**
   * Solves every strike of the book.
   *
   * @param rate continuously compounded risk-free rate, decimal per year
   * @param div continuous dividend yield, decimal per year
   * @param fallbackVol annualised vol (decimal) used when nothing else is available
   */
  public static ChainVols fromMids(
      OpenInterestBook book, double rate, double div, double fallbackVol) {
    ChainVols out = new ChainVols(fallbackVol);
    Map<LocalDateTime, TreeMap<Double, OptionContract[]>> byStrike = new HashMap<>();
    for (OptionContract c : book.contracts()) {
      OptionContract[] pair =
          byStrike
              .computeIfAbsent(c.expiry(), e -> new TreeMap<>())
              .computeIfAbsent(c.strike(), k -> new OptionContract[2]);
      pair[c.type() == OptionType.CALL ? 0 : 1] = c;
    }
    double spot = book.spot();
    for (Map.Entry<LocalDateTime, TreeMap<Double, OptionContract[]>> e : byStrike.entrySet()) {
      TreeMap<Double, Double> solved = new TreeMap<>();
      TreeMap<Double, Double> all = new TreeMap<>();
      for (Map.Entry<Double, OptionContract[]> s : e.getValue().entrySet()) {
        OptionContract any = s.getValue()[0] != null ? s.getValue()[0] : s.getValue()[1];
        double t = book.yearsTo(any);
        double k = s.getKey();
        if (t <= 0) {
          continue;
        }
        double forward = spot * StrictMath.exp((rate - div) * t);
        OptionContract otm = k < forward ? s.getValue()[1] : s.getValue()[0];
        OptionContract itm = k < forward ? s.getValue()[0] : s.getValue()[1];
        double v = solve(otm, spot, t, rate, div);
        if (!Double.isNaN(v)) {
          out.tally(Source.OTM_MID);
        } else {
          v = solve(itm, spot, t, rate, div);
          if (!Double.isNaN(v)) {
            out.tally(Source.ITM_MID);
          }
        }
        if (!Double.isNaN(v)) {
          solved.put(k, v);
        }
        all.put(k, v);
      }
      for (Map.Entry<Double, Double> s : all.entrySet()) {
        if (Double.isNaN(s.getValue())) {
          if (solved.isEmpty()) {
            s.setValue(fallbackVol);
            out.tally(Source.FALLBACK);
          } else {
            s.setValue(nearest(solved, s.getKey()));
            out.tally(Source.NEAREST_STRIKE);
          }
        }
      }
      out.vols.put(e.getKey(), all);
    }
    return out;
  }

  /** The vol for a contract (annualised decimal); the fallback for one not in the book. */
  public double vol(OptionContract c) {
    TreeMap<Double, Double> m = vols.get(c.expiry());
    Double v = m == null ? null : m.get(c.strike());
    return v == null ? fallbackVol : v;
  }

  /** How many strikes got their vol from each source. */
  public int count(Source source) {
    return counts.get(source);
  }

  /** The fallback vol, annualised decimal. */
  public double fallbackVol() {
    return fallbackVol;
  }

  private void tally(Source s) {
    counts.merge(s, 1, Integer::sum);
  }

  private static double solve(OptionContract c, double spot, double t, double rate, double div) {
    if (c == null || c.mid().isEmpty()) {
      return Double.NaN;
    }
    ImpliedVolResult r =
        ImpliedVol.solve(c.type(), c.mid().getAsDouble(), spot, c.strike(), t, rate, div);
    return r.solved() ? r.vol().getAsDouble() : Double.NaN;
  }

  private static double nearest(TreeMap<Double, Double> solved, double k) {
    Map.Entry<Double, Double> lo = solved.floorEntry(k);
    Map.Entry<Double, Double> hi = solved.ceilingEntry(k);
    if (lo == null) {
      return hi.getValue();
    }
    if (hi == null) {
      return lo.getValue();
    }
    return StrictMath.log(k / lo.getKey()) <= StrictMath.log(hi.getKey() / k)
        ? lo.getValue()
        : hi.getValue();
  }
}
