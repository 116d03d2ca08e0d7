package dev.cascade.analytics;

/**
 * Net dealer gamma exposure at one underlying price, in dollars of delta change per 1% move of the
 * underlying.
 *
 * @param price the underlying price, dollars
 * @param net calls plus puts, dealer-signed, dollars per 1%
 * @param calls the calls' part, dealer-signed, dollars per 1%
 * @param puts the puts' part, dealer-signed, dollars per 1%
 */
public record GexPoint(double price, double net, double calls, double puts) {}
