package dev.cascade.record;

import dev.cascade.scenario.RealScale;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code scale} section of summary.json, present when the scenario states real daily volumes:
 * the factor from simulated to real dollars, what fixed it, and the run's headline dollar figures
 * at real scale (docs/model.md §14). Every other dollar figure in summary.json is in simulated
 * dollars; multiply by {@code realDollarsPerSimulatedDollar} for real ones.
 *
 * @param realDollarsPerSimulatedDollar the factor
 * @param basis the instruments that fixed it
 * @param marginCalls the margin calls' deficits when issued, all desks, real dollars
 * @param liquidated the notional of forced liquidations, all venues, real dollars
 * @param venues forced liquidations per venue, real dollars, in {@code liquidations} order
 * @param dealers options dealers' gamma and hedging per underlying at real scale, in {@code
 *     dealers} order (empty without dealers)
 */
public record ScaleSummary(
    double realDollarsPerSimulatedDollar,
    List<Basis> basis,
    double marginCalls,
    double liquidated,
    List<Venue> venues,
    List<Dealers> dealers) {

  /**
   * One instrument's part in the scale.
   *
   * @param symbol the instrument
   * @param realDailyVolume the real market's daily dollar volume it stands for
   * @param simulatedDailyVolume its baseline daily volume in dollars at its start price
   * @param factor its own ratio of the two
   */
  public record Basis(
      String symbol, double realDailyVolume, double simulatedDailyVolume, double factor) {}

  /**
   * A venue's forced liquidations at real scale.
   *
   * @param name the broker or venue
   * @param notional the liquidations' notional, real dollars
   * @param longs of which long positions sold
   * @param shorts of which short positions bought back
   */
  public record Venue(String name, double notional, double longs, double shorts) {}

  /**
   * Options dealers on one underlying at real scale.
   *
   * @param underlying the hedged instrument
   * @param netGammaStartPer1Pct dealers' net gamma at the start, real dollars of delta per 1%
   * @param netGammaEndPer1Pct the same at the end
   * @param hedgeNotional the notional of their hedge trades, real dollars
   */
  public record Dealers(
      String underlying,
      double netGammaStartPer1Pct,
      double netGammaEndPer1Pct,
      double hedgeNotional) {}

  /** The section for a run at this scale, or null when the scenario has none. */
  static ScaleSummary of(
      RealScale scale,
      MarginSummary margin,
      LiquidationSummary liquidations,
      List<DealerSummary> dealers) {
    if (!scale.isSet()) {
      return null;
    }
    List<Basis> basis = new ArrayList<>();
    for (RealScale.Basis b : scale.basis()) {
      basis.add(
          new Basis(
              b.symbol(),
              b.realDailyVolume(),
              RunSummary.round(b.simulatedDailyVolume(), 2),
              RunSummary.round(b.factor(), 4)));
    }
    double calls = 0;
    for (MarginSummary.Desk d : margin.desks()) {
      calls += d.callAmount();
    }
    double liquidated = 0;
    List<Venue> venues = new ArrayList<>();
    for (LiquidationSummary.Venue v : liquidations.venues()) {
      liquidated += v.notional();
      venues.add(
          new Venue(
              v.name(),
              real(scale, v.notional()),
              real(scale, v.longs()),
              real(scale, v.shorts())));
    }
    List<Dealers> dealerLines = new ArrayList<>();
    for (DealerSummary d : dealers) {
      dealerLines.add(
          new Dealers(
              d.underlying(),
              real(scale, d.netGammaStartPer1Pct()),
              real(scale, d.netGammaEndPer1Pct()),
              real(scale, d.hedgeNotional())));
    }
    return new ScaleSummary(
        RunSummary.round(scale.factor(), 4),
        basis,
        real(scale, calls),
        real(scale, liquidated),
        venues,
        dealerLines);
  }

  /** A simulated dollar figure at real scale, to the dollar. */
  private static double real(RealScale scale, double simulated) {
    return Math.rint(scale.real(simulated));
  }
}
