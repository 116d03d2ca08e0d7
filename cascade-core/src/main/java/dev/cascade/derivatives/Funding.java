package dev.cascade.derivatives;

import dev.cascade.kernel.Priority;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.Time;
import dev.cascade.kernel.Wakeable;
import dev.cascade.ledger.Ledger;
import dev.cascade.margin.PrimeBroker;
import dev.cascade.market.Instrument;
import java.util.List;

/**
 * Perpetual funding: every {@code intervalHours} (aligned to midnight UTC, so 00:00, 08:00 and
 * 16:00 for 8 hours, as on Binance and BitMEX) each holder of a perpetual with an index pays
 *
 * <pre>
 *   F        = clamp(P + clamp(I - P, -0.05% x h/8, +0.05% x h/8), -cap, +cap)
 *   per lot  = round(F x mark x cashPerTickLot)        micro-units, longs pay shorts when F > 0
 * </pre>
 *
 * where P is the average premium index (mid - index) / index of {@link MarkPrice}'s samples over
 * the interval and I the interest component, 0.01% per 8 hours (Binance "Introduction to Binance
 * Futures Funding Rates": interest 0.03% a day, the inner clamp +-0.05%; BitMEX "Perpetual
 * Contracts Guide": the same formula). The cap is per contract (Binance publishes a cap and floor
 * per symbol). The payment is one {@link Ledger#chargePerLot} per instrument: a whole number of
 * micro-units per lot from every long to every short, so cash is conserved exactly. After a payment
 * the margin desks forget their cached trigger prices (cash moved).
 */
public final class Funding implements Wakeable {
  /** Interest component per 8 hours: 0.03% a day (Binance). */
  public static final double INTEREST_PER_8H = 0.0001;

  /** The inner clamp of I - P per 8 hours (Binance, BitMEX). */
  public static final double INNER_CLAMP_PER_8H = 0.0005;

  private final Scheduler clock;
  private final Ledger ledger;
  private final MarkPrice marks;
  private final List<Instrument> instruments;
  private final double[] intervalHours;
  private final double[] cap;
  private final List<PrimeBroker> brokers;
  private final PrimeBroker venue;
  private final long[] longsToShorts;
  private final double[] lastRate;
  private final int[] payments;

  /**
   * @param intervalHours per instrument, hours between payments (0: no funding)
   * @param capFraction per instrument, the largest |F|, a fraction (0.003 = 0.3%)
   * @param brokers desks whose cached trigger prices a payment invalidates
   * @param venue the desk of the perpetual venue, where the summary reports funding
   */
  public Funding(
      Scheduler clock,
      Ledger ledger,
      MarkPrice marks,
      List<Instrument> instruments,
      double[] intervalHours,
      double[] capFraction,
      List<PrimeBroker> brokers,
      PrimeBroker venue) {
    this.clock = clock;
    this.ledger = ledger;
    this.marks = marks;
    this.instruments = List.copyOf(instruments);
    this.intervalHours = intervalHours.clone();
    this.cap = capFraction.clone();
    this.brokers = List.copyOf(brokers);
    this.venue = venue;
    int n = instruments.size();
    longsToShorts = new long[n];
    lastRate = new double[n];
    payments = new int[n];
  }

  /** The venue the summary reports funding on. */
  public PrimeBroker venue() {
    return venue;
  }

  /** Whether any instrument is funded (a perpetual with an index). */
  public boolean active() {
    for (int i = 0; i < intervalHours.length; i++) {
      if (intervalHours[i] > 0 && marks.indexOf(i) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Schedules the first payment of every perpetual with an index and an interval. */
  public void start() {
    long now = clock.now();
    for (int i = 0; i < intervalHours.length; i++) {
      if (intervalHours[i] > 0 && marks.indexOf(i) >= 0) {
        long every = Math.round(intervalHours[i] * Time.NANOS_PER_HOUR);
        long next = (Math.floorDiv(now, every) + 1) * every;
        clock.at(next, Priority.CLEARING, this, i);
      }
    }
  }

  /** The funding rate for an average premium index over an interval of h hours. */
  public static double rate(double premiumIndex, double hours, double cap) {
    double scale = hours / 8;
    double inner = INNER_CLAMP_PER_8H * scale;
    double f = premiumIndex + clamp(INTEREST_PER_8H * scale - premiumIndex, -inner, inner);
    return clamp(f, -cap, cap);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  @Override
  public void wake(long time, int i) {
    clock.after(Math.round(intervalHours[i] * Time.NANOS_PER_HOUR), Priority.CLEARING, this, i);
    double f = rate(marks.takeAveragePremiumIndex(i), intervalHours[i], cap[i]);
    lastRate[i] = f;
    long perLot = Math.round(f * ledger.mark(i) * instruments.get(i).cashPerTickLot());
    long paidOut = ledger.chargePerLot(i, perLot);
    longsToShorts[i] += perLot >= 0 ? paidOut : -paidOut;
    payments[i]++;
    for (PrimeBroker b : brokers) {
      b.revalue();
    }
  }

  /** Funding paid by longs to shorts in an instrument so far, micro-units (negative: received). */
  public long longsToShorts(int instrument) {
    return longsToShorts[instrument];
  }

  /** Funding paid by longs to shorts over every perpetual, micro-units. */
  public long longsToShorts() {
    long t = 0;
    for (long v : longsToShorts) {
      t += v;
    }
    return t;
  }

  /** The rate of the latest payment, a fraction per interval. */
  public double lastRate(int instrument) {
    return lastRate[instrument];
  }

  /** Payments made so far. */
  public int payments(int instrument) {
    return payments[instrument];
  }
}
