package dev.cascade.derivatives;

import java.util.List;

/**
 * Who is on which side of the open interest: the dealer sign per contract, +1 when dealers are long
 * the option (they hold its positive gamma), -1 when short. Default (the convention of the public
 * GEX literature, e.g. SqueezeMetrics 2017): dealers LONG calls, SHORT puts, because customers
 * overwrite calls and buy puts. Strike bands override the default; the first band containing the
 * strike wins.
 *
 * @param callSign dealer sign on calls outside every band
 * @param putSign dealer sign on puts outside every band
 * @param bands overrides by strike range
 */
public record DealerConvention(int callSign, int putSign, List<StrikeBand> bands) {

  /**
   * Dealer signs for strikes in [fromStrike, toStrike), dollars.
   *
   * @param fromStrike inclusive lower strike
   * @param toStrike exclusive upper strike
   * @param callSign dealer sign on calls in the band
   * @param putSign dealer sign on puts in the band
   */
  public record StrikeBand(double fromStrike, double toStrike, int callSign, int putSign) {
    public StrikeBand {
      if (!(fromStrike < toStrike)) {
        throw new IllegalArgumentException("need fromStrike < toStrike");
      }
      checkSign(callSign);
      checkSign(putSign);
    }
  }

  public DealerConvention {
    checkSign(callSign);
    checkSign(putSign);
    bands = List.copyOf(bands);
  }

  /** Dealers long calls and short puts at every strike. */
  public static DealerConvention standard() {
    return new DealerConvention(1, -1, List.of());
  }

  /** The dealer sign, +1 or -1 (or 0 if configured flat), for one contract. */
  public int sign(OptionContract c) {
    for (StrikeBand b : bands) {
      if (c.strike() >= b.fromStrike() && c.strike() < b.toStrike()) {
        return c.type() == OptionType.CALL ? b.callSign() : b.putSign();
      }
    }
    return c.type() == OptionType.CALL ? callSign : putSign;
  }

  /** A plain-words description for reports, e.g. "dealers long calls, short puts". */
  public String describe() {
    String base = "dealers " + side(callSign) + " calls, " + side(putSign) + " puts";
    return bands.isEmpty() ? base : base + " (" + bands.size() + " strike-band overrides)";
  }

  private static String side(int sign) {
    return sign > 0 ? "long" : sign < 0 ? "short" : "flat";
  }

  private static void checkSign(int s) {
    if (s < -1 || s > 1) {
      throw new IllegalArgumentException("dealer sign must be -1, 0 or +1: " + s);
    }
  }
}
