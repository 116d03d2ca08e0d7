package dev.cascade.derivatives;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Black-Scholes-Merton prices and greeks of European options on an underlying paying a continuous
 * dividend yield q (Merton 1973; the "generalised" form in Haug 2007, ch. 1, with cost of carry b =
 * r - q).
 *
 * <pre>
 *   d1 = (ln(S/K) + (r - q + sigma^2/2) T) / (sigma sqrt(T)),   d2 = d1 - sigma sqrt(T)
 *   call = S e^{-qT} N(d1) - K e^{-rT} N(d2),   put = K e^{-rT} N(-d2) - S e^{-qT} N(-d1)
 * </pre>
 *
 * <p>Arguments: spot S and strike K in dollars, T in years, r and q continuously compounded per
 * year as decimals, sigma annualised as a decimal. The units of each greek are in {@link Greeks}.
 *
 * <p>Limits. When T &le; 0 the option is at expiry: price = intrinsic value, delta = +-1 in the
 * money (half that exactly at the money), every other greek 0. When sigma sqrt(T) is below 1e-12
 * the underlying is deterministic: price = max(omega (S e^{-qT} - K e^{-rT}), 0), delta = omega
 * e^{-qT} in the forward money and 0 out of it, theta and charm those of the discounted forward
 * intrinsic, and gamma, vega and vanna 0 (their mass is a Dirac spike at K = F, which a grid cannot
 * represent).
 */
public final class BlackScholes {
  private static final NormalDistribution N = new NormalDistribution(0, 1);

  /** Below this total standard deviation sigma sqrt(T), the deterministic limit is used. */
  static final double MIN_STD_DEV = 1e-12;

  private BlackScholes() {}

  /** Price in dollars per unit of underlying. */
  public static double price(
      OptionType type,
      double spot,
      double strike,
      double years,
      double rate,
      double div,
      double vol) {
    check(spot, strike, vol);
    int w = type.sign();
    if (years <= 0) {
      return Math.max(w * (spot - strike), 0);
    }
    double dq = StrictMath.exp(-div * years);
    double dr = StrictMath.exp(-rate * years);
    double sd = vol * Math.sqrt(years);
    if (sd < MIN_STD_DEV) {
      return Math.max(w * (spot * dq - strike * dr), 0);
    }
    double d1 = (StrictMath.log(spot / strike) + (rate - div) * years) / sd + 0.5 * sd;
    double d2 = d1 - sd;
    return w * (spot * dq * cdf(w * d1) - strike * dr * cdf(w * d2));
  }

  /** Delta, dV/dS. */
  public static double delta(
      OptionType type,
      double spot,
      double strike,
      double years,
      double rate,
      double div,
      double vol) {
    return greeks(type, spot, strike, years, rate, div, vol).delta();
  }

  /** Gamma, d2V/dS2 per dollar of underlying; the same for a call and a put. */
  public static double gamma(
      double spot, double strike, double years, double rate, double div, double vol) {
    check(spot, strike, vol);
    double sd = vol * Math.sqrt(Math.max(years, 0));
    if (years <= 0 || sd < MIN_STD_DEV) {
      return 0;
    }
    double d1 = (StrictMath.log(spot / strike) + (rate - div) * years) / sd + 0.5 * sd;
    return StrictMath.exp(-div * years) * pdf(d1) / (spot * sd);
  }

  /** Vega, dV/dsigma in dollars per 1.00 of vol; the same for a call and a put. */
  public static double vega(
      double spot, double strike, double years, double rate, double div, double vol) {
    return greeks(OptionType.CALL, spot, strike, years, rate, div, vol).vega();
  }

  /** Theta, dV/dt in dollars per year of calendar time passing. */
  public static double theta(
      OptionType type,
      double spot,
      double strike,
      double years,
      double rate,
      double div,
      double vol) {
    return greeks(type, spot, strike, years, rate, div, vol).theta();
  }

  /** Vanna, dDelta/dsigma per 1.00 of vol; the same for a call and a put. */
  public static double vanna(
      double spot, double strike, double years, double rate, double div, double vol) {
    return greeks(OptionType.CALL, spot, strike, years, rate, div, vol).vanna();
  }

  /** Charm, dDelta/dt per year of calendar time passing. */
  public static double charm(
      OptionType type,
      double spot,
      double strike,
      double years,
      double rate,
      double div,
      double vol) {
    return greeks(type, spot, strike, years, rate, div, vol).charm();
  }

  /**
   * Price and all greeks at once. Theta and charm follow Haug (2007), section 2.1 (with b = r - q):
   *
   * <pre>
   *   theta = -S e^{-qT} n(d1) sigma / (2 sqrt T) - omega r K e^{-rT} N(omega d2)
   *           + omega q S e^{-qT} N(omega d1)
   *   vanna = -e^{-qT} n(d1) d2 / sigma
   *   charm = -e^{-qT} [ n(d1) (b / (sigma sqrt T) - d2 / (2T)) - omega q N(omega d1) ]
   * </pre>
   */
  public static Greeks greeks(
      OptionType type,
      double spot,
      double strike,
      double years,
      double rate,
      double div,
      double vol) {
    check(spot, strike, vol);
    int w = type.sign();
    if (years <= 0) {
      double moneyness = w * (spot - strike);
      double delta = moneyness > 0 ? w : moneyness == 0 ? 0.5 * w : 0;
      return new Greeks(Math.max(moneyness, 0), delta, 0, 0, 0, 0, 0);
    }
    double dq = StrictMath.exp(-div * years);
    double dr = StrictMath.exp(-rate * years);
    double sqrtT = Math.sqrt(years);
    double sd = vol * sqrtT;
    if (sd < MIN_STD_DEV) {
      double forwardIntrinsic = w * (spot * dq - strike * dr);
      if (forwardIntrinsic <= 0) {
        return new Greeks(0, 0, 0, 0, 0, 0, 0);
      }
      double theta = w * (div * spot * dq - rate * strike * dr);
      return new Greeks(forwardIntrinsic, w * dq, 0, 0, theta, 0, w * div * dq);
    }
    double d1 = (StrictMath.log(spot / strike) + (rate - div) * years) / sd + 0.5 * sd;
    double d2 = d1 - sd;
    double nd1 = pdf(d1);
    double cw1 = cdf(w * d1);
    double cw2 = cdf(w * d2);
    double price = w * (spot * dq * cw1 - strike * dr * cw2);
    double delta = w * dq * cw1;
    double gamma = dq * nd1 / (spot * sd);
    double vega = spot * dq * nd1 * sqrtT;
    double theta =
        -spot * dq * nd1 * vol / (2 * sqrtT)
            - w * rate * strike * dr * cw2
            + w * div * spot * dq * cw1;
    double vanna = -dq * nd1 * d2 / vol;
    double carry = rate - div;
    double charm = -dq * (nd1 * (carry / sd - d2 / (2 * years)) - w * div * cw1);
    return new Greeks(price, delta, gamma, vega, theta, vanna, charm);
  }

  /**
   * No-arbitrage lower bound of a European option's price: its discounted forward intrinsic value,
   * max(omega (S e^{-qT} - K e^{-rT}), 0), dollars.
   */
  public static double lowerBound(
      OptionType type, double spot, double strike, double years, double rate, double div) {
    double t = Math.max(years, 0);
    return Math.max(
        type.sign() * (spot * StrictMath.exp(-div * t) - strike * StrictMath.exp(-rate * t)), 0);
  }

  /**
   * No-arbitrage upper bound of a European option's price: S e^{-qT} for a call, K e^{-rT} for a
   * put, dollars.
   */
  public static double upperBound(
      OptionType type, double spot, double strike, double years, double rate, double div) {
    double t = Math.max(years, 0);
    return type == OptionType.CALL
        ? spot * StrictMath.exp(-div * t)
        : strike * StrictMath.exp(-rate * t);
  }

  /**
   * Standard normal cumulative distribution function: Hart's (1968) double-precision algorithm 5666
   * as given by West, "Better approximations to cumulative normal functions", Wilmott (2005), fig.
   * 2; absolute error below 1e-15 against Hipparchus' incomplete-gamma evaluation over |x| &lt; 37
   * (checked in BlackScholesTest), at a small fraction of its cost, which matters to dealers
   * repricing their books every few simulated seconds.
   */
  static double cdf(double x) {
    double a = Math.abs(x);
    double tail;
    if (a > 37) {
      tail = 0;
    } else {
      double e = StrictMath.exp(-a * a / 2);
      if (a < 7.07106781186547) {
        double n = 3.52624965998911e-02 * a + 0.700383064443688;
        n = n * a + 6.37396220353165;
        n = n * a + 33.912866078383;
        n = n * a + 112.079291497871;
        n = n * a + 221.213596169931;
        n = n * a + 220.206867912376;
        double d = 8.83883476483184e-02 * a + 1.75566716318264;
        d = d * a + 16.064177579207;
        d = d * a + 86.7807322029461;
        d = d * a + 296.564248779674;
        d = d * a + 637.333633378831;
        d = d * a + 793.826512519948;
        d = d * a + 440.413735824752;
        tail = e * n / d;
      } else {
        double b = a + 0.65;
        b = a + 4 / b;
        b = a + 3 / b;
        b = a + 2 / b;
        b = a + 1 / b;
        tail = e / b / 2.506628274631;
      }
    }
    return x > 0 ? 1 - tail : tail;
  }

  /** Standard normal density. */
  static double pdf(double x) {
    return N.density(x);
  }

  private static void check(double spot, double strike, double vol) {
    if (!(spot > 0) || !(strike > 0) || !(vol >= 0) || Double.isInfinite(vol)) {
      throw new IllegalArgumentException(
          "need spot > 0, strike > 0, 0 <= vol < inf; got spot="
              + spot
              + " strike="
              + strike
              + " vol="
              + vol);
    }
  }
}
