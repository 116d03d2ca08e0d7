package dev.cascade.derivatives;

import java.util.Arrays;

/**
 * The options dealers' net gamma exposure on one underlying over a price grid at one moment: GEX(S)
 * in dollars of delta per 1% move, recomputed at each grid price S with the book, the surface and
 * the time of that moment (sticky strike). The grid is even over spot x (1 +- {@link
 * GammaFlip#GRID_PCT}/100) with {@link GammaFlip#STEPS} prices, the grid the flip is searched on.
 *
 * @param underlying symbol
 * @param timeNanos the moment, simulated nanos
 * @param spot spot at that moment, dollars
 * @param prices grid prices, dollars, increasing
 * @param gexPer1Pct net GEX at each grid price, dollars per 1% move
 */
public record GammaProfile(
    String underlying, long timeNanos, double spot, double[] prices, double[] gexPer1Pct) {
  public GammaProfile {
    prices = prices.clone();
    gexPer1Pct = gexPer1Pct.clone();
    if (prices.length != gexPer1Pct.length) {
      throw new IllegalArgumentException("prices and gexPer1Pct differ in length");
    }
  }

  @Override
  public double[] prices() {
    return prices.clone();
  }

  @Override
  public double[] gexPer1Pct() {
    return gexPer1Pct.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GammaProfile p
        && underlying.equals(p.underlying)
        && timeNanos == p.timeNanos
        && Double.compare(spot, p.spot) == 0
        && Arrays.equals(prices, p.prices)
        && Arrays.equals(gexPer1Pct, p.gexPer1Pct);
  }

  @Override
  public int hashCode() {
    return 31 * underlying.hashCode() + Arrays.hashCode(gexPer1Pct);
  }

  @Override
  public String toString() {
    return "GammaProfile[" + underlying + " at " + timeNanos + ", spot " + spot + "]";
  }
}
