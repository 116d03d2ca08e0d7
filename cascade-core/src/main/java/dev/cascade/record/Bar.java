package dev.cascade.record;

/**
 * One instrument's trading over one minute.
 *
 * @param startNanos start of the minute
 * @param open first trade price, ticks
 * @param high ticks
 * @param low ticks
 * @param close last trade price, ticks
 * @param volume lots
 * @param trades number of trades
 */
public record Bar(
    int instrument,
    long startNanos,
    long open,
    long high,
    long low,
    long close,
    long volume,
    long trades) {}
