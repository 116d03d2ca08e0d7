package dev.cascade.derivatives;

/** Outcome of an implied-volatility solve; every value but {@link #SOLVED} carries no vol. */
public enum ImpliedVolStatus {
  /** A unique vol reprices the option. */
  SOLVED,
  /** The price is below the no-arbitrage lower bound max(omega (S e^{-qT} - K e^{-rT}), 0). */
  BELOW_LOWER_BOUND,
  /** The price equals the lower bound: no time value, so the vol is zero or undetermined. */
  NO_TIME_VALUE,
  /** The price is at or above the upper bound (S e^{-qT} for a call, K e^{-rT} for a put). */
  AT_OR_ABOVE_UPPER_BOUND,
  /** A non-finite or non-positive input: price, spot, strike, time or rates. */
  INVALID_INPUT,
  /** The vol lies outside [1e-8, 50] (annualised) or the solver did not converge. */
  NOT_CONVERGED
}
