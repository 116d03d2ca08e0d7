package dev.cascade.derivatives;

import dev.cascade.kernel.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Parameters of a dealer's generated option book, for runs without a chain file. Calls and puts
 * each get a normal open-interest profile in log-moneyness around their own centre, because
 * customers' puts sit below spot and their calls above it (which is what puts a gamma flip between
 * them):
 *
 * <pre>
 *   K_j       = centre (1 + j * strikeStepPct/100),   j = -strikesEachSide..strikesEachSide
 *   OI(K_j)  ~ exp(-ln(K_j/centre)^2 / (2 (strikeWidthPct/100)^2))
 *   centre    = spot (1 + callCentrePct/100) for calls, spot (1 - putCentrePct/100) for puts
 *   contracts = totalNotional / (100 spot), split put:call = putCallRatio:1, equally over expiries
 *   expiry e  = the date firstExpiryDays + e * expirySpacingDays after the start date, 16:00 local
 *               (PM settlement, as SPXW weeklies)
 * </pre>
 *
 * Strikes at or below zero (a grid wider than its centre: {@code strikeStepPct x strikesEachSide >=
 * 100}) are left out, and the profile is spread over the positive ones.
 *
 * <p>Each line holds round(OI) contracts with the dealer sign of its type: {@code callSign}, {@code
 * putSign} (+1 long, -1 short, 0 none; default +1 / -1, dealers long calls and short puts, the
 * SqueezeMetrics 2017 convention of {@link DealerConvention#standard()}).
 *
 * @param totalNotional dollars of underlying controlled by all contracts
 * @param putCallRatio put open interest / call open interest
 * @param putCentrePct how far below spot the put profile is centred, percent
 * @param callCentrePct how far above spot the call profile is centred, percent
 * @param strikeWidthPct standard deviation of ln(K/centre) of each profile, percent
 * @param strikeStepPct strike spacing, percent of the centre
 * @param strikesEachSide strikes above and below each centre
 * @param expiries number of expiries
 * @param firstExpiryDays calendar days from the start date to the first expiry (0: today)
 * @param expirySpacingDays calendar days between expiries
 * @param callSign dealer sign on calls
 * @param putSign dealer sign on puts
 */
public record DealerBookSpec(
    double totalNotional,
    double putCallRatio,
    double putCentrePct,
    double callCentrePct,
    double strikeWidthPct,
    double strikeStepPct,
    int strikesEachSide,
    int expiries,
    int firstExpiryDays,
    int expirySpacingDays,
    int callSign,
    int putSign) {

  /** Settlement time of generated expiries, exchange local time. */
  public static final LocalTime SETTLEMENT = LocalTime.of(16, 0);

  public DealerBookSpec {
    if (!(totalNotional >= 0) || Double.isInfinite(totalNotional) || !(putCallRatio >= 0)) {
      throw new IllegalArgumentException("need totalNotional >= 0 and putCallRatio >= 0");
    }
    if (!(strikeWidthPct > 0) || !(strikeStepPct > 0) || strikesEachSide < 0) {
      throw new IllegalArgumentException("need strikeWidthPct > 0, strikeStepPct > 0");
    }
    if (putCentrePct >= 100 || callCentrePct <= -100) {
      throw new IllegalArgumentException("a profile's centre would be at or below zero");
    }
    if (expiries < 1 || firstExpiryDays < 0 || expirySpacingDays < 1) {
      throw new IllegalArgumentException(
          "need expiries >= 1, firstExpiryDays >= 0, expirySpacingDays >= 1");
    }
    if (Math.abs(callSign) > 1 || Math.abs(putSign) > 1) {
      throw new IllegalArgumentException("dealer signs must be -1, 0 or +1");
    }
  }

  /**
   * The expiry instant of expiry {@code e} (0-based), nanos, for a run starting at {@code start}.
   */
  public long expiryNanos(int e, long start, ZoneId zone) {
    LocalDate day = Time.toInstant(start).atZone(zone).toLocalDate();
    return Time.of(
        day.plusDays(firstExpiryDays + (long) e * expirySpacingDays).atTime(SETTLEMENT), zone);
  }

  /**
   * Builds the book at {@code spot} dollars for a run starting at {@code start} nanos in {@code
   * zone}, valued with rate r and dividend yield q.
   */
  public DealerBook build(double spot, long start, ZoneId zone, double rate, double div) {
    if (!(spot > 0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException("spot must be positive: " + spot);
    }
    DealerBook book = new DealerBook(rate, div);
    double contracts = totalNotional / (OptionContract.MULTIPLIER * spot);
    double calls = contracts / (1 + putCallRatio);
    for (int e = 0; e < expiries; e++) {
      long expiry = expiryNanos(e, start, zone);
      addProfile(
          book,
          OptionType.CALL,
          spot * (1 + callCentrePct / 100),
          calls / expiries,
          callSign,
          expiry);
      addProfile(
          book,
          OptionType.PUT,
          spot * (1 - putCentrePct / 100),
          (contracts - calls) / expiries,
          putSign,
          expiry);
    }
    return book;
  }

  private void addProfile(
      DealerBook book, OptionType type, double centre, double total, int sign, long expiry) {
    if (sign == 0) {
      return;
    }
    int n = 2 * strikesEachSide + 1;
    double w = strikeWidthPct / 100;
    double[] weight = new double[n];
    boolean[] positive = new boolean[n];
    double sum = 0;
    for (int j = 0; j < n; j++) {
      double m = 1 + (j - strikesEachSide) * strikeStepPct / 100;
      positive[j] = m > 0;
      if (!positive[j]) {
        continue; // no such strike: strikes are positive
      }
      double k = StrictMath.log(m);
      weight[j] = StrictMath.exp(-k * k / (2 * w * w));
      sum += weight[j];
    }
    for (int j = 0; j < n; j++) {
      if (!positive[j]) {
        continue;
      }
      long oi = Math.round(total * weight[j] / sum);
      double strike = centre * (1 + (j - strikesEachSide) * strikeStepPct / 100);
      book.add(type, strike, expiry, sign * oi);
    }
  }
}
