package dev.cascade.scenario;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * Market-wide rules: circuit breakers, price bands and fees.
 *
 * @param haltReference symbol whose fall from the prior close triggers market-wide halts, or null
 *     for none
 * @param haltLevelsPct decline thresholds in percent, ascending (default 7, 13, 20: NYSE Rule 7.12)
 * @param haltMinutes halt length per level in minutes; a negative value closes the market for the
 *     rest of the day (default 15, 15, -1)
 * @param haltCutoff levels other than the last halt trading only before this New York time (default
 *     15:25)
 * @param bandPct per-instrument price band around the reference price, percent; 0 disables
 * @param bandWindowSeconds how often the band's reference price is reset to the last trade
 * @param bandPauseSeconds trading pause when an order exhausts liquidity inside the band
 * @param takerFeeBps fee paid by the aggressor, basis points of notional
 * @param makerFeeBps fee paid by the resting order, basis points of notional (may be negative: a
 *     rebate)
 * @param marketOrderCollarPct market orders trade no further than this from the best opposite price
 *     when they arrive, percent
 */
public record MarketRulesSpec(
    String haltReference,
    List<Double> haltLevelsPct,
    List<Integer> haltMinutes,
    LocalTime haltCutoff,
    double bandPct,
    int bandWindowSeconds,
    int bandPauseSeconds,
    double takerFeeBps,
    double makerFeeBps,
    double marketOrderCollarPct) {

  public MarketRulesSpec {
    haltLevelsPct = List.copyOf(haltLevelsPct);
    haltMinutes = List.copyOf(haltMinutes);
    Objects.requireNonNull(haltCutoff, "haltCutoff");
    if (haltLevelsPct.size() != haltMinutes.size()) {
      throw new IllegalArgumentException("one halt length per halt level");
    }
  }

  /** The defaults: NYSE market-wide halts on SPY, 5% bands, fees as documented in model.md. */
  public static MarketRulesSpec defaults() {
    return new MarketRulesSpec(
        null,
        List.of(7.0, 13.0, 20.0),
        List.of(15, 15, -1),
        LocalTime.of(15, 25),
        5.0,
        300,
        300,
        0.3,
        0.0,
        5.0);
  }
}
