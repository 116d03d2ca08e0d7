package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A Tokyo stock and a London stock traded over one Tokyo day and one London morning. */
class ExchangeSessionsTest {
  private static final String TEXT =
      """
      name: sessions
      seed: 3
      start: 2025-11-20T09:00:00+09:00
      end: 2025-11-20T19:00:00+09:00
      instruments:
        - {symbol: TYO, class: equity, session: tokyo, price: 100.00, fundamentalVolPct: 25}
        - {symbol: LON, class: equity, session: london, price: 50.00, fundamentalVolPct: 20}
      agents:
        - {family: market-maker, name: mm, count: 2, cash: 20000000}
        - family: noise
          count: 20
          cash: 2000000
          holdings: {TYO: 2000, LON: 2000}
          params: {rate: 0.5, size: 10}
      """;

  /** What a test keeps of a print: its time, instrument and price. */
  private interface Print {
    void at(long time, Instrument instrument, long price);
  }

  /**
   * A listener handing each print to {@code print} and each halt's description to {@code halts}.
   */
  private static MarketListener listener(Print print, List<String> halts) {
    return new MarketListener() {
      @Override
      public void onTrade(
          long time,
          Instrument instrument,
          long price,
          long qty,
          Side aggressor,
          int buyAccount,
          int sellAccount,
          int buyCause,
          int sellCause) {
        print.at(time, instrument, price);
      }

      @Override
      public void onHalt(long time, Instrument instrument, long untilNanos, String reason) {
        halts.add(instrument.symbol() + " " + reason);
      }
    };
  }

  private static long tokyo(String local) {
    return Time.of(LocalDateTime.parse(local), ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void noTradeDuringTokyosLunchOrBeforeLondonOpensAndBothHalvesTrade() {
    LoadResult r = ScenarioLoader.parse(TEXT, "sessions.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    ScenarioSpec spec = r.spec().orElseThrow();
    assertThat(spec.instruments().get(0).session()).isEqualTo(SessionKind.TOKYO);
    Simulation sim = Simulations.resolve(spec, 3, Set.of(), StandardFamilies.registry());
    List<Long> tyo = new ArrayList<>();
    List<Long> lon = new ArrayList<>();
    sim.addListener(
        listener(
            (t, ins, px) -> (ins.symbol().equals("TYO") ? tyo : lon).add(t), new ArrayList<>()));
    sim.run(Time.NANOS_PER_HOUR, (t, e) -> {});

    long lunch = tokyo("2025-11-20T11:30");
    long afternoon = tokyo("2025-11-20T12:30");
    long close = tokyo("2025-11-20T15:30");
    assertThat(tyo).isNotEmpty().allMatch(t -> t >= tokyo("2025-11-20T09:00") && t < close);
    assertThat(tyo).noneMatch(t -> t >= lunch && t < afternoon);
    assertThat(tyo).anyMatch(t -> t < lunch).anyMatch(t -> t >= afternoon);
    // London opens at 08:00 London, 17:00 Tokyo (GMT in November)
    assertThat(lon).isNotEmpty().allMatch(t -> t >= tokyo("2025-11-20T17:00"));
  }

  @Test
  void aShanghaiStockWithATenPercentLimitFallsNoFurtherOnAThirtyPercentShock() {
    String text =
        """
        name: limit-down
        seed: 5
        start: 2025-11-20T09:30:00+08:00
        end: 2025-11-20T11:00:00+08:00
        instruments:
          - {symbol: SHA, class: equity, session: shanghai, price: 20.00, fundamentalVolPct: 30,
             dailyLimitPct: 10}
        agents:
          - {family: market-maker, name: mm, count: 2, cash: 20000000}
          - family: noise
            count: 20
            cash: 2000000
            holdings: {SHA: 20000}
            params: {rate: 0.5, size: 20}
          - family: fundamental
            name: value
            count: 10
            cash: 10000000
            holdings: {SHA: 50000}
            params: {size: 200, rate: 0.5, noisePct: 0.1, thresholdPct: 0.1}
        shocks:
          - {type: fundamental, at: 2025-11-20T10:00:00+08:00, target: SHA, pct: -30}
        """;
    LoadResult r = ScenarioLoader.parse(text, "limit.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    assertThat(r.spec().orElseThrow().instruments().get(0).dailyLimitPct()).isEqualTo(10);
    Simulation sim =
        Simulations.resolve(r.spec().orElseThrow(), 5, Set.of(), StandardFamilies.registry());
    long[] low = {Long.MAX_VALUE};
    sim.addListener(listener((t, ins, px) -> low[0] = Math.min(low[0], px), new ArrayList<>()));
    sim.run(Time.NANOS_PER_HOUR, (t, e) -> {});
    // 20.00 - 10% = 18.00, 1,800 ticks: reached, never passed
    assertThat(low[0]).isEqualTo(1_800);
  }

  @Test
  void aUsMarketWideHaltStopsUsEquitiesOnlyAndItsReferenceMustBeAUsEquity() {
    String text =
        """
        name: halt-abroad
        seed: 2
        start: 2025-11-20T09:30:00-05:00
        end: 2025-11-20T11:00:00-05:00
        rules: {haltReference: SPY}
        instruments:
          - {symbol: SPY, class: etf, price: 100.00, fundamentalVolPct: 15}
          - {symbol: LON, class: equity, session: london, price: 50.00, fundamentalVolPct: 20}
        agents:
          - {family: market-maker, name: mm, count: 2, cash: 20000000}
          - family: noise
            count: 20
            cash: 2000000
            holdings: {SPY: 2000, LON: 2000}
            params: {rate: 0.5, size: 10}
          - family: fundamental
            name: value
            count: 10
            cash: 10000000
            holdings: {SPY: 20000}
            instruments: [SPY]
            params: {size: 200, rate: 0.5, noisePct: 0.1, thresholdPct: 0.1}
        shocks:
          - {type: fundamental, at: 2025-11-20T10:00:00-05:00, target: SPY, pct: -12}
        """;
    LoadResult r = ScenarioLoader.parse(text, "halt.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    Simulation sim =
        Simulations.resolve(r.spec().orElseThrow(), 2, Set.of(), StandardFamilies.registry());
    List<String> halted = new ArrayList<>();
    sim.addListener(listener((t, ins, px) -> {}, halted));
    sim.run(Time.NANOS_PER_HOUR, (t, e) -> {});
    assertThat(halted).anyMatch(h -> h.startsWith("SPY market-wide level 1"));
    assertThat(halted).noneMatch(h -> h.startsWith("LON market-wide"));

    LoadResult abroad =
        ScenarioLoader.parse(
            text.replace("haltReference: SPY", "haltReference: LON"),
            "halt.yaml",
            StandardFamilies.registry());
    assertThat(abroad.errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.toString())
                    .contains("rules.haltReference")
                    .contains("LON trades in london"));
  }
}
