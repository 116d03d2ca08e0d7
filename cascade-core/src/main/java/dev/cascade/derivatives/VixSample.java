package dev.cascade.derivatives;

/**
 * One sample of the VIX-style 30-day index of an underlying's surface, taken by {@link
 * OptionsMarket} at the first sample and after each surface update (every {@link
 * OptionsMarket#SURFACE_SECONDS} while the underlying trades).
 *
 * @param underlying symbol
 * @param timeNanos when, simulated nanos
 * @param value the index, points (annualised vol in percent)
 */
public record VixSample(String underlying, long timeNanos, double value) {}
