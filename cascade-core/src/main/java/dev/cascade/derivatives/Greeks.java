package dev.cascade.derivatives;

/**
 * Price and sensitivities of one European option under Black-Scholes-Merton, per unit of the
 * underlying (multiply by the contract multiplier, 100 for SPX, for dollars per contract).
 *
 * @param price option value, dollars
 * @param delta dV/dS, dimensionless
 * @param gamma d2V/dS2, per dollar of underlying
 * @param vega dV/dsigma, dollars per 1.00 (100 vol points) of annualised vol; divide by 100 for per
 *     vol point
 * @param theta dV/dt as calendar time passes, dollars per year; divide by 365 for per day
 * @param vanna d2V/dS dsigma = dDelta/dsigma, per 1.00 of vol
 * @param charm dDelta/dt as calendar time passes, per year
 */
public record Greeks(
    double price,
    double delta,
    double gamma,
    double vega,
    double theta,
    double vanna,
    double charm) {}
