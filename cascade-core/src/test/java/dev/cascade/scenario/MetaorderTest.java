package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioLoaderTest.assertError;
import static dev.cascade.scenario.ScenarioLoaderTest.goodWith;
import static dev.cascade.scenario.ScenarioLoaderTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.agents.execution.TwapExecution;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metaorder shock: loading, TWAP execution, funding, causes, common random numbers. */
class MetaorderTest {
  private static final String FUNDAMENTAL =
      "  - type: fundamental\n"
          + "    at: 2025-11-18T12:00:00-05:00\n"
          + "    target: NVDA\n"
          + "    label: NVDA earnings miss\n"
          + "    pct: -8";

  /** The loader test's good file with its first shock replaced by {@code shock}. */
  private static String withShock(String shock) {
    return goodWith(FUNDAMENTAL, "  " + shock);
  }

  /** Like {@link ScenarioLoaderTest#assertError}, located at the value of {@code keyAndValue}. */
  private static void assertErrorAtValue(
      String text, String keyAndValue, String path, String messageFragment) {
    ScenarioError e = ScenarioLoaderTest.onlyError(parse(text));
    int[] lc = ScenarioLoaderTest.at(text, keyAndValue);
    assertThat(e.line()).as("line of %s", e).isEqualTo(lc[0]);
    assertThat(e.column()).as("column of %s", e).isEqualTo(lc[1] + keyAndValue.indexOf(':') + 2);
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.message()).contains(messageFragment);
  }

  private static String metaorder(String lines) {
    return "- type: metaorder\n    at: 2025-11-18T12:00:00-05:00\n    target: SPY\n" + lines;
  }

  @Test
  void aMetaorderSizedInPercentOfDailyVolumeLoadsWithItsSideAsASign() {
    LoadResult r =
        parse(withShock(metaorder("    side: sell\n    pctOfDailyVolume: 1\n    minutes: 60")));
    assertThat(r.errors()).isEmpty();
    ShockSpec s = r.spec().orElseThrow().shocks().get(0);
    assertThat(s.type()).isEqualTo(ShockType.METAORDER);
    assertThat(s.params())
        .containsEntry("side", -1.0)
        .containsEntry("pctOfDailyVolume", 1.0)
        .containsEntry("minutes", 60.0);
    assertThat(Metaorders.side(s)).isEqualTo(Side.SELL);
    // 1% of the test file's 5,000,000 lots
    assertThat(Metaorders.lots(s, r.spec().orElseThrow().instrument("SPY"))).isEqualTo(50_000);
    assertThat(s.label()).isEqualTo("metaorder SPY");
  }

  @Test
  void aMetaorderInDollarsIsConvertedAtTheStatedPrice() {
    LoadResult r =
        parse(withShock(metaorder("    side: buy\n    dollars: 6600000\n    minutes: 5")));
    assertThat(r.errors()).isEmpty();
    ScenarioSpec spec = r.spec().orElseThrow();
    // 6.6 million dollars at 660.00 a lot
    assertThat(Metaorders.lots(spec.shocks().get(0), spec.instrument("SPY"))).isEqualTo(10_000);
  }

  @Test
  void aMetaorderWithoutASideIsLocated() {
    String text = withShock(metaorder("    pctOfDailyVolume: 1\n    minutes: 60"));
    assertError(text, "type: metaorder", "shocks[0].side", "missing required key 'side'");
  }

  @Test
  void anUnknownSideIsLocatedWithTheChoices() {
    String text = withShock(metaorder("    side: short\n    pctOfDailyVolume: 1\n    minutes: 60"));
    assertError(text, "short", "shocks[0].side", "unknown side 'short'");
  }

  @Test
  void aMetaorderNeedsExactlyOneSize() {
    String none = withShock(metaorder("    side: sell\n    minutes: 60"));
    assertError(none, "type: metaorder", "shocks[0]", "needs a size");
    String both =
        withShock(
            metaorder(
                "    side: sell\n    dollars: 1000000\n    pctOfDailyVolume: 1\n    minutes: 60"));
    assertError(both, "type: metaorder", "shocks[0]", "not both");
  }

  @Test
  void aPercentOfAnUnknownDailyVolumeIsLocated() {
    String text =
        withShock(metaorder("    side: sell\n    pctOfDailyVolume: 1\n    minutes: 60"))
            .replace("target: SPY\n    side", "target: NVDA\n    side");
    assertErrorAtValue(
        text,
        "pctOfDailyVolume: 1",
        "shocks[0].pctOfDailyVolume",
        "NVDA has no baselineDailyVolume");
  }

  @Test
  void aMetaorderOfLessThanALotIsRefused() {
    String text = withShock(metaorder("    side: sell\n    dollars: 100\n    minutes: 60"));
    assertErrorAtValue(text, "dollars: 100", "shocks[0].dollars", "rounds to 0 lots");
  }

  @Test
  void aMetaorderNeedsADurationAboveZeroThatEndsInTheScenario() {
    String zero = withShock(metaorder("    side: sell\n    pctOfDailyVolume: 1\n    minutes: 0"));
    assertErrorAtValue(zero, "minutes: 0", "shocks[0].minutes", "must be above 0");
    String late = withShock(metaorder("    side: sell\n    pctOfDailyVolume: 1\n    minutes: 300"));
    assertErrorAtValue(late, "minutes: 300", "shocks[0].minutes", "run past the scenario's end");
    String negative =
        withShock(metaorder("    side: sell\n    pctOfDailyVolume: -2\n    minutes: 30"));
    assertError(negative, "-2", "shocks[0].pctOfDailyVolume", "must be above 0");
  }

  @Test
  void theScheduleSumsToTheTotalWithTheRemainderOnTheFirstChildren() {
    Instrument spy =
        new Instrument(
            0,
            "SPY",
            dev.cascade.market.AssetClass.ETF,
            new java.math.BigDecimal("0.01"),
            java.math.BigDecimal.ONE,
            java.math.BigDecimal.ONE,
            "USD",
            dev.cascade.kernel.SessionKind.US_EQUITY,
            66_000);
    TwapExecution x = new TwapExecution(spy, Side.SELL, 1_003, 0, 10 * Time.NANOS_PER_MINUTE, "m");
    assertThat(x.children()).isEqualTo(60);
    assertThat(x.scheduledThrough(1)).isEqualTo(17); // 16 + one of the 43 left over
    assertThat(x.scheduledThrough(43)).isEqualTo(43 * 17);
    assertThat(x.scheduledThrough(44)).isEqualTo(43 * 17 + 16);
    assertThat(x.scheduledThrough(60)).isEqualTo(1_003);
    assertThat(TwapExecution.childrenFor(25 * Time.NANOS_PER_SECOND)).isEqualTo(3);
    assertThat(TwapExecution.childrenFor(1)).isEqualTo(1);
  }

  // ---- a small market, 40 minutes ----

  static final String SMALL =
      """
      name: small-market
      start: 2025-11-18T10:00:00-05:00
      end: 2025-11-18T10:40:00-05:00
      instruments:
        - symbol: SPY
          class: etf
          price: 660.00
          tick: 0.01
          fundamentalVolPct: 15
          baselineDailyVolume: 200000
      agents:
        - family: market-maker
          name: mm
          count: 2
          cash: 50000000
          params:
            halfSpreadBps: 1
            size: 100
            levels: 4
        - family: noise
          count: 10
          cash: 2000000
          holdings: {SPY: 2000}
          params:
            rate: 0.4
            size: 20
      """
          .stripIndent();

  static ScenarioSpec small(String shocks) {
    LoadResult r = ScenarioLoader.parse(SMALL + shocks, "small.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    return r.spec().orElseThrow();
  }

  private static final String SELL =
      """
      shocks:
        - type: metaorder
          at: 2025-11-18T10:10:00-05:00
          target: SPY
          side: %s
          pctOfDailyVolume: 1
          minutes: 10
      """
          .stripIndent();

  @Test
  void aSellIsExecutedInFullConservingCashAndUnitsWithEveryChildCausedByTheShock() {
    Simulation sim =
        Simulations.resolve(
            small(SELL.formatted("sell")), 3, Set.of(), StandardFamilies.registry());
    TwapExecution x = sim.metaorders().get(0);
    assertThat(x.totalLots()).isEqualTo(2_000);
    int account = sim.world().agentAccount(sim.world().agentCount() - 1);
    assertThat(sim.ledger().position(account, 0)).isEqualTo(2_000);
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    assertThat(x.childrenDue()).isEqualTo(60);
    assertThat(x.filledLots()).isEqualTo(2_000);
    assertThat(x.unfilledLots()).isZero();
    assertThat(sim.ledger().position(account, 0)).isZero();
    assertThat(sim.ledger().cash(account)).isPositive();
    assertThat(sim.ledger().conservation().holds()).as("%s", sim.ledger().conservation()).isTrue();

    CauseLog causes = sim.causes();
    int shock = x.shockCause();
    assertThat(causes.kind(shock)).isEqualTo(CauseKind.SHOCK);
    assertThat(causes.parent(shock)).isEqualTo(CauseLog.GENESIS);
    int children = 0;
    for (int c = 0; c < causes.size(); c++) {
      if (causes.kind(c) == CauseKind.EXECUTION) {
        children++;
        assertThat(causes.parent(c)).isEqualTo(shock);
        assertThat(causes.chain(c)).contains(shock);
      }
    }
    assertThat(children).isEqualTo(60);
  }

  @Test
  void aBuyIsFundedWithCashAndConserved() {
    Simulation sim =
        Simulations.resolve(small(SELL.formatted("buy")), 4, Set.of(), StandardFamilies.registry());
    TwapExecution x = sim.metaorders().get(0);
    int account = sim.world().agentAccount(sim.world().agentCount() - 1);
    // twice the notional at the stated price: 2 x 2,000 x 660 dollars
    assertThat(sim.ledger().cash(account)).isEqualTo(2_640_000L * 1_000_000L);
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    assertThat(x.filledLots() + x.unfilledLots()).isEqualTo(2_000);
    assertThat(sim.ledger().position(account, 0)).isEqualTo(x.filledLots());
    assertThat(x.filledLots()).isEqualTo(2_000);
    assertThat(sim.ledger().conservation().holds()).isTrue();
  }

  @Test
  void addingAMetaorderLeavesTheMarketBeforeItUnchanged() {
    ScenarioSpec without = small("");
    ScenarioSpec with = small(SELL.formatted("sell"));
    List<Double> a = mids(without, 9);
    List<Double> b = mids(with, 9);
    assertThat(b).isEqualTo(a);
    // and it moves the market once it starts
    assertThat(mids(with, 20)).isNotEqualTo(mids(without, 20));
  }

  /** The mid every 5 seconds for the first {@code minutes} of a seed-5 run. */
  private static List<Double> mids(ScenarioSpec s, int minutes) {
    Simulation sim = Simulations.resolve(s, 5, Set.of(), StandardFamilies.registry());
    List<Double> out = new ArrayList<>();
    long t0 = sim.startNanos();
    for (long t = t0; t <= t0 + minutes * Time.NANOS_PER_MINUTE; t += 5 * Time.NANOS_PER_SECOND) {
      sim.runUntil(t);
      var book = sim.exchange().book(0);
      out.add(0.5 * (book.bestBid() + book.bestAsk()));
    }
    return out;
  }
}
