package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.agents.leveraged.LeveragedEtf;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.derivatives.VixIndex;
import dev.cascade.kernel.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Futures on a VIX-style index (docs/model.md §10, "VIX-style futures"): their term structure, the
 * defaults fitted to the VIX file, the file's checks, and a run in which the index rises, the
 * futures follow it and an inverse fund on them is terminated.
 */
class VolFuturesTest {

  private static final String BASE =
      """
      name: vx-fixture
      start: 2026-03-10T14:30:00-04:00
      end: 2026-03-10T15:30:00-04:00
      rules: {bandPct: 25}
      instruments:
        - {symbol: SPY, class: etf, price: 571.42, fundamentalVolPct: 15}
        - symbol: VX1
          class: future
          price: 17.50
          tick: 0.05
          multiplier: 100
          session: us-equity
          fundamentalVolPct: 80
          vixOf: SPY
          expiry: 2026-03-31T09:00:00-04:00
      agents:
        - family: market-maker
          name: mm
          count: 3
          instruments: [SPY]
          cash: 50000000
          params: {size: 100, levels: 4}
        - family: market-maker
          name: mm-vx
          count: 2
          instruments: [VX1]
          cash: 20000000
          params: {halfSpreadBps: 10, size: 30, levels: 4}
        - family: noise
          count: 20
          instruments: [SPY]
          cash: 2000000
          holdings: {SPY: 2000}
          params: {rate: 0.4, size: 20}
        - family: fundamental
          name: value-vx
          count: 5
          instruments: [VX1]
          cash: 2000000
          holdings: {VX1: 2000}
          params: {size: 20}
        - family: options-dealer
          name: dealer
          count: 2
          instruments: [SPY]
          cash: 50000000
          params: {totalNotional: 5000000, firstExpiryDays: 7}
        - family: leveraged-etf
          name: etp-inverse
          count: 1
          instruments: [VX1]
          cash: 2000000
          params: {aumDollars: 1000000, leverage: -1, terminationPct: 5}
      shocks:
        - {type: fundamental, at: 2026-03-10T14:35:00-04:00, target: SPY, label: re-rating, pct: -1.5}
      """;

  private static LoadResult parse(String yaml) {
    return ScenarioLoader.parse(yaml, "vx.yaml", StandardFamilies.registry());
  }

  private static String message(String yaml) {
    LoadResult r = parse(yaml);
    assertThat(r.errors()).as("%s", r.errors()).hasSize(1);
    return r.errors().get(0).path() + ": " + r.errors().get(0).message();
  }

  @Test
  void theTermStructureRevertsToTheLongRunMeanWithMaturity() {
    double k = VolFutureSpec.DEFAULT_KAPPA;
    double t = VolFutureSpec.DEFAULT_THETA;
    assertThat(VixIndex.futureLevel(30, 0, k, t)).isEqualTo(30);
    assertThat(VixIndex.futureLevel(30, 10, k, t)).isCloseTo(t, within(1e-9));
    // one half-life (ln 2 / kappa years) closes half the gap
    assertThat(VixIndex.futureLevel(30, Math.log(2) / k, k, t))
        .isCloseTo(t + (30 - t) / 2, within(1e-9));
    // below the mean the curve is in contango, above it in backwardation
    assertThat(VixIndex.futureLevel(14, 0.1, k, t)).isGreaterThan(14);
    assertThat(VixIndex.futureLevel(40, 0.1, k, t)).isLessThan(40);
  }

  @Test
  void theDefaultsAreAnAutoregressiveFitOfTheShippedVixCloses() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../data/vix_daily_cboe.csv"));
    List<Double> close = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      close.add(Double.parseDouble(f[4]));
    }
    int n = close.size() - 1;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += close.get(i);
      my += close.get(i + 1);
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (close.get(i) - mx) * (close.get(i + 1) - my);
      sxx += (close.get(i) - mx) * (close.get(i) - mx);
    }
    double phi = sxy / sxx;
    double theta = (my - phi * mx) / (1 - phi);
    double kappa = -Math.log(phi) * 252;
    assertThat(close).hasSizeGreaterThan(9000);
    assertThat(kappa).isCloseTo(VolFutureSpec.DEFAULT_KAPPA, within(0.05));
    assertThat(theta).isCloseTo(VolFutureSpec.DEFAULT_THETA, within(0.05));
  }

  @Test
  void theFileIsCheckedWithLocatedErrors() {
    assertThat(parse(BASE).errors()).isEmpty();
    assertThat(message(BASE.replace("vixOf: SPY", "vixOf: QQQ")))
        .startsWith("instruments[1].vixOf: ");
    assertThat(message(BASE.replace("vixOf: SPY", "vixOf: VX1")))
        .contains("not a VIX-style future");
    assertThat(message(BASE.replace("    expiry: 2026-03-31T09:00:00-04:00\n", "")))
        .contains("expiry");
    assertThat(message(BASE.replace("expiry: 2026-03-31", "expiry: 2026-03-09")))
        .startsWith("instruments[1].expiry: must be after the run's end");
    // beyond the times the engine can represent: a located error, not an overflow in the run
    assertThat(message(BASE.replace("expiry: 2026-03-31", "expiry: 2263-03-31")))
        .startsWith("instruments[1].expiry: must be between");
    assertThat(parse(BASE.replace("class: future", "class: metal")).errors())
        .extracting(ScenarioError::message)
        .contains(
            "vixOf applies only to a future on a VIX-style index (class future), not class metal");
    assertThat(
            message(
                BASE.replace(
                    "{symbol: SPY, class: etf, price: 571.42, fundamentalVolPct: 15}",
                    "{symbol: SPY, class: etf, price: 571.42, fundamentalVolPct: 15, basket: {VX1:"
                        + " 1}}")))
        .startsWith("instruments[0].basket.VX1: VX1 is a VIX-style future");
    String perpOnVx =
        BASE.replace(
            "\nagents:",
            "\n  - {symbol: VXP, class: crypto-perp, price: 17.50, tick: 0.05, index: VX1}\nagents:");
    assertThat(parse(perpOnVx).errors())
        .extracting(ScenarioError::message)
        .contains("the index must be a spot instrument, but VX1 is a VIX-style future");
    String noDealer =
        BASE.substring(0, BASE.indexOf("  - family: options-dealer"))
            + BASE.substring(BASE.indexOf("  - family: leveraged-etf"));
    assertThat(message(noDealer)).contains("add an options-dealer group on SPY");
  }

  @Test
  void aFallLiftsTheIndexAndTheFuturesAndTerminatesTheInverseFund() {
    ScenarioSpec spec = parse(BASE).spec().orElseThrow();
    Simulation sim = Simulations.resolve(spec, 2, Set.of(), StandardFamilies.registry());
    var world = sim.world();
    var vx = world.exchange().instruments().get(1);
    var spy = world.exchange().instruments().get(0);
    double vixStart = world.options().latestVix(spy);
    double valueStart = vx.price(1) * world.fundamentals().value(vx.id(), world.clock().now());
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    double vixEnd = world.options().latestVix(spy);
    double valueEnd = vx.price(1) * world.fundamentals().value(vx.id(), world.clock().now());
    assertThat(valueStart).isCloseTo(17.50, within(1e-9));
    assertThat(vixEnd).isGreaterThan(vixStart * 1.05);
    // the future moves by e^{-kappa tau} of the index's move (tau about 3 weeks), times c
    assertThat(valueEnd).isGreaterThan(valueStart);
    assertThat(sim.ledger().conservation().holds()).isTrue();
    CauseLog causes = world.causes();
    int terminations = 0;
    for (int id = 0; id < causes.size(); id++) {
      String label = causes.label(id);
      if (causes.kind(id) == CauseKind.REBALANCE && label != null && label.contains("terminated")) {
        terminations++;
      }
    }
    assertThat(terminations).isEqualTo(1);
    var summary = dev.cascade.record.VolatilitySummary.of(sim);
    assertThat(summary.futures()).hasSize(1);
    var f = summary.futures().get(0);
    assertThat(f.symbol()).isEqualTo("VX1");
    assertThat(f.priceStart()).isEqualTo(17.50);
    assertThat(f.valueEnd()).isCloseTo(valueEnd, within(1e-4));
    assertThat(f.indexEnd()).isCloseTo(vixEnd, within(1e-4));
    assertThat(summary.funds()).hasSize(1);
    var fund = summary.funds().get(0);
    assertThat(fund.aumStart()).isEqualTo(1_000_000);
    assertThat(fund.aumEnd()).isZero();
    assertThat(fund.terminatedAt()).startsWith("2026-03-10T");
  }

  /** Runs the shipped file on seed 1, with or without the products. */
  private static Simulation shipped(Set<String> without) {
    LoadResult r =
        ScenarioLoader.load(
            Path.of("../scenarios/vol-etp-selloff.yaml"), StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    Simulation sim =
        Simulations.resolve(r.spec().orElseThrow(), 1, without, StandardFamilies.registry());
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    return sim;
  }

  @Test
  @Tag("slow")
  void theProductsResetLiftsTheFuturesAndTheIndexAndTheirCauseIsTheShock() {
    Simulation with = shipped(Set.of());
    Simulation without = shipped(Set.of("leveraged-etf"));
    var spy = with.world().exchange().instruments().get(0);
    var vx1 = with.world().exchange().instruments().get(1);
    assertThat(with.world().exchange().lastPrice(vx1.id()))
        .isGreaterThan(without.world().exchange().lastPrice(vx1.id()));
    assertThat(with.world().options().latestVix(spy))
        .isGreaterThan(without.world().options().latestVix(spy) + 1);
    assertThat(with.ledger().conservation().holds()).isTrue();
    CauseLog causes = with.world().causes();
    int resets = 0;
    for (int id = 0; id < causes.size(); id++) {
      String label = causes.label(id);
      if (causes.kind(id) == CauseKind.REBALANCE
          && label != null
          && label.contains("reset after")) {
        resets++;
        assertThat(causes.kind(causes.parent(id))).isEqualTo(CauseKind.SHOCK);
      }
    }
    assertThat(resets).isEqualTo(2);
  }

  @Test
  void theIndicativeValueFollowsTheDailyLeverage() {
    assertThat(LeveragedEtf.indicativeValue(-1, 100, 20, 30)).isCloseTo(50, within(1e-9));
    assertThat(LeveragedEtf.indicativeValue(-1, 100, 20, 45)).isZero();
    assertThat(LeveragedEtf.indicativeValue(2, 100, 20, 25)).isCloseTo(150, within(1e-9));
  }
}
