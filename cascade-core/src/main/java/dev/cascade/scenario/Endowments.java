package dev.cascade.scenario;

import dev.cascade.market.AssetClass;
import dev.cascade.market.EngineLimits;
import dev.cascade.market.Instrument;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the outside world pays the agents of a scenario at the start, against the engine's limit
 * ({@link EngineLimits#MAX_ENDOWMENT_MICRO}): every agent's cash plus its holdings valued at {@link
 * EngineLimits#BOOK_PRICE_MULTIPLE} times their start prices (the highest their books accept), plus
 * the insurance fund when the scenario has a perpetual. The loader refuses a file beyond it; a
 * scaling that enlarges endowments ({@code --scale-liquidity}) is checked the same way.
 */
public final class Endowments {
  private Endowments() {}

  /** The scenario's endowment, micro-units of currency. */
  public static BigInteger micro(ScenarioSpec spec) {
    Map<String, InstrumentSpec> bySymbol = new HashMap<>();
    for (InstrumentSpec i : spec.instruments()) {
      bySymbol.put(i.symbol(), i);
    }
    return micro(spec.agents(), bySymbol);
  }

  /** The endowment of these groups over these instruments, micro-units of currency. */
  static BigInteger micro(List<AgentGroupSpec> groups, Map<String, InstrumentSpec> instruments) {
    BigInteger sum = BigInteger.ZERO;
    for (AgentGroupSpec g : groups) {
      BigInteger each = micro(g.cash());
      for (Map.Entry<String, Long> h : g.holdings().entrySet()) {
        InstrumentSpec i = instruments.get(h.getKey());
        if (i != null) {
          each = each.add(BigInteger.valueOf(h.getValue()).multiply(lotValueAtBookMax(i)));
        }
      }
      sum = sum.add(each.multiply(BigInteger.valueOf(g.count())));
    }
    for (InstrumentSpec i : instruments.values()) {
      if (i.assetClass() == AssetClass.CRYPTO_PERP) {
        return sum.add(BigInteger.valueOf(Simulations.INSURANCE_FUND_MICRO));
      }
    }
    return sum;
  }

  /** Whether the endowment is within the engine's limit. */
  public static boolean withinLimit(BigInteger micro) {
    return micro.compareTo(BigInteger.valueOf(EngineLimits.MAX_ENDOWMENT_MICRO)) <= 0;
  }

  /**
   * Null when the endowment is within the engine's limit, else what is wrong, as "the agents' cash
   * and holdings {@code comeTo} N currency units in all (...); the engine allows at most M".
   *
   * @param comeTo the verb: "come to" for a file as written, "would come to" for a scaled one
   */
  public static String beyondLimit(BigInteger micro, String comeTo) {
    if (withinLimit(micro)) {
      return null;
    }
    return "the agents' cash and holdings "
        + comeTo
        + " "
        + units(micro)
        + " currency units in all (holdings valued at "
        + EngineLimits.BOOK_PRICE_MULTIPLE
        + " x their start prices, the highest their books accept); the engine allows at most "
        + units(BigInteger.valueOf(EngineLimits.MAX_ENDOWMENT_MICRO));
  }

  /** Micro-units as currency units, for messages. */
  public static String units(BigInteger micro) {
    return new BigDecimal(micro, 6).stripTrailingZeros().toPlainString();
  }

  private static BigInteger lotValueAtBookMax(InstrumentSpec i) {
    long ticks = i.price().divide(i.tick()).longValueExact();
    return EngineLimits.lotValueAtBookMaxMicro(
        ticks, Instrument.cashPerTickLotOf(i.tick(), i.lot(), i.multiplier()));
  }

  private static BigInteger micro(BigDecimal currencyUnits) {
    return currencyUnits
        .multiply(BigDecimal.valueOf(Instrument.CASH_UNITS_PER_CURRENCY_UNIT))
        .setScale(0, RoundingMode.HALF_EVEN)
        .toBigIntegerExact();
  }
}
