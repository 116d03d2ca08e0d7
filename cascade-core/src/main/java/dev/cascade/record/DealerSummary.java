package dev.cascade.record;

import dev.cascade.derivatives.DealerReport;
import dev.cascade.kernel.Time;

/**
 * The {@code dealers} section of {@code summary.json}, one per underlying with options dealers.
 * Gamma is the dealers' net gamma exposure at spot in dollars of delta per 1% move (negative: the
 * dealers are short gamma and their hedges go with the move); the flip is the price nearest spot
 * where it changes sign.
 *
 * @param underlying symbol
 * @param dealers dealer agents on it
 * @param netGammaStartPer1Pct net GEX at the start, dollars per 1%
 * @param netGammaEndPer1Pct net GEX at the end, dollars per 1%
 * @param flipStart gamma flip at the start, dollars; null when GEX keeps one sign within +-20%
 * @param flipEnd gamma flip at the end, dollars; null likewise
 * @param spotStart spot at the start, dollars
 * @param spotEnd spot at the end, dollars
 * @param flipCrossedAt ISO-8601 UTC time spot first crossed the flip (net GEX at spot changed
 *     sign), to the 10-second sample; null if it did not
 * @param hedgeLots lots traded by dealer hedge orders
 * @param hedgeNotional dollars traded by dealer hedge orders
 * @param hedgeBoughtLots hedge lots bought
 * @param hedgeSoldLots hedge lots sold
 * @param contractsStart gross option contracts on the dealers' books at the start
 * @param contractsEnd gross option contracts at the end
 * @param contractsRolledOff contracts that expired during the run
 * @param customerPuts puts customers bought from dealers, contracts
 * @param customerPutsSameDay of which expiring at the close of the day bought (0DTE)
 * @param customerCalls calls customers sold to the dealers (call overwriting), contracts
 * @param vixStart VIX-style 30-day index at the start, points
 * @param vixMax its highest 5-minute sample
 * @param vixEnd its value at the end
 */
public record DealerSummary(
    String underlying,
    int dealers,
    double netGammaStartPer1Pct,
    double netGammaEndPer1Pct,
    Double flipStart,
    Double flipEnd,
    double spotStart,
    double spotEnd,
    String flipCrossedAt,
    long hedgeLots,
    double hedgeNotional,
    long hedgeBoughtLots,
    long hedgeSoldLots,
    long contractsStart,
    long contractsEnd,
    long contractsRolledOff,
    long customerPuts,
    long customerPutsSameDay,
    long customerCalls,
    double vixStart,
    double vixMax,
    double vixEnd) {

  /** The section for one underlying's report. */
  static DealerSummary of(DealerReport r) {
    return new DealerSummary(
        r.underlying(),
        r.dealers(),
        round(r.netGammaStart(), 0),
        round(r.netGammaEnd(), 0),
        level(r.flipStart()),
        level(r.flipEnd()),
        round(r.spotStart(), 4),
        round(r.spotEnd(), 4),
        r.flipCrossedNanos() < 0 ? null : Time.format(r.flipCrossedNanos()),
        r.hedgeLots(),
        round(r.hedgeNotional(), 2),
        r.hedgeBoughtLots(),
        r.hedgeSoldLots(),
        r.contractsStart(),
        r.contractsEnd(),
        r.contractsRolledOff(),
        r.customerPuts(),
        r.customerPutsSameDay(),
        r.customerCalls(),
        round(r.vixStart(), 3),
        round(r.vixMax(), 3),
        round(r.vixEnd(), 3));
  }

  private static Double level(double v) {
    return Double.isFinite(v) ? round(v, 4) : null;
  }

  private static double round(double v, int places) {
    double f = StrictMath.pow(10, places);
    return Math.round(v * f) / f;
  }
}
