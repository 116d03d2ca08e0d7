/**
 * Analyses of recorded or loaded market state: the dealer gamma-exposure (GEX) profile and its
 * gamma-flip level, call and put walls, the implied move from at-the-money straddles, the cause
 * chains of a run from its causes and the flow each cause took from the book, and the stylised
 * facts of returns judged against literature bands ({@link dev.cascade.analytics.StylizedFacts},
 * {@link dev.cascade.analytics.StylizedBands}). Reads data only; never trades. Dollars are dollars
 * of notional (index points x multiplier for index options), vols annualised decimals, time in
 * years.
 */
package dev.cascade.analytics;
