package dev.cascade.scenario;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a scenario says about the episode it reproduces, for comparing the simulation with it:
 * figures observed in the source (printed beside the simulated ones), the index whose loss is split
 * by sector and whose constituents give breadth, and the price levels desks watch.
 *
 * @param source where the observed figures come from, e.g. "commentary 000, Table 1"
 * @param observed per symbol, the figures the source reports
 * @param index symbol of an index instrument with a basket, or null
 * @param sectors sector name to its symbols, in file order
 * @param levels per symbol, the levels to watch
 * @param from the time changes are measured from (the last price at or before it is the reference,
 *     e.g. the close before the news), or null to measure from the scenario's starting prices
 */
public record EpisodeSpec(
    String source,
    Map<String, Observed> observed,
    String index,
    Map<String, List<String>> sectors,
    Map<String, Levels> levels,
    OffsetDateTime from) {

  /** No episode section: nothing to compare. */
  public static final EpisodeSpec NONE =
      new EpisodeSpec("", Map.of(), null, Map.of(), Map.of(), null);

  public EpisodeSpec {
    Objects.requireNonNull(source, "source");
    observed = Map.copyOf(observed);
    // Insertion order is kept: summary.json lists the sectors in file order (Map.copyOf would give
    // an order that changes from one JVM to the next).
    sectors.forEach((k, v) -> Objects.requireNonNull(v, "sector " + Objects.requireNonNull(k)));
    sectors = Collections.unmodifiableMap(new LinkedHashMap<>(sectors));
    levels = Map.copyOf(levels);
  }

  /**
   * Figures a source reports for one instrument at the end of the episode; null when not stated.
   *
   * @param price last price, currency units
   * @param changePct change over the episode, percent
   * @param relativeVolume volume relative to its 30-day average
   */
  public record Observed(Double price, Double changePct, Double relativeVolume) {}

  /**
   * Levels desks watch on one instrument, currency units; null when not given.
   *
   * @param ma100 100-day moving average
   * @param ma200 200-day moving average
   * @param fibHigh swing high of the Fibonacci retracement
   * @param fibLow swing low of the Fibonacci retracement
   * @param roundStep spacing of the round numbers to watch
   */
  public record Levels(
      Double ma100, Double ma200, Double fibHigh, Double fibLow, Double roundStep) {}
}
