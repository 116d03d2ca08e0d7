/**
 * Analyses of recorded or loaded market state: the dealer gamma-exposure (GEX) profile and its
 * gamma-flip level, call and put walls, the implied move from at-the-money straddles, and the cause
 * chains of a run from its causes and the flow each cause took from the book. Reads data only;
 * never trades. Dollars are dollars of notional (index points x multiplier for index options), vols
 * annualised decimals, time in years.
 */
package dev.cascade.analytics;
