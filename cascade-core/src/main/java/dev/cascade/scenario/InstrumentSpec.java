package dev.cascade.scenario;

import dev.cascade.agents.LeverageEffect;
import dev.cascade.kernel.SessionKind;
import dev.cascade.market.AssetClass;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An instrument as written in a scenario.
 *
 * @param symbol ticker
 * @param assetClass what it is
 * @param tick price increment, currency units
 * @param lot units per lot
 * @param multiplier currency units per price unit per quantity unit (1 for cash products)
 * @param currency ISO code
 * @param session trading hours
 * @param price reference (starting) price, currency units, on the tick grid
 * @param fundamentalVolPct annualised volatility of the fundamental value's random walk, percent
 * @param baselineDailyVolume a normal day's volume in lots in this simulation (the denominator of
 *     relative volume), or 0 if not known
 * @param rates how the fundamental value responds to rates ({@link RateSensitivity#NONE} if not)
 * @param basket the creation basket when the instrument is an ETF over other instruments, or null
 * @param perpetual the index and funding of a perpetual ({@link PerpetualSpec#NONE} otherwise)
 * @param dailyLimitPct the daily price limit, percent of the previous close either way (Shanghai's
 *     10%), or 0 for none
 * @param volFuture what a future on a volatility index settles to and how its term structure moves
 *     ({@link VolFutureSpec#NONE} for every other instrument)
 * @param leverageEffect how the news flow's activity answers the instrument's own price (its
 *     class's default unless the scenario gives one)
 */
public record InstrumentSpec(
    String symbol,
    AssetClass assetClass,
    BigDecimal tick,
    BigDecimal lot,
    BigDecimal multiplier,
    String currency,
    SessionKind session,
    BigDecimal price,
    double fundamentalVolPct,
    long baselineDailyVolume,
    RateSensitivity rates,
    BasketSpec basket,
    PerpetualSpec perpetual,
    double dailyLimitPct,
    VolFutureSpec volFuture,
    LeverageEffect leverageEffect) {

  public InstrumentSpec {
    if (!(dailyLimitPct >= 0 && dailyLimitPct < 100)) {
      throw new IllegalArgumentException("dailyLimitPct must be in [0, 100): " + dailyLimitPct);
    }
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(assetClass, "assetClass");
    Objects.requireNonNull(tick, "tick");
    Objects.requireNonNull(lot, "lot");
    Objects.requireNonNull(multiplier, "multiplier");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(perpetual, "perpetual");
    Objects.requireNonNull(volFuture, "volFuture");
    Objects.requireNonNull(leverageEffect, "leverageEffect");
  }

  /** The same instrument with another fundamental volatility (percent a year). */
  public InstrumentSpec withFundamentalVolPct(double pct) {
    return new InstrumentSpec(
        symbol,
        assetClass,
        tick,
        lot,
        multiplier,
        currency,
        session,
        price,
        pct,
        baselineDailyVolume,
        rates,
        basket,
        perpetual,
        dailyLimitPct,
        volFuture,
        leverageEffect);
  }

  /**
   * A plain instrument: no rate sensitivity, basket, perpetual terms, daily limit or volatility
   * index; the {@code with...} methods add them.
   */
  public InstrumentSpec(
      String symbol,
      AssetClass assetClass,
      BigDecimal tick,
      BigDecimal lot,
      BigDecimal multiplier,
      String currency,
      SessionKind session,
      BigDecimal price,
      double fundamentalVolPct,
      long baselineDailyVolume) {
    this(
        symbol,
        assetClass,
        tick,
        lot,
        multiplier,
        currency,
        session,
        price,
        fundamentalVolPct,
        baselineDailyVolume,
        RateSensitivity.NONE,
        null,
        PerpetualSpec.NONE,
        0,
        VolFutureSpec.NONE,
        LeverageEffect.defaultFor(assetClass));
  }

  /** The same instrument with other rate sensitivity. */
  public InstrumentSpec withRates(RateSensitivity r) {
    return new InstrumentSpec(
        symbol,
        assetClass,
        tick,
        lot,
        multiplier,
        currency,
        session,
        price,
        fundamentalVolPct,
        baselineDailyVolume,
        r,
        basket,
        perpetual,
        dailyLimitPct,
        volFuture,
        leverageEffect);
  }

  /** The same instrument with another creation basket (null for none). */
  public InstrumentSpec withBasket(BasketSpec b) {
    return new InstrumentSpec(
        symbol,
        assetClass,
        tick,
        lot,
        multiplier,
        currency,
        session,
        price,
        fundamentalVolPct,
        baselineDailyVolume,
        rates,
        b,
        perpetual,
        dailyLimitPct,
        volFuture,
        leverageEffect);
  }

  /** The same instrument with other perpetual terms. */
  public InstrumentSpec withPerpetual(PerpetualSpec p) {
    return new InstrumentSpec(
        symbol,
        assetClass,
        tick,
        lot,
        multiplier,
        currency,
        session,
        price,
        fundamentalVolPct,
        baselineDailyVolume,
        rates,
        basket,
        p,
        dailyLimitPct,
        volFuture,
        leverageEffect);
  }

  /**
   * Whose news flow this instrument's value follows when it is not its own, in words ("its basket
   * members'", "its index BTC's", "its volatility index's"), or null when its value walks by
   * itself: only then does its own {@code leverageEffect} act (docs/model.md §4).
   */
  public String borrowedNewsFlow() {
    if (basket != null) {
      return "its basket members'";
    }
    if (perpetual.index() != null) {
      return "its index " + perpetual.index() + "'s";
    }
    return volFuture.present() ? "its volatility index's" : null;
  }

  /** Whether its own leverage effect acts: it has one and its value walks by itself. */
  public boolean readsOwnPrice() {
    return leverageEffect.amplitude() > 0 && borrowedNewsFlow() == null;
  }

  /** The same instrument with another leverage effect. */
  public InstrumentSpec withLeverageEffect(LeverageEffect l) {
    return new InstrumentSpec(
        symbol,
        assetClass,
        tick,
        lot,
        multiplier,
        currency,
        session,
        price,
        fundamentalVolPct,
        baselineDailyVolume,
        rates,
        basket,
        perpetual,
        dailyLimitPct,
        volFuture,
        l);
  }
}
