package dev.cascade.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.scenario.EpisodeSpec;
import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run set against the episode it reproduces: the figures the source reports beside the
 * simulated ones, the index's change split by sector with the breadth of its constituents, and the
 * watched levels the prices broke.
 *
 * @param source where the observed figures come from
 * @param observed one line per instrument the source gives figures for
 * @param index the index's decomposition, or null if the scenario names no index
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpisodeSummary(String source, List<ObservedLine> observed, IndexLine index) {

  /**
   * Simulated against observed for one instrument (observed fields null when not stated).
   *
   * @param price simulated last price
   * @param observedPrice the source's price
   * @param changePct simulated change from the reference price, percent
   * @param observedChangePct the source's change, percent
   * @param relativeVolume simulated volume over the baseline (null without a baseline)
   * @param observedRelativeVolume the source's relative volume
   */
  public record ObservedLine(
      String symbol,
      double price,
      Double observedPrice,
      double changePct,
      Double observedChangePct,
      Double relativeVolume,
      Double observedRelativeVolume) {}

  /**
   * The index over the episode.
   *
   * @param symbol the index instrument
   * @param basketChangePct weighted change of its constituents (start weights), percent
   * @param sectorSharePct per sector, its share of the basket's move, percent (e.g. tech 82 means
   *     tech constituents account for 82% of the fall)
   * @param advancers constituents up
   * @param decliners constituents down
   * @param unchanged constituents flat
   */
  public record IndexLine(
      String symbol,
      double basketChangePct,
      Map<String, Double> sectorSharePct,
      int advancers,
      int decliners,
      int unchanged) {}

  /**
   * A watched level and whether the price broke it.
   *
   * @param symbol instrument
   * @param name e.g. "200-day MA", "Fib 61.8%", "round 640"
   * @param price the level, currency units
   * @param breached whether the price crossed it during the run
   * @param direction "below" if it was broken from above, "above" if from below, null if not
   * @param at ISO-8601 UTC minute of the first bar that crossed it, null if not breached
   */
  public record LevelLine(
      String symbol, String name, double price, boolean breached, String direction, String at) {}

  /** The episode summary of a finished run, or null if the scenario has no episode section. */
  public static EpisodeSummary of(
      Simulation sim, MarketRecorder rec, List<InstrumentSummary> lines) {
    EpisodeSpec ep = sim.spec().episode();
    if (ep == EpisodeSpec.NONE || ep.equals(EpisodeSpec.NONE)) {
      return null;
    }
    List<ObservedLine> observed = new ArrayList<>();
    for (Instrument ins : sim.instruments()) {
      EpisodeSpec.Observed o = ep.observed().get(ins.symbol());
      if (o == null) {
        continue;
      }
      InstrumentSummary s = line(lines, ins.symbol());
      observed.add(
          new ObservedLine(
              ins.symbol(),
              s.close(),
              o.price(),
              round(rec.changePct(ins.id())),
              o.changePct(),
              s.relativeVolume(),
              o.relativeVolume()));
    }
    return new EpisodeSummary(ep.source(), observed, index(sim, rec, ep));
  }

  private static IndexLine index(Simulation sim, MarketRecorder rec, EpisodeSpec ep) {
    if (ep.index() == null) {
      return null;
    }
    InstrumentSpec idx = sim.spec().instrument(ep.index());
    Map<String, Double> contribution = new LinkedHashMap<>();
    double total = 0;
    int up = 0;
    int down = 0;
    int flat = 0;
    for (Map.Entry<String, Double> e : idx.basket().weights().entrySet()) {
      Instrument ins = sim.instrument(e.getKey());
      double r = rec.changePct(ins.id());
      double c = e.getValue() * r;
      contribution.put(e.getKey(), c);
      total += c;
      if (r > 1e-9) {
        up++;
      } else if (r < -1e-9) {
        down++;
      } else {
        flat++;
      }
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> sector : ep.sectors().entrySet()) {
      double c = 0;
      for (String sym : sector.getValue()) {
        c += contribution.getOrDefault(sym, 0.0);
      }
      shares.put(sector.getKey(), Math.abs(total) < 1e-12 ? 0.0 : round(100 * c / total));
    }
    return new IndexLine(ep.index(), round(total), shares, up, down, flat);
  }

  /** Every watched level of the scenario, with whether and when the price broke it. */
  public static List<LevelLine> levels(Simulation sim, MarketRecorder rec) {
    EpisodeSpec ep = sim.spec().episode();
    List<LevelLine> out = new ArrayList<>();
    for (Instrument ins : sim.instruments()) {
      EpisodeSpec.Levels l = ep.levels().get(ins.symbol());
      if (l == null) {
        continue;
      }
      Map<String, Double> named = new LinkedHashMap<>();
      if (l.ma100() != null) {
        named.put("100-day MA", l.ma100());
      }
      if (l.ma200() != null) {
        named.put("200-day MA", l.ma200());
      }
      if (l.fibHigh() != null && l.fibLow() != null) {
        // Retracements of the swing from fibLow up to fibHigh, measured down from the high.
        double range = l.fibHigh() - l.fibLow();
        for (double f : new double[] {0.236, 0.382, 0.5, 0.618, 0.786}) {
          named.put(
              String.format(java.util.Locale.ROOT, "Fib %.1f%%", 100 * f), l.fibHigh() - f * range);
        }
      }
      double start = ins.referencePrice();
      double low = ins.price(rec.low(ins.id()));
      double high = ins.price(rec.high(ins.id()));
      if (l.roundStep() != null) {
        double step = l.roundStep();
        double first = Math.ceil(low / step);
        // Up to 64 levels in all; counting steps too, since a step too fine to move p (1e-18 at
        // 600) names the same level again and again.
        for (int k = 0; k < 128 && named.size() < 64; k++) {
          double p = (first + k) * step;
          if (p > high) {
            break;
          }
          if (Math.abs(p - start) > 1e-9) {
            named.put("round " + fmt(p), p);
          }
        }
      }
      for (Map.Entry<String, Double> e : named.entrySet()) {
        out.add(level(ins, rec, e.getKey(), e.getValue(), start));
      }
    }
    return out;
  }

  private static LevelLine level(
      Instrument ins, MarketRecorder rec, String name, double price, double start) {
    boolean fromAbove = start > price;
    long at = rec.firstBarReaching(ins.id(), price, fromAbove);
    if (at != Long.MIN_VALUE) {
      return new LevelLine(
          ins.symbol(), name, round(price), true, fromAbove ? "below" : "above", Time.format(at));
    }
    return new LevelLine(ins.symbol(), name, round(price), false, null, null);
  }

  private static InstrumentSummary line(List<InstrumentSummary> lines, String symbol) {
    for (InstrumentSummary s : lines) {
      if (s.symbol().equals(symbol)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no summary line for " + symbol);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(round(v));
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
