package dev.cascade.market;

import java.time.LocalTime;
import java.util.List;

/**
 * The exchange's rules, resolved from a scenario.
 *
 * @param haltReference id of the instrument whose fall from its prior close triggers market-wide
 *     halts, or -1 for none
 * @param haltLevelsPct decline thresholds in percent, ascending (NYSE Rule 7.12: 7, 13, 20)
 * @param haltMinutes halt length per level, minutes; negative = closed for the rest of the day
 * @param haltCutoff New York time after which only the last level halts (NYSE: 15:25)
 * @param bandPct price band half-width around the band reference, percent (0 = none)
 * @param bandWindowNanos how often the band reference resets to the last trade
 * @param bandPauseNanos pause when an order runs out of liquidity inside the band
 * @param collarPct market orders trade no further than this from the best opposite price, percent
 */
public record MarketRules(
    int haltReference,
    List<Double> haltLevelsPct,
    List<Integer> haltMinutes,
    LocalTime haltCutoff,
    double bandPct,
    long bandWindowNanos,
    long bandPauseNanos,
    double collarPct) {
  public MarketRules {
    haltLevelsPct = List.copyOf(haltLevelsPct);
    haltMinutes = List.copyOf(haltMinutes);
  }
}
