package dev.cascade.scenario;

import dev.cascade.agents.Distribution;
import dev.cascade.kernel.SessionKind;
import dev.cascade.market.AssetClass;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A small calm market built in code, so engine tests do not depend on the YAML loader. */
final class CalmDayFixture {
  private CalmDayFixture() {}

  static ScenarioSpec spec(int minutes) {
    OffsetDateTime start = OffsetDateTime.parse("2025-11-18T09:30:00-05:00");
    List<InstrumentSpec> instruments =
        List.of(
            instrument("SPY", AssetClass.ETF, "660.00", "0.01", SessionKind.US_EQUITY, 15),
            instrument("NVDA", AssetClass.EQUITY, "186.50", "0.01", SessionKind.US_EQUITY, 45),
            instrument("BTC", AssetClass.CRYPTO, "91000.0", "0.5", SessionKind.CRYPTO_24_7, 50));
    List<String> all = List.of("SPY", "NVDA", "BTC");
    List<AgentGroupSpec> agents =
        List.of(
            new AgentGroupSpec(
                "market-maker",
                "mm",
                3,
                all,
                new BigDecimal("50000000"),
                Map.of(),
                Map.of("size", Distribution.uniform(50, 150))),
            new AgentGroupSpec(
                "noise",
                "noise",
                40,
                all,
                new BigDecimal("2000000"),
                Map.of("SPY", 2000L, "NVDA", 5000L, "BTC", 10L),
                Map.of("rate", Distribution.fixed(0.5), "size", Distribution.fixed(20))),
            new AgentGroupSpec(
                "fundamental",
                "value",
                10,
                all,
                new BigDecimal("10000000"),
                Map.of("SPY", 5000L, "NVDA", 10000L, "BTC", 50L),
                Map.of("size", Distribution.fixed(50))),
            new AgentGroupSpec(
                "momentum",
                "trend",
                5,
                all,
                new BigDecimal("5000000"),
                Map.of(),
                Map.of("size", Distribution.fixed(30), "maxPosition", Distribution.fixed(300))));
    return new ScenarioSpec(
        "calm-fixture",
        "",
        7,
        start,
        start.plusMinutes(minutes),
        instruments,
        agents,
        MarketRulesSpec.defaults(),
        List.of());
  }

  private static InstrumentSpec instrument(
      String sym, AssetClass c, String price, String tick, SessionKind s, double vol) {
    return new InstrumentSpec(
        sym,
        c,
        new BigDecimal(tick),
        BigDecimal.ONE,
        BigDecimal.ONE,
        "USD",
        s,
        new BigDecimal(price),
        vol,
        0);
  }
}
