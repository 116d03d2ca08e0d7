package dev.cascade.scenario;

import dev.cascade.agents.Distribution;
import dev.cascade.kernel.SessionKind;
import dev.cascade.market.AssetClass;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small one-instrument market with options dealers and a fundamental shock, built in code: SPY at
 * 571.42, market makers, noise and fundamental traders, and three dealers whose books are shaped by
 * the parameters given.
 */
final class DealerFixture {
  static final OffsetDateTime START = OffsetDateTime.parse("2025-11-18T10:30:00-05:00");

  private DealerFixture() {}

  /**
   * @param minutes length of the run
   * @param shockPct fundamental shock 5 minutes in, percent (0: none)
   * @param dealerParams parameters of the dealers beyond the fixture's defaults
   */
  static ScenarioSpec spec(
      OffsetDateTime start, int minutes, double shockPct, Map<String, Double> dealerParams) {
    Map<String, Distribution> dealer = new LinkedHashMap<>();
    dealer.put("totalNotional", Distribution.fixed(1e8));
    dealer.put("putCallRatio", Distribution.fixed(1.5));
    dealer.put("putCentrePct", Distribution.fixed(2));
    dealer.put("callCentrePct", Distribution.fixed(2));
    dealer.put("putDemandPctPerHour", Distribution.fixed(0));
    dealerParams.forEach((k, v) -> dealer.put(k, Distribution.fixed(v)));
    List<String> spy = List.of("SPY");
    List<AgentGroupSpec> agents = new ArrayList<>();
    agents.add(
        new AgentGroupSpec(
            "market-maker",
            "mm",
            3,
            spy,
            new BigDecimal("50000000"),
            Map.of(),
            Map.of("size", Distribution.uniform(50, 150), "levels", Distribution.fixed(4))));
    agents.add(
        new AgentGroupSpec(
            "noise",
            "noise",
            20,
            spy,
            new BigDecimal("2000000"),
            Map.of("SPY", 2000L),
            Map.of("rate", Distribution.fixed(0.4), "size", Distribution.fixed(20))));
    agents.add(
        new AgentGroupSpec(
            "fundamental",
            "value",
            6,
            spy,
            new BigDecimal("10000000"),
            Map.of("SPY", 5000L),
            Map.of("size", Distribution.fixed(50))));
    agents.add(
        new AgentGroupSpec(
            "options-dealer", "dealer", 3, spy, new BigDecimal("50000000"), Map.of(), dealer));
    List<ShockSpec> shocks =
        shockPct == 0
            ? List.of()
            : List.of(
                new ShockSpec(
                    ShockType.FUNDAMENTAL,
                    start.plusMinutes(5),
                    "re-rating",
                    "SPY",
                    Map.of("pct", shockPct)));
    return new ScenarioSpec(
        "dealer-fixture",
        "",
        1,
        start,
        start.plusMinutes(minutes),
        List.of(
            new InstrumentSpec(
                "SPY",
                AssetClass.ETF,
                new BigDecimal("0.01"),
                BigDecimal.ONE,
                BigDecimal.ONE,
                "USD",
                SessionKind.US_EQUITY,
                new BigDecimal("571.42"),
                15,
                0)),
        agents,
        MarketRulesSpec.defaults(),
        shocks);
  }

  /** Dealers long calls and short puts: short gamma at spot on the fixture's put-heavy book. */
  static Map<String, Double> shortGamma() {
    return Map.of("callSign", 1.0, "putSign", -1.0);
  }

  /** The same book with the dealers on the other side of every contract: long gamma at spot. */
  static Map<String, Double> longGamma() {
    return Map.of("callSign", -1.0, "putSign", 1.0);
  }
}
