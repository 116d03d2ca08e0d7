package dev.cascade.margin;

import dev.cascade.market.AssetClass;
import dev.cascade.market.Instrument;

/**
 * Portfolio (risk-based) margin: the requirement is the worst loss of a position over a grid of
 * price moves, FINRA Rule 4210(g) style. Single stocks are moved by +/-{@code singleStockMove},
 * broad indices and ETFs up by {@code indexUp} and down by {@code indexDown} (FINRA 4210(g)(2)(F):
 * +6%/-8% for broad-based index products, +/-15% for other securities). The grid has {@code points}
 * evenly spaced moves from the largest fall to the largest rise; with linear positions the worst is
 * at an end point, the grid is kept so that option positions can be added. Each instrument is its
 * own class group, so there are no offsets between instruments. Maintenance equals the requirement;
 * the initial requirement is {@code initialMultiple} times it (a house add-on; 1 by default).
 *
 * @param singleStockMove fraction, e.g. 0.15
 * @param indexUp fraction, e.g. 0.06
 * @param indexDown fraction, e.g. 0.08
 * @param points grid points, at least 2
 * @param initialMultiple initial / maintenance, at least 1
 */
public record StressMargin(
    double singleStockMove, double indexUp, double indexDown, int points, double initialMultiple)
    implements MarginPolicy {
  /** FINRA 4210(g) moves on a 10-point grid, no house add-on. */
  public static final StressMargin FINRA = new StressMargin(0.15, 0.06, 0.08, 10, 1.0);

  public StressMargin {
    if (points < 2
        || initialMultiple < 1
        || singleStockMove <= 0
        || indexUp <= 0
        || indexDown <= 0) {
      throw new IllegalArgumentException("bad stress-margin parameters");
    }
  }

  @Override
  public long initial(Instrument instrument, long lots, long markTicks) {
    return Math.round(initialMultiple * maintenance(instrument, lots, markTicks));
  }

  @Override
  public long maintenance(Instrument instrument, long lots, long markTicks) {
    boolean index =
        instrument.assetClass() == AssetClass.ETF || instrument.assetClass() == AssetClass.INDEX;
    double up = index ? indexUp : singleStockMove;
    double down = index ? indexDown : singleStockMove;
    double value = (double) lots * markTicks * instrument.cashPerTickLot();
    double worst = 0;
    for (int k = 0; k < points; k++) {
      double s = -1 + 2.0 * k / (points - 1);
      double move = s < 0 ? s * down : s * up;
      worst = Math.max(worst, -value * move);
    }
    return Math.round(worst);
  }
}
