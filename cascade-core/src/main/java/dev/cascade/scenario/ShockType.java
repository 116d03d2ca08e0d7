package dev.cascade.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of shock a scenario can schedule, with the parameters each takes. */
public enum ShockType {
  /**
   * The fundamental value of {@code target} jumps by {@code pct} percent (an earnings surprise).
   */
  FUNDAMENTAL(true, List.of("pct")),
  /**
   * An earnings report re-rates {@code target}: its value moves by the rule of {@link Earnings}
   * from the reported change of gross margin and revenue and the firm's operating margin. With
   * {@code spillover}, as a fundamental shock, the news also moves the factors the target loads on.
   */
  EARNINGS(true, List.of(Earnings.OPERATING_MARGIN_PCT)),
  /**
   * An inflation print: discount rates move by {@code surprisePp x bpPerPp} basis points ({@link
   * Inflation}), on the target or on every rate-sensitive instrument, as a {@code yield} shock.
   */
  INFLATION(false, List.of(Inflation.SURPRISE_PP, Inflation.BP_PER_PP)),
  /**
   * Market makers on {@code target} (or everywhere, without a target) widen spreads by {@code
   * spreadMultiplier} and quote {@code depthMultiplier} of their size for {@code minutes}.
   */
  LIQUIDITY(false, List.of("spreadMultiplier", "depthMultiplier", "minutes")),
  /**
   * The yield (discount rate) of {@code target}, or of every rate-sensitive instrument without a
   * target, moves by {@code bp} basis points: a macro print. Values move by -D dr + C dr^2 / 2.
   */
  YIELD(false, List.of("bp")),
  /**
   * A policy repricing: the market's probability of a rate cut of {@code cutBp} basis points at the
   * next meeting changes by {@code probabilityChangePct} percentage points. Rule (assumed,
   * docs/model.md §12): every rate-sensitive instrument's yield moves by -probabilityChangePct /
   * 100 x cutBp basis points (the change in the expected policy rate, passed through one for one).
   */
  POLICY(false, List.of("probabilityChangePct", "cutBp")),
  /**
   * Investor flow into fund {@code target}: {@code dollars} (negative for an outflow), spread
   * evenly over {@code minutes}, executed by the passive families that hold or track the fund.
   */
  FLOW(true, List.of("dollars", "minutes")),
  /**
   * The venue multiplies its margin rates on {@code target} by {@code multiplier} (SHFE and Comex
   * raising silver margins, commentary 003): every margin account is checked at once.
   */
  MARGIN_RATE(true, List.of("multiplier")),
  /**
   * A metaorder on {@code target}: {@code side} (buy or sell) and a size as exactly one of {@code
   * dollars} (notional at the instrument's stated price) or {@code pctOfDailyVolume} (of its {@code
   * baselineDailyVolume}), worked over {@code minutes} by a TWAP execution agent the engine creates
   * (docs/model.md §6). The loader stores the side as the parameter {@code side}, +1 for a buy and
   * -1 for a sell, and the size under its own name.
   */
  METAORDER(true, List.of("minutes"));

  private final boolean needsTarget;
  private final List<String> params;

  ShockType(boolean needsTarget, List<String> params) {
    this.needsTarget = needsTarget;
    this.params = params;
  }

  public boolean needsTarget() {
    return needsTarget;
  }

  /** The parameter names this shock requires; no others are allowed. */
  public List<String> params() {
    return params;
  }

  /**
   * Every key of the type besides the common ones (type, at, target, label): its numeric {@link
   * #params()}; for a metaorder, its side and its two alternative sizes; for an earnings shock, its
   * optional news; for fundamental and earnings shocks, {@code spillover}.
   */
  public List<String> keys() {
    if (this == METAORDER) {
      return List.of("side", "dollars", "pctOfDailyVolume", "minutes");
    }
    if (this == EARNINGS) {
      return Earnings.KEYS;
    }
    if (this == FUNDAMENTAL) {
      return List.of("pct", Spillover.KEY);
    }
    return params;
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<ShockType> fromConfigName(String s) {
    for (ShockType t : values()) {
      if (t.configName().equals(s)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
