package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.agents.Distribution;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.cause.CauseKind;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.AssetClass;
import dev.cascade.market.Instrument;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowScenarioTest {
  private static final OffsetDateTime START = OffsetDateTime.parse("2025-11-21T12:00:00-05:00");

  static InstrumentSpec stock(
      String sym, String price, double vol, double duration, BasketSpec basket) {
    return new InstrumentSpec(
            sym,
            basket == null ? AssetClass.EQUITY : AssetClass.ETF,
            new BigDecimal("0.01"),
            BigDecimal.ONE,
            BigDecimal.ONE,
            "USD",
            SessionKind.US_EQUITY,
            new BigDecimal(price),
            vol,
            0)
        .withRates(
            duration > 0 ? new RateSensitivity(duration, 0, Double.NaN) : RateSensitivity.NONE)
        .withBasket(basket);
  }

  private static ScenarioSpec spec(
      int minutes,
      List<InstrumentSpec> instruments,
      List<AgentGroupSpec> agents,
      List<ShockSpec> shocks) {
    return new ScenarioSpec(
        "flows-test",
        "",
        1,
        START,
        START.plusMinutes(minutes),
        instruments,
        agents,
        MarketRulesSpec.defaults(),
        shocks);
  }

  static AgentGroupSpec group(
      String family,
      String name,
      int count,
      List<String> instruments,
      long cash,
      Map<String, Long> holdings,
      Map<String, Distribution> params) {
    return new AgentGroupSpec(
        family, name, count, instruments, BigDecimal.valueOf(cash), holdings, params);
  }

  @Test
  void aTwentyFiveBasisPointYieldShockCutsADurationFortyValueByTenPercent() {
    ScenarioSpec s =
        spec(
            10,
            List.of(stock("NVDA", "186.50", 0, 40, null), stock("XOM", "110.00", 0, 0, null)),
            List.of(),
            List.of(
                new ShockSpec(
                    ShockType.YIELD,
                    START.plusMinutes(1),
                    "yields +25 bp",
                    null,
                    Map.of("bp", 25.0)),
                new ShockSpec(
                    ShockType.POLICY,
                    START.plusMinutes(2),
                    "fewer cuts priced",
                    "NVDA",
                    Map.of("probabilityChangePct", -20.0, "cutBp", 25.0))));
    Simulation sim = Simulations.resolve(s, 1, Set.of(), StandardFamilies.registry());
    sim.runUntil(sim.startNanos() + 90 * Time.NANOS_PER_SECOND);
    Instrument nvda = sim.instruments().get(0);
    double v = sim.world().fundamentals().value(0, sim.clock().now());
    assertThat(v / nvda.referencePriceTicks()).isCloseTo(0.90, within(1e-9));
    assertThat(sim.world().fundamentals().value(1, sim.clock().now()))
        .as("no duration, no response")
        .isEqualTo(11_000.0);
    sim.runUntil(sim.startNanos() + 150 * Time.NANOS_PER_SECOND);
    // -20 pp of a 25 bp cut: +5 bp more, 30 bp in all: 1 - 40 x 0.003
    assertThat(sim.world().fundamentals().value(0, sim.clock().now()) / nvda.referencePriceTicks())
        .isCloseTo(0.88, within(1e-9));
    assertThat(shockLabels(sim)).containsExactly("yields +25 bp", "fewer cuts priced");
  }

  private static List<String> shockLabels(Simulation sim) {
    List<String> out = new java.util.ArrayList<>();
    for (int c = 1; c < sim.causes().size(); c++) {
      if (sim.causes().kind(c) == CauseKind.SHOCK) {
        out.add(sim.causes().label(c));
      }
    }
    return out;
  }

  /** Whether a cause's parent chain reaches a SHOCK cause. */
  private static boolean reachesShock(Simulation sim, int cause) {
    for (int c : sim.causes().chain(cause)) {
      if (sim.causes().kind(c) == CauseKind.SHOCK) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anEtfOutflowSellsConstituentsAtIndexWeightsAndTheEtfTracksItsNav() {
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("MEGA", 0.3);
    weights.put("REST", 0.7);
    List<InstrumentSpec> ins =
        List.of(
            stock("ETF", "100.00", 15, 0, new BasketSpec(weights, 1000)),
            stock("MEGA", "200.00", 30, 0, null),
            stock("REST", "50.00", 15, 0, null));
    List<String> all = List.of("ETF", "MEGA", "REST");
    List<AgentGroupSpec> agents =
        List.of(
            group("market-maker", "mm", 3, all, 20_000_000, Map.of(), Map.of()),
            group(
                "noise",
                "noise",
                10,
                all,
                1_000_000,
                Map.of("ETF", 500L, "MEGA", 500L, "REST", 500L),
                Map.of("rate", Distribution.fixed(0.2), "size", Distribution.fixed(10))),
            group(
                "fundamental",
                "value",
                5,
                List.of("MEGA", "REST"),
                5_000_000,
                Map.of("MEGA", 5000L, "REST", 5000L),
                Map.of("size", Distribution.fixed(30))),
            group(
                "etf-ap",
                "ap",
                1,
                List.of("ETF"),
                5_000_000,
                Map.of("ETF", 5000L, "MEGA", 3000L, "REST", 28000L),
                Map.of()),
            group("etf-holder", "desk", 1, List.of("ETF"), 0, Map.of("ETF", 20_000L), Map.of()));
    ScenarioSpec s =
        spec(
            40,
            ins,
            agents,
            List.of(
                new ShockSpec(
                    ShockType.FLOW,
                    START.plusMinutes(5),
                    "ETF outflow",
                    "ETF",
                    Map.of("dollars", -1_000_000.0, "minutes", 30.0))));
    Simulation sim = Simulations.resolve(s, 3, Set.of(), StandardFamilies.registry());
    int ap = agentAccount(sim, "ap-0");
    long mega0 = sim.ledger().position(ap, 1);
    long rest0 = sim.ledger().position(ap, 2);
    double worstGap = 0;
    long t = sim.startNanos() + 10 * Time.NANOS_PER_MINUTE;
    sim.runUntil(t);
    for (; t <= sim.endNanos(); t += Time.NANOS_PER_MINUTE) {
      sim.runUntil(t);
      double gap = sim.world().etfPremium(0);
      worstGap = Math.max(worstGap, Math.abs(gap));
      assertThat(sim.ledger().conservation().holds()).isTrue();
    }
    int issuer = sim.ledger().accountCount() - 1;
    for (int a = 0; a < sim.ledger().accountCount(); a++) {
      if (sim.ledger().name(a).equals("issuer:ETF")) {
        issuer = a;
      }
    }
    long issuerEtf = sim.ledger().position(issuer, 0);
    assertThat(issuerEtf).as("units redeemed").isGreaterThan(0);
    // What the AP sold in the market = what it held + what redemptions gave it - what it holds.
    long megaSold = mega0 - sim.ledger().position(issuer, 1) - sim.ledger().position(ap, 1);
    long restSold = rest0 - sim.ledger().position(issuer, 2) - sim.ledger().position(ap, 2);
    double megaDollars = megaSold * 200.0;
    double restDollars = restSold * 50.0;
    assertThat(megaDollars / (megaDollars + restDollars)).isCloseTo(0.3, within(0.03));
    assertThat(worstGap).as("ETF premium to NAV").isLessThan(0.005);
  }

  private static int agentAccount(Simulation sim, String id) {
    for (int k = 0; k < sim.world().agentCount(); k++) {
      if (sim.world().agentId(k).equals(id)) {
        return sim.world().agentAccount(k);
      }
    }
    throw new AssertionError(id);
  }

  @Test
  void aStopClusterBelowSupportFiresWhenPriceBreaksIt() {
    List<String> one = List.of("XYZ");
    List<AgentGroupSpec> agents =
        List.of(
            group("market-maker", "mm", 2, one, 20_000_000, Map.of(), Map.of()),
            group(
                "fundamental",
                "value",
                5,
                one,
                5_000_000,
                Map.of("XYZ", 20_000L),
                Map.of("size", Distribution.fixed(50))),
            group(
                "stop-loss",
                "stops",
                4,
                one,
                0,
                Map.of("XYZ", 1000L),
                Map.of(
                    "roundStep",
                    Distribution.fixed(0),
                    "support1",
                    Distribution.fixed(98.0),
                    "offsetTicks",
                    Distribution.fixed(5))));
    ScenarioSpec s =
        spec(
            30,
            List.of(stock("XYZ", "100.00", 10, 0, null)),
            agents,
            List.of(
                new ShockSpec(
                    ShockType.FUNDAMENTAL,
                    START.plusMinutes(2),
                    "guidance cut",
                    "XYZ",
                    Map.of("pct", -6.0))));
    Simulation sim = Simulations.resolve(s, 5, Set.of(), StandardFamilies.registry());
    sim.runUntil(sim.startNanos() + Time.NANOS_PER_MINUTE);
    assertThat(sim.exchange().pendingStops(0)).isEqualTo(4);
    sim.runUntil(sim.endNanos());
    assertThat(sim.exchange().pendingStops(0)).isZero();
    long fired = 0;
    for (int c = 1; c < sim.causes().size(); c++) {
      if (sim.causes().kind(c) == CauseKind.STOP && sim.causes().agent(c) < 0) {
        fired++;
      }
    }
    assertThat(fired).isGreaterThanOrEqualTo(4);
    assertThat(sim.ledger().conservation().holds()).isTrue();
  }

  @Test
  void theDemoScenarioRebalancesAreCausedByItsShocks() throws Exception {
    LoadResult r =
        ScenarioLoader.load(
            java.nio.file.Path.of("../scenarios/systematic-demo.yaml"),
            StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    Simulation sim =
        Simulations.resolve(r.spec().orElseThrow(), 1, Set.of(), StandardFamilies.registry());
    sim.runUntil(sim.endNanos());
    int rebalances = 0;
    for (int c = 1; c < sim.causes().size(); c++) {
      if (sim.causes().kind(c) == CauseKind.REBALANCE) {
        rebalances++;
        assertThat(reachesShock(sim, c)).as(sim.causes().label(c)).isTrue();
      }
    }
    assertThat(rebalances).isGreaterThan(0);
    assertThat(sim.ledger().conservation().holds()).isTrue();
  }

  @Test
  void theDemoEtfTracksItsNavAndIsNotPausedBackToBack() throws Exception {
    LoadResult r =
        ScenarioLoader.load(
            java.nio.file.Path.of("../scenarios/systematic-demo.yaml"),
            StandardFamilies.registry());
    Simulation sim =
        Simulations.resolve(r.spec().orElseThrow(), 1, Set.of(), StandardFamilies.registry());
    int spy = 0;
    double worstGap = 0;
    long openMinutes = 0;
    long minutesBeyond2Pct = 0;
    for (long t = sim.startNanos() + Time.NANOS_PER_MINUTE;
        t <= sim.endNanos();
        t += Time.NANOS_PER_MINUTE) {
      sim.runUntil(t);
      if (sim.exchange().isOpen(spy)) {
        openMinutes++;
        double gap = Math.abs(sim.world().etfPremium(spy));
        worstGap = Math.max(worstGap, gap);
        if (gap > 0.02) {
          minutesBeyond2Pct++;
        }
      }
    }
    // Before the limit-state rule SPY paused back to back from 13:55 to the close (open about 115
    // of 240 minutes) and ended about 8 points above its basket. In the sell-off the premium stays
    // within 2% (the AP's 10 bp threshold plus the time its hedges take in thin books) but for a
    // minute or two when a member flashes (on this seed SPXR -3% and back within a minute at
    // 15:20, after the -7% halt, its volatility raised by the fall: docs/model.md §4), and never
    // beyond 5%.
    assertThat(openMinutes).as("minutes SPY trades").isGreaterThan(200);
    assertThat(minutesBeyond2Pct)
        .as("minutes SPY's premium to NAV is beyond 2%")
        .isLessThanOrEqualTo(3);
    assertThat(worstGap).as("SPY premium to NAV while it trades").isLessThan(0.05);
    assertThat(sim.ledger().conservation().holds()).isTrue();
  }
}
