/**
 * Option pricing and the option market's state: Black-Scholes-Merton prices and greeks, implied
 * volatility, a parametric volatility surface that reacts to realised volatility and spot moves, a
 * VIX-style variance index, and open-interest books loaded from CBOE chains or generated from
 * parameters.
 *
 * <p>Units throughout: prices and strikes in dollars (index points for an index), volatility
 * annualised as a decimal (0.20 = 20%), time in years (ACT/365), rates and dividend yields
 * continuously compounded per year as decimals. This package imports only {@code kernel}, {@code
 * cause} and {@code market}; the analyses built on it (GEX, implied move) live in {@code
 * analytics}.
 *
 * <p>Also perpetual futures' venue mechanics: the insurance fund that takes over bankrupt
 * positions, auto-deleveraging when it is depleted, funding between longs and shorts (equations and
 * sources in docs/model.md §11).
 */
package dev.cascade.derivatives;
