package dev.cascade.record;

/**
 * One instrument's line of a run summary. Prices in currency units; percentages as percent.
 *
 * @param symbol ticker
 * @param open first trade price (the reference price if it never traded)
 * @param close last trade price
 * @param changePct close against the scenario's starting (reference) price, or against the last
 *     price at the episode's {@code from} time when the scenario gives one: the change over the
 *     episode, percent
 * @param high highest trade
 * @param low lowest trade
 * @param volume lots traded
 * @param trades number of trades
 * @param relativeVolume volume over the scenario's baseline for the run's length (null if the
 *     scenario gives no baseline)
 * @param maxDrawdownPct largest peak-to-trough fall of the trade price, percent
 * @param realizedVolPct realised volatility of one-minute returns, annualised, percent (null if too
 *     few bars)
 * @param avgSpreadBps mean quoted spread, bps of the mid (null if never sampled)
 * @param avgDepthLots mean lots within five levels of the touch, both sides (null if never sampled)
 */
public record InstrumentSummary(
    String symbol,
    double open,
    double close,
    double changePct,
    double high,
    double low,
    long volume,
    long trades,
    Double relativeVolume,
    double maxDrawdownPct,
    Double realizedVolPct,
    Double avgSpreadBps,
    Double avgDepthLots) {}
