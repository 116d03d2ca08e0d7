package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.LeverageEffect;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Time;
import dev.cascade.market.MarketListener;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An instrument's {@code leverageEffect} as a scenario writes it (defaults by class, located
 * errors), and what it does in a run: after a fall the market's own volatility rises.
 */
class LeverageEffectScenarioTest {
  private static final String HEAD =
      """
      name: leverage-effect
      seed: 3
      start: 2025-11-18T09:30:00-05:00
      end: 2025-11-18T12:00:00-05:00
      """;

  private static String file(String spyExtra) {
    return HEAD
        + """
        instruments:
          - {symbol: SPY, class: etf, price: 660.00, fundamentalVolPct: 15%s}
          - {symbol: NVDA, class: equity, price: 186.50, fundamentalVolPct: 45}
          - {symbol: BTC, class: crypto, price: 91000.0, tick: 0.5, lot: 0.001, fundamentalVolPct: 50}
        agents:
          - {family: market-maker, name: mm, count: 3, cash: 50000000}
          - family: noise
            count: 60
            cash: 2000000
            holdings: {SPY: 2000, NVDA: 5000, BTC: 10000}
            params: {rate: 0.4}
          - family: fundamental
            name: value
            count: 10
            cash: 10000000
            holdings: {SPY: 20000, NVDA: 20000, BTC: 20000}
        shocks:
          - {type: fundamental, at: 2025-11-18T10:30:00-05:00, target: SPY, pct: -4}
        """
            .formatted(spyExtra);
  }

  private static LoadResult parse(String text) {
    return ScenarioLoader.parse(text, "leverage.yaml", StandardFamilies.registry());
  }

  @Test
  void defaultsFollowTheClassAndAFileMayGiveItsOwn() {
    LoadResult r = parse(file(""));
    assertThat(r.errors()).isEmpty();
    var ins = r.spec().orElseThrow().instruments();
    assertThat(ins.get(0).leverageEffect()).isEqualTo(LeverageEffect.INDEX);
    assertThat(ins.get(1).leverageEffect()).isEqualTo(LeverageEffect.STOCK);
    assertThat(ins.get(2).leverageEffect()).isEqualTo(LeverageEffect.NONE);
    r = parse(file(", leverageEffect: {amplitude: 12.5, days: 30}"));
    assertThat(r.errors()).isEmpty();
    assertThat(r.spec().orElseThrow().instruments().get(0).leverageEffect())
        .isEqualTo(new LeverageEffect(12.5, 30, LeverageEffect.INDEX_SATURATION));
    r = parse(file(", leverageEffect: {amplitude: 12.5, days: 30, saturation: 1}"));
    assertThat(r.spec().orElseThrow().instruments().get(0).leverageEffect())
        .isEqualTo(new LeverageEffect(12.5, 30, 1));
  }

  /** The one error of SPY's instrument line with {@code leverageEffect: VALUE}. */
  private static ScenarioError error(String value) {
    return ScenarioLoaderTest.onlyError(parse(file(", leverageEffect: " + value)));
  }

  @Test
  void badValuesAreLocated() {
    String at = "instruments[0].leverageEffect";
    assertThat(error("{amplitude: -1, days: 30}").path()).isEqualTo(at + ".amplitude");
    assertThat(error("{amplitude: 10}").path()).isEqualTo(at + ".days");
    assertThat(error("{amplitude: 10, days: 0}").path()).isEqualTo(at + ".days");
    assertThat(error("{amplitude: 10, days: 5, saturation: 4}").path())
        .isEqualTo(at + ".saturation");
    ScenarioError unknown = error("{amplitude: 10, days: 5, memory: 3}");
    assertThat(unknown.path()).contains("leverageEffect");
    assertThat(unknown.message()).contains("memory");
    assertThat(error("10").path()).isEqualTo(at);
  }

  @Test
  void withoutLeverageEffectRunsTheTapeOfAFileWithEveryAmplitudeZero() {
    ScenarioSpec on = parse(file("")).spec().orElseThrow();
    assertThat(WithoutNames.of(on).market()).containsExactly(WithoutNames.LEVERAGE_EFFECT);
    assertThat(WithoutNames.of(on).accepts("leverage-effect")).isTrue();
    String zero = ", leverageEffect: {amplitude: 0, days: 21}";
    String text =
        file(zero)
            .replace(
                "fundamentalVolPct: 45}",
                "fundamentalVolPct: 45, leverageEffect: {amplitude: 0, days: 50}}");
    ScenarioSpec off = parse(text).spec().orElseThrow();
    assertThat(WithoutNames.of(off).market()).isEmpty();
    String[] hashes = new String[3];
    int k = 0;
    for (Object[] run :
        new Object[][] {
          {on, Set.of("leverage-effect")}, {off, Set.<String>of()}, {on, Set.<String>of()}
        }) {
      @SuppressWarnings("unchecked")
      Simulation sim =
          Simulations.resolve(
              (ScenarioSpec) run[0], 2, (Set<String>) run[1], StandardFamilies.registry());
      dev.cascade.record.TapeHash hash = new dev.cascade.record.TapeHash();
      sim.addListener(hash);
      sim.run(Time.NANOS_PER_HOUR, (t, e) -> {});
      hashes[k++] = hash.hex();
    }
    assertThat(hashes[0]).isEqualTo(hashes[1]).isNotEqualTo(hashes[2]);
  }

  @Test
  void anEffectWrittenOnABasketEtfIsIgnoredWithAWarning() {
    String text =
        file("")
            .replace(
                "  - {symbol: BTC,",
                "  - {symbol: IDX, class: etf, price: 100.00, basket: {SPY: 0.5, NVDA: 0.5},"
                    + " leverageEffect: {amplitude: 30, days: 20}}\n  - {symbol: BTC,");
    LoadResult r = parse(text);
    assertThat(r.errors()).isEmpty();
    assertThat(r.warnings())
        .anySatisfy(
            w -> {
              assertThat(w.path()).isEqualTo("instruments[2].leverageEffect");
              assertThat(w.message()).contains("IDX's news flow is its basket members'");
            });
    assertThat(parse(file("")).warnings()).noneMatch(w -> w.path().contains("leverageEffect"));
  }

  /**
   * Sum over seeds of the squared one-minute log changes of SPY's last trade from 10:35 to 11:35,
   * after a value shock of {@code pct} at 10:30.
   */
  private static double variance(String extra, int seeds) {
    double sum = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      Simulation sim = simulation(extra, seed, -4);
      long from =
          ZonedDateTime.parse("2025-11-18T10:35:00-05:00").toInstant().toEpochMilli() * 1_000_000L;
      long[] last = new long[200];
      MarketListener l =
          (time, instrument, price, qty, aggressor, buy, sell, buyCause, sellCause) -> {
            if (instrument.symbol().equals("SPY") && time >= from) {
              int m = (int) ((time - from) / Time.NANOS_PER_MINUTE);
              if (m < last.length) {
                last[m] = price;
              }
            }
          };
      sim.addListener(l);
      sim.run(Time.NANOS_PER_HOUR * 3, (t, e) -> {});
      for (int m = 1; m <= 60; m++) {
        if (last[m] > 0 && last[m - 1] > 0) {
          double x = Math.log((double) last[m] / last[m - 1]);
          sum += x * x;
        }
      }
    }
    return sum;
  }

  private static Simulation simulation(String extra, long seed, int pct) {
    LoadResult r = parse(file(extra).replace("pct: -4", "pct: " + pct));
    assertThat(r.errors()).isEmpty();
    return Simulations.resolve(r.spec().orElseThrow(), seed, Set.of(), StandardFamilies.registry());
  }

  @Test
  void aFallRaisesTheActivityAndARiseLowersIt() {
    // An hour after a value shock of -4% or +4%, SPY's news flow reads its traded price about 4%
    // from its average: h = -/+ 0.33 tanh(33.6 x 0.04 / 0.33), near the saturation.
    long at =
        ZonedDateTime.parse("2025-11-18T11:30:00-05:00").toInstant().toEpochMilli() * 1_000_000L;
    for (int pct : new int[] {-4, 4}) {
      Simulation sim = simulation("", 1, pct);
      sim.runUntil(at);
      int spy = sim.instrument("SPY").id();
      int btc = sim.instrument("BTC").id();
      double g = sim.world().fundamentals().leverageFactor(spy);
      if (pct < 0) {
        assertThat(g).isBetween(1.3, Math.exp(0.33));
      } else {
        assertThat(g).isBetween(0.68, 0.77); // e^-0.33 = 0.72 over the mean factor (at least 1)
      }
      assertThat(sim.world().fundamentals().leverageFactor(btc)).isEqualTo(1);
    }
  }

  @Test
  void afterAFallTheMarketIsMoreVolatileWithAStrongerEffect() {
    // The same seeds with the effect saturating at 1 (the variance up to e times) and without it:
    // the hour after a -4% shock is more volatile in the traded price, not only in the value.
    double without = variance(", leverageEffect: {amplitude: 0, days: 21}", 4);
    double strong = variance(", leverageEffect: {amplitude: 33.6, days: 21, saturation: 1}", 4);
    assertThat(strong).isGreaterThan(1.25 * without);
  }
}
