package dev.cascade.scenario;

import dev.cascade.ledger.Ledger;
import dev.cascade.market.EngineLimits;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rules that turn a {@code metaorder} shock into lots, shared by the loader (which refuses what
 * these rules cannot run) and {@link Simulations#resolve} (which runs it), so validate accepts
 * exactly what run runs. docs/model.md §6.
 */
public final class Metaorders {
  /** The parameter holding the side: +1 for a buy, -1 for a sell. */
  public static final String SIDE = "side";

  /** The size as notional in the instrument's currency, at its stated price. */
  public static final String DOLLARS = "dollars";

  /** The size as a percentage of the instrument's {@code baselineDailyVolume}. */
  public static final String PCT_OF_DAILY_VOLUME = "pctOfDailyVolume";

  /** The duration parameter, minutes (> 0). */
  public static final String MINUTES = "minutes";

  /**
   * A buy is funded with this multiple of its notional at the stated price, so the cash account can
   * pay market orders up to twice that price.
   */
  public static final int BUY_CASH_COVER = 2;

  private Metaorders() {}

  /**
   * A metaorder shock, as the loader stores it.
   *
   * @param side buy or sell
   * @param sizeKey {@link #DOLLARS} or {@link #PCT_OF_DAILY_VOLUME}
   */
  public static ShockSpec shock(
      OffsetDateTime at,
      String label,
      String target,
      Side side,
      String sizeKey,
      double size,
      double minutes) {
    Map<String, Double> p = new HashMap<>();
    p.put(SIDE, (double) side.sign());
    p.put(sizeKey, size);
    p.put(MINUTES, minutes);
    return new ShockSpec(ShockType.METAORDER, at, label, target, p);
  }

  /** The side of a metaorder shock. */
  public static Side side(ShockSpec s) {
    return s.param(SIDE) > 0 ? Side.BUY : Side.SELL;
  }

  /** A lot's value at the instrument's stated price, currency units: price x lot x multiplier. */
  static BigDecimal lotValue(InstrumentSpec i) {
    return i.price().multiply(i.lot()).multiply(i.multiplier());
  }

  /**
   * The metaorder's size in lots: round(pct / 100 x baselineDailyVolume), or round(dollars / (price
   * x lot x multiplier)) at the stated price, half to even. 0 when it rounds to nothing.
   */
  public static long lots(ShockSpec s, InstrumentSpec i) {
    BigDecimal lots;
    if (s.params().containsKey(PCT_OF_DAILY_VOLUME)) {
      lots =
          BigDecimal.valueOf(s.param(PCT_OF_DAILY_VOLUME))
              .movePointLeft(2)
              .multiply(BigDecimal.valueOf(i.baselineDailyVolume()));
    } else {
      lots = BigDecimal.valueOf(s.param(DOLLARS)).divide(lotValue(i), 6, RoundingMode.HALF_EVEN);
    }
    BigDecimal r = lots.setScale(0, RoundingMode.HALF_EVEN);
    return r.compareTo(BigDecimal.valueOf(maxLots(i))) > 0 ? Long.MAX_VALUE : r.longValueExact();
  }

  /**
   * The largest metaorder on an instrument, lots: its funding (for a buy, {@link #BUY_CASH_COVER}
   * times the notional) must fit in one endowment of {@link EngineLimits#MAX_ENDOWMENT_MICRO}.
   */
  public static long maxLots(InstrumentSpec i) {
    BigDecimal perLot =
        lotValue(i)
            .multiply(BigDecimal.valueOf(Instrument.CASH_UNITS_PER_CURRENCY_UNIT))
            .multiply(BigDecimal.valueOf(BUY_CASH_COVER));
    return BigDecimal.valueOf(EngineLimits.MAX_ENDOWMENT_MICRO)
        .divide(perLot, 0, RoundingMode.FLOOR)
        .max(BigDecimal.ONE)
        .longValue();
  }

  /** The cash a buy of {@code lots} is endowed with, micro-units: the cover times the notional. */
  static long buyCashMicro(long lots, InstrumentSpec i) {
    return lotValue(i)
        .multiply(BigDecimal.valueOf(lots))
        .multiply(BigDecimal.valueOf(BUY_CASH_COVER))
        .multiply(BigDecimal.valueOf(Instrument.CASH_UNITS_PER_CURRENCY_UNIT))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  /**
   * Why a metaorder shock on {@code i} cannot run, in words for a located error, or null if it can:
   * a size that rounds to no lot, one too large to fund, a percentage of an unknown daily volume,
   * an instrument that settles by variation (no units to deliver).
   */
  public static String problem(ShockSpec s, InstrumentSpec i) {
    if (Ledger.settlesByVariation(i.assetClass())) {
      return "a metaorder needs an instrument that settles by delivery, but "
          + i.symbol()
          + " is a "
          + i.assetClass().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
    if (s.params().containsKey(PCT_OF_DAILY_VOLUME) && i.baselineDailyVolume() <= 0) {
      return i.symbol()
          + " has no baselineDailyVolume, so pctOfDailyVolume has nothing to be a percentage of;"
          + " give the instrument one or size the metaorder in dollars";
    }
    long lots = lots(s, i);
    if (lots < 1) {
      return "the metaorder rounds to "
          + lots
          + " lots of "
          + i.symbol()
          + "; it must be at least one lot";
    }
    if (lots > maxLots(i)) {
      return "the metaorder is larger than the engine can fund: at most "
          + maxLots(i)
          + " lots of "
          + i.symbol();
    }
    return null;
  }
}
