package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioLoaderTest.assertError;
import static dev.cascade.scenario.ScenarioLoaderTest.goodWith;
import static dev.cascade.scenario.ScenarioLoaderTest.onlyError;
import static dev.cascade.scenario.ScenarioLoaderTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.market.EngineLimits;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every limit the engine enforces is a located error in the loader: a file over one is refused with
 * its line, column and path, and a file at one is accepted and resolves.
 */
class EngineLimitsLoaderTest {
  /** The good file with {@code n} more instruments, Z0..Z(n-1), appended to its list. */
  static String withExtraInstruments(int n) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < n; k++) {
      b.append("  - {symbol: Z").append(k).append(", class: equity, price: 10.00}\n");
    }
    return goodWith("agents:\n", b + "agents:\n");
  }

  @Test
  void theHighestStartPriceTheLoaderAcceptsFitsTheBooksLadder() {
    assertThat(EngineLimits.maxBookPriceTicks(ScenarioReader.MAX_PRICE_TICKS))
        .isLessThanOrEqualTo(EngineLimits.MAX_BOOK_PRICE_TICKS);
  }

  @Test
  void moreInstrumentsThanOrderIdsCanCarryAreRefusedAtTheList() {
    String text = withExtraInstruments(EngineLimits.MAX_INSTRUMENTS - 3 + 1);
    assertError(
        text, "- symbol: SPY", "instruments", "1025 instruments; the engine runs at most 1024");
  }

  @Test
  void asManyInstrumentsAsTheEngineRunsResolveAndRun() {
    StringBuilder b =
        new StringBuilder(
            "name: widest\n"
                + "start: 2025-11-18T09:30:00-05:00\n"
                + "end: 2025-11-18T10:00:00-05:00\n"
                + "instruments:\n");
    for (int k = 0; k < EngineLimits.MAX_INSTRUMENTS; k++) {
      b.append("  - {symbol: Z").append(k).append(", class: equity, price: 10.00}\n");
    }
    b.append("agents:\n  - {family: noise, count: 2, cash: 1000000}\n");
    LoadResult r = ScenarioLoader.parse(b.toString(), "widest.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    Simulation sim =
        Simulations.resolve(r.spec().orElseThrow(), 1, Set.of(), StandardFamilies.registry());
    sim.runUntil(sim.startNanos() + 10_000_000_000L);
    assertThat(sim.instruments()).hasSize(EngineLimits.MAX_INSTRUMENTS);
  }

  @Test
  void cashThatOverflowsMicroUnitsIsRefusedAtTheValue() {
    assertError(
        goodWith("cash: 1000000", "cash: 1e13"),
        "1e13",
        "agents[0].cash",
        "must be in [0, 100000000000]");
  }

  @Test
  void theScenariosTotalEndowmentIsBounded() {
    // 50 agents x 10 billion is 500 billion, each within the per-agent bound but not in all; with
    // 50 x 1,000 SPY at 4 x 660 and the makers' 3 x 25,000,000.50.
    String text = goodWith("cash: 1000000", "cash: 10000000000");
    assertError(
        text,
        "- family: noise",
        "agents",
        "the agents' cash and holdings come to 500207000001.5 currency units in all (holdings"
            + " valued at 4 x their start prices, the highest their books accept); the engine"
            + " allows at most 100000000000");
  }

  @Test
  void holdingsAreValuedAtTheHighestPriceTheirBookAccepts() {
    // 1e12 SPY at 4 x 660 is 2.64e15: far beyond the endowment limit, though 1e12 lots is allowed.
    ScenarioError e = onlyError(parse(goodWith("holdings: {SPY: 1000}", "holdings: {SPY: 1e12}")));
    assertThat(e.path()).isEqualTo("agents");
    assertThat(e.message()).contains("at most 100000000000");
  }

  @Test
  void aLotWorthMoreThanTheEngineSettlesIsRefusedAtThePrice() {
    // GC: 4065.1 x 100 per lot; with lot 1000 a lot is 406 million, 1.6 billion at 4x.
    assertError(
        goodWith("    multiplier: 100\n", "    multiplier: 100\n    lot: 1000\n"),
        "4065.1",
        "instruments[2].price",
        "one lot at the highest price its book accepts (4 x the start price, at least 1000 ticks)"
            + " is worth 1626040000 currency units");
  }

  @Test
  void shocksBeyondWhatAMarketCanTakeAreRefusedAtTheShock() {
    // a negative spread multiplier ran, with prices rising 15% on 1000-2100% realised volatility
    assertError(
        goodWith("spreadMultiplier: 3", "spreadMultiplier: -3"),
        "type: liquidity",
        "shocks[1]",
        "spreadMultiplier must be above 0 and at most 1000, is -3");
    assertError(
        goodWith("pct: -8", "pct: 1e20"),
        "type: fundamental",
        "shocks[0]",
        "pct is 1.000e+20%; a value may move by more than -100% and at most +1000%");
    // a yield shock of 50,000 bp stepped a rate-sensitive value through 126 M events in a minute
    assertError(
        goodWith(
            "  - type: liquidity\n",
            "  - {type: yield, at: 2025-11-18T13:00:00-05:00, bp: 50000}\n  - type: liquidity\n"),
        "{type: yield",
        "shocks[1]",
        "bp moves discount rates by 50000 bp; at most 1000 either way");
  }

  @Test
  void controlCharactersOfTheFileAreNotEchoedRaw() {
    // YAML's own escapes put an ESC and a BEL into an unknown key, which the error names
    LoadResult r = parse(goodWith("label: NVDA earnings miss", "label: x\n    \"k\\e]0;t\\a\": 1"));
    assertThat(r.ok()).isFalse();
    assertThat(r.errors().toString()).contains("\\u001b]0;t\\u0007").doesNotContain("\u001b");
  }

  @Test
  void timesTheEngineCannotSimulateAreRefusedWithoutFailing() {
    assertError(
        goodWith("start: 2025-11-18T09:30:00-05:00", "start: 1969-12-31T09:30:00-05:00"),
        "1969-12-31",
        "start",
        "must be between 1971-01-01T00:00:00Z and 2200-01-01T00:00:00Z");
    // The largest year java.time parses: the loader once failed adding 31 days to it.
    String far =
        goodWith("start: 2025-11-18T09:30:00-05:00", "start: +999999999-12-31T09:30:00-05:00")
            .replace("end: 2025-11-18T16:00:00-05:00", "end: +999999999-12-31T16:00:00-05:00");
    LoadResult r = parse(far);
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).extracting(ScenarioError::path).contains("start", "end");
  }

  static final String PERPETUAL =
      """
      name: perps
      start: 2025-11-20T14:00:00-05:00
      end: 2025-11-20T15:00:00-05:00
      instruments:
        - {symbol: BTC, class: crypto, price: 91000.0, tick: 0.5, lot: 0.001}
        - {symbol: BTC-PERP, class: crypto-perp, price: 91000.0, tick: 0.5, lot: 0.001, index: BTC, fundingHours: HOURS}
      agents:
        - {family: market-maker, name: mm, count: 2, cash: 10000000}
        - {family: perp-trader, name: perps, count: 10, cash: 10000, instruments: [BTC-PERP]}
      """;

  @Test
  void aFundingIntervalTooShortToScheduleIsRefusedAndTheShortestRuns() {
    // 1e-18 hours is 0 ns: funding once failed dividing by its interval.
    LoadResult tiny =
        ScenarioLoader.parse(
            PERPETUAL.replace("HOURS", "1e-18"), "perps.yaml", StandardFamilies.registry());
    assertThat(tiny.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.path()).isEqualTo("instruments[1].fundingHours"))
        .satisfies(e -> assertThat(e.message()).contains("must be in [0.01, 168]"));
    LoadResult shortest =
        ScenarioLoader.parse(
            PERPETUAL.replace("HOURS", "0.01"), "perps.yaml", StandardFamilies.registry());
    assertThat(shortest.errors()).isEmpty();
    Simulation sim =
        Simulations.resolve(
            shortest.spec().orElseThrow(), 1, Set.of(), StandardFamilies.registry());
    sim.runUntil(sim.startNanos() + 5 * 60_000_000_000L);
    assertThat(sim.funding().payments(1)).isGreaterThanOrEqualTo(8);
  }

  @Test
  void theLatestStartTheLoaderAcceptsResolves() {
    String text =
        """
        name: late
        start: 2199-12-01T09:30:00-05:00
        end: 2199-12-31T16:00:00-05:00
        instruments:
          - {symbol: SPY, class: etf, price: 660.00}
        agents:
          - {family: options-dealer, name: d, params: {firstExpiryDays: 3650, expiries: 52, expirySpacingDays: 365}}
        """;
    LoadResult r = ScenarioLoader.parse(text, "late.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    Simulation sim =
        Simulations.resolve(r.spec().orElseThrow(), 1, Set.of(), StandardFamilies.registry());
    sim.runUntil(sim.startNanos() + 60_000_000_000L);
    assertThat(sim.clock().now()).isGreaterThan(sim.startNanos());
  }
}
