package dev.cascade.agents;

import dev.cascade.market.Instrument;
import java.util.List;

/**
 * What one creation unit of an exchange-traded fund is made of. {@code unitLots} lots of the ETF
 * are created from, or redeemed for, {@code lots(k)} lots of each constituent k. The lots are fixed
 * at the start from the index weights w_k and the reference prices P: lots_k = round(w_k x unitLots
 * x P_etf x cashPerLot_etf / (P_k x cashPerLot_k)), so the basket's value equals the ETF's value at
 * the start up to rounding and the weights then drift with prices, as an index's do. NAV per ETF
 * lot = sum_k lots_k x price_k x cashPerTickLot_k / unitLots.
 */
public final class EtfBasket {
  private final Instrument etf;
  private final List<Instrument> constituents;
  private final double[] weights;
  private final long[] lots;
  private final long unitLots;

  /**
   * @param etf the fund's instrument
   * @param constituents the basket's instruments
   * @param weights index weights at the start, fractions summing to 1
   * @param unitLots ETF lots in one creation unit
   */
  public EtfBasket(Instrument etf, List<Instrument> constituents, double[] weights, long unitLots) {
    if (constituents.size() != weights.length || constituents.isEmpty() || unitLots <= 0) {
      throw new IllegalArgumentException("a basket needs one weight per constituent");
    }
    this.etf = etf;
    this.constituents = List.copyOf(constituents);
    this.weights = weights.clone();
    this.unitLots = unitLots;
    this.lots = new long[weights.length];
    double unitCash = (double) unitLots * etf.referencePriceTicks() * etf.cashPerTickLot();
    for (int k = 0; k < weights.length; k++) {
      Instrument c = constituents.get(k);
      double lotCash = (double) c.referencePriceTicks() * c.cashPerTickLot();
      lots[k] = Math.max(1, Math.round(weights[k] * unitCash / lotCash));
    }
  }

  public Instrument etf() {
    return etf;
  }

  public int size() {
    return constituents.size();
  }

  public Instrument constituent(int k) {
    return constituents.get(k);
  }

  public List<Instrument> constituents() {
    return constituents;
  }

  /** The index weight of constituent k at the start, a fraction. */
  public double weight(int k) {
    return weights[k];
  }

  /** Lots of constituent k in one creation unit. */
  public long lots(int k) {
    return lots[k];
  }

  /** ETF lots in one creation unit. */
  public long unitLots() {
    return unitLots;
  }
}
