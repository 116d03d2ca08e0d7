package dev.cascade.margin;

import dev.cascade.market.Instrument;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Procyclical CCP initial margin for futures and metals. The maintenance rate of instrument i is
 *
 * <pre>
 *   target_i = z x sigma_daily_i x sqrt(MPOR)        sigma_daily = sigma_annual / sqrt(252)
 *   rate_i   = max(target_i, floor_i)                  when it rises (at once)
 *   rate_i   = max(target_i, floor_i, rate_i x (1 - release))   when it falls (slowly)
 * </pre>
 *
 * where sigma_annual is the exchange's EWMA realised volatility and floor_i = z x (the instrument's
 * prior annual volatility / sqrt(252)) x sqrt(MPOR), so the margin never falls below its calm
 * level. Defaults: z = 2.33 (99% one-tailed cover, EMIR RTS 153/2013 Art. 24 for exchange-traded
 * derivatives), MPOR = 2 days (the same RTS, Art. 26), release = 5% per update (assumed: "lowered
 * slowly"). Maintenance = rate x notional; initial = {@code initialMultiple} x maintenance (1.1:
 * CME's initial margin for speculators is 110% of maintenance).
 */
public final class CcpMargin implements MarginPolicy {
  private static final double TRADING_DAYS = 252;

  private final double z;
  private final double mporDays;
  private final double release;
  private final double initialMultiple;
  private final double[] floor;
  private final double[] rate;

  /**
   * @param priorAnnualVols calm annualised volatility per instrument id (the floors)
   * @param z standard normal quantile of the cover
   * @param mporDays margin period of risk, days
   * @param release largest fraction the rate falls per update
   * @param initialMultiple initial / maintenance
   */
  public CcpMargin(
      double[] priorAnnualVols, double z, double mporDays, double release, double initialMultiple) {
    if (z <= 0 || mporDays <= 0 || release < 0 || release > 1 || initialMultiple < 1) {
      throw new IllegalArgumentException("bad CCP margin parameters");
    }
    this.z = z;
    this.mporDays = mporDays;
    this.release = release;
    this.initialMultiple = initialMultiple;
    this.floor = new double[priorAnnualVols.length];
    for (int i = 0; i < floor.length; i++) {
      floor[i] = rateFor(priorAnnualVols[i]);
    }
    this.rate = Arrays.copyOf(floor, floor.length);
  }

  /** The defaults: z 2.33, MPOR 2 days, 5% release per update, initial 110% of maintenance. */
  public static CcpMargin standard(double[] priorAnnualVols) {
    return new CcpMargin(priorAnnualVols, 2.33, 2, 0.05, 1.1);
  }

  private double rateFor(double annualVol) {
    return z * annualVol / Math.sqrt(TRADING_DAYS) * Math.sqrt(mporDays);
  }

  /** Recomputes every rate from current annualised volatilities: up at once, down slowly. */
  public void update(IntToDoubleFunction annualVol) {
    for (int i = 0; i < rate.length; i++) {
      double v = annualVol.applyAsDouble(i);
      double target = Math.max(floor[i], Double.isFinite(v) ? rateFor(v) : 0);
      rate[i] = target >= rate[i] ? target : Math.max(target, rate[i] * (1 - release));
    }
  }

  /** Maintenance rate of an instrument now, a fraction of notional. */
  public double rate(int instrument) {
    return rate[instrument];
  }

  @Override
  public long initial(Instrument instrument, long lots, long markTicks) {
    return Math.round(initialMultiple * maintenance(instrument, lots, markTicks));
  }

  @Override
  public long maintenance(Instrument instrument, long lots, long markTicks) {
    return Math.round(rate[instrument.id()] * MarginPolicy.notional(instrument, lots, markTicks));
  }
}
