package dev.cascade.derivatives;

import dev.cascade.kernel.Time;
import java.util.Arrays;

/**
 * One dealer's option positions on one underlying, as it changes during a run: lines of (call or
 * put, strike in dollars, expiry instant in simulated nanos, signed contracts: positive when the
 * dealer is long, negative when short), each contract on {@link OptionContract#MULTIPLIER} units.
 *
 * <pre>
 *   delta(S)  = sum_lines n * 100 * Delta_BS(S, K, T, sigma(K))                units of underlying
 *   GEX(S)    = sum_lines n * 100 * Gamma_BS(S, K, T, sigma(K)) * S^2 * 0.01   dollars per 1% move
 *   T         = (expiry - now) / 365 days                                      years, calendar
 * </pre>
 *
 * Vols come from the underlying's shared {@link VolSurface}: for delta at the forward of the
 * current spot (sticky moneyness); for GEX over a price grid at the forward of a fixed reference
 * spot (sticky strike, as {@code analytics.GexProfile} does). Rate and dividend yield are fixed at
 * construction. Lines whose expiry has passed are removed by {@link #rollOff}; until then an
 * expired line has the delta of its intrinsic value and no gamma. Mutable, simulation thread only.
 */
public final class DealerBook {
  private static final double YEAR_NANOS = 365.0 * Time.NANOS_PER_DAY;
  private static final double ONE_PERCENT = 0.01;

  private final double rate;
  private final double div;
  private OptionType[] type = new OptionType[16];
  private double[] strike = new double[16];
  private long[] expiry = new long[16];
  private long[] contracts = new long[16];
  private int size;

  /**
   * @param rate continuously compounded risk-free rate, decimal per year
   * @param div continuous dividend yield, decimal per year
   */
  public DealerBook(double rate, double div) {
    if (!Double.isFinite(rate) || !Double.isFinite(div)) {
      throw new IllegalArgumentException("rate and dividend yield must be finite");
    }
    this.rate = rate;
    this.div = div;
  }

  /**
   * Adds {@code signedContracts} to the line (type, strike, expiry), creating it if needed:
   * positive when the dealer buys, negative when it sells (a customer buying a put from it).
   */
  public void add(OptionType t, double k, long expiryNanos, long signedContracts) {
    if (!(k > 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("strike must be positive: " + k);
    }
    if (signedContracts == 0) {
      return;
    }
    for (int j = 0; j < size; j++) {
      if (type[j] == t && strike[j] == k && expiry[j] == expiryNanos) {
        contracts[j] += signedContracts;
        return;
      }
    }
    if (size == type.length) {
      int cap = size * 2;
      type = Arrays.copyOf(type, cap);
      strike = Arrays.copyOf(strike, cap);
      expiry = Arrays.copyOf(expiry, cap);
      contracts = Arrays.copyOf(contracts, cap);
    }
    type[size] = t;
    strike[size] = k;
    expiry[size] = expiryNanos;
    contracts[size] = signedContracts;
    size++;
  }

  /**
   * Removes every line whose expiry is at or before {@code now} (the options settle and leave the
   * book).
   *
   * @return contracts (absolute) that rolled off
   */
  public long rollOff(long now) {
    long gone = 0;
    int w = 0;
    for (int j = 0; j < size; j++) {
      if (expiry[j] <= now) {
        gone += Math.abs(contracts[j]);
        continue;
      }
      type[w] = type[j];
      strike[w] = strike[j];
      expiry[w] = expiry[j];
      contracts[w] = contracts[j];
      w++;
    }
    size = w;
    return gone;
  }

  /** Contracts of type {@code t} the dealer is long in lines expiring at or before {@code now}. */
  public long longContractsExpiring(OptionType t, long now) {
    long n = 0;
    for (int j = 0; j < size; j++) {
      if (type[j] == t && expiry[j] <= now && contracts[j] > 0) {
        n += contracts[j];
      }
    }
    return n;
  }

  /** Number of lines (type, strike, expiry) held. */
  public int lines() {
    return size;
  }

  /** Sum of |contracts| over all lines. */
  public long grossContracts() {
    long g = 0;
    for (int j = 0; j < size; j++) {
      g += Math.abs(contracts[j]);
    }
    return g;
  }

  /** Net contracts of one type (positive: dealer long). */
  public long netContracts(OptionType t) {
    long n = 0;
    for (int j = 0; j < size; j++) {
      if (type[j] == t) {
        n += contracts[j];
      }
    }
    return n;
  }

  /** The earliest expiry still in the book, nanos, or {@link Long#MAX_VALUE} when empty. */
  public long earliestExpiry() {
    long e = Long.MAX_VALUE;
    for (int j = 0; j < size; j++) {
      e = Math.min(e, expiry[j]);
    }
    return e;
  }

  /** Whether any line expires at exactly {@code expiryNanos}. */
  public boolean hasExpiry(long expiryNanos) {
    for (int j = 0; j < size; j++) {
      if (expiry[j] == expiryNanos) {
        return true;
      }
    }
    return false;
  }

  /** The book's delta at spot {@code s} (dollars), units of underlying. */
  public double delta(double s, long now, VolSurface surface) {
    double d = 0;
    for (int j = 0; j < size; j++) {
      double t = years(j, now);
      double fwd = s * StrictMath.exp((rate - div) * Math.max(t, 0));
      double vol = surface.volAtStrike(strike[j], fwd, Math.max(t, 0));
      d += contracts[j] * BlackScholes.delta(type[j], s, strike[j], t, rate, div, vol);
    }
    return d * OptionContract.MULTIPLIER;
  }

  /**
   * The book's gamma exposure at price {@code s}, dollars of delta per 1% move, with each line's
   * vol read from the surface at the forward of {@code volSpot} (sticky strike when s moves).
   */
  public double gammaPerOnePercent(double s, long now, VolSurface surface, double volSpot) {
    double g = 0;
    for (int j = 0; j < size; j++) {
      double t = years(j, now);
      if (t <= 0) {
        continue;
      }
      double fwd = volSpot * StrictMath.exp((rate - div) * t);
      double vol = surface.volAtStrike(strike[j], fwd, t);
      g += contracts[j] * BlackScholes.gamma(s, strike[j], t, rate, div, vol);
    }
    return g * OptionContract.MULTIPLIER * s * s * ONE_PERCENT;
  }

  /**
   * The book's gross vega at spot {@code s} (dollars): the sum over lines of |contracts| x 100 x
   * Black-Scholes vega, dollars per 1.00 of vol, each line's vol read from the surface at the
   * forward of {@code s}. The size of the book in vega, whatever its sides.
   */
  public double grossVega(double s, long now, VolSurface surface) {
    double v = 0;
    for (int j = 0; j < size; j++) {
      double t = years(j, now);
      if (t <= 0) {
        continue;
      }
      double fwd = s * StrictMath.exp((rate - div) * t);
      double vol = surface.volAtStrike(strike[j], fwd, t);
      v += Math.abs(contracts[j]) * BlackScholes.vega(s, strike[j], t, rate, div, vol);
    }
    return v * OptionContract.MULTIPLIER;
  }

  private double years(int j, long now) {
    return (expiry[j] - now) / YEAR_NANOS;
  }
}
