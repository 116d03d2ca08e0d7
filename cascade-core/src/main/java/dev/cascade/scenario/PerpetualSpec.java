package dev.cascade.scenario;

/**
 * How a perpetual future is marked and funded (docs/model.md §11).
 *
 * @param index symbol of the spot instrument whose last price is the perpetual's index, or null to
 *     mark at the last trade (and pay no funding)
 * @param fundingHours hours between funding payments (8 on Binance and BitMEX)
 * @param fundingCapPct the largest funding rate per interval, percent (0.3: BitMEX's rule, 75% of
 *     initial minus maintenance margin, applied to Binance's first BTC bracket, 0.8% - 0.4%)
 */
public record PerpetualSpec(String index, double fundingHours, double fundingCapPct) {
  /** Default hours between funding payments: 8 (Binance, BitMEX). */
  public static final double DEFAULT_FUNDING_HOURS = 8;

  /** Default funding cap, percent per interval. */
  public static final double DEFAULT_FUNDING_CAP_PCT = 0.3;

  /** Marked at the last trade, funded at the defaults (no funding without an index). */
  public static final PerpetualSpec NONE =
      new PerpetualSpec(null, DEFAULT_FUNDING_HOURS, DEFAULT_FUNDING_CAP_PCT);
}
