package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.Distribution;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.agents.World;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Priority;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.ledger.AccountKind;
import dev.cascade.ledger.Ledger;
import dev.cascade.margin.MarginCall;
import dev.cascade.margin.PrimeBroker;
import dev.cascade.market.AssetClass;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Perpetual traders, the mark price, funding and cross-margin, in small scenarios built here. */
class CryptoPerpetualsTest {
  private static final OffsetDateTime START = OffsetDateTime.parse("2025-11-20T15:00:00-05:00");
  private static final int BTC = 0;
  private static final int PERP = 1;
  private static final int NVDA = 2;

  private static InstrumentSpec instrument(
      String sym, AssetClass c, String tick, String lot, String price, PerpetualSpec perp) {
    return new InstrumentSpec(
            sym,
            c,
            new BigDecimal(tick),
            new BigDecimal(lot),
            BigDecimal.ONE,
            "USD",
            c == AssetClass.EQUITY ? SessionKind.US_EQUITY : SessionKind.CRYPTO_24_7,
            new BigDecimal(price),
            c == AssetClass.EQUITY ? 45 : 50,
            0)
        .withPerpetual(perp);
  }

  private static List<InstrumentSpec> instruments(PerpetualSpec perp) {
    return List.of(
        instrument("BTC", AssetClass.CRYPTO, "0.5", "0.001", "91000.0", PerpetualSpec.NONE),
        instrument("BTC-PERP", AssetClass.CRYPTO_PERP, "1", "0.001", "91000", perp),
        instrument("NVDA", AssetClass.EQUITY, "0.01", "1", "186.50", PerpetualSpec.NONE));
  }

  private static PerpetualSpec indexed() {
    return new PerpetualSpec("BTC", 8, 0.3);
  }

  private static AgentGroupSpec group(
      String family,
      String name,
      int count,
      long cash,
      List<String> instruments,
      Map<String, Long> holdings,
      Map<String, Distribution> params) {
    return new AgentGroupSpec(
        family, name, count, instruments, BigDecimal.valueOf(cash), holdings, params);
  }

  /** Market makers, noise and fundamental traders, as in crypto-liquidation-demo.yaml. */
  private static List<AgentGroupSpec> market() {
    List<String> all = List.of("BTC", "BTC-PERP", "NVDA");
    List<AgentGroupSpec> g = new ArrayList<>();
    g.add(
        group(
            "market-maker",
            "mm",
            4,
            50_000_000,
            all,
            Map.of(),
            Map.of(
                "halfSpreadBps", Distribution.uniform(0.5, 1.5),
                "size", Distribution.uniform(50, 150),
                "levels", Distribution.fixed(4))));
    g.add(
        group(
            "noise",
            "noise",
            30,
            2_000_000,
            all,
            Map.of("BTC", 10_000L, "BTC-PERP", 10_000L, "NVDA", 5000L),
            Map.of("rate", Distribution.fixed(0.4), "size", Distribution.lognormal(3.0, 0.3))));
    g.add(
        group(
            "fundamental",
            "value",
            10,
            10_000_000,
            all,
            Map.of("BTC", 5000L, "BTC-PERP", 5000L, "NVDA", 10_000L),
            Map.of(
                "size", Distribution.fixed(50),
                "rate", Distribution.fixed(0.3),
                "noisePct", Distribution.fixed(0.1),
                "thresholdPct", Distribution.uniform(0.05, 0.15))));
    return g;
  }

  private static Map<String, Distribution> perpParams(
      double longProbability, double leverage, double spreadPct, int venueMargin) {
    Map<String, Distribution> p = new LinkedHashMap<>();
    p.put("longProbability", Distribution.fixed(longProbability));
    p.put("leverage", Distribution.fixed(leverage));
    p.put("entrySpreadPct", Distribution.fixed(spreadPct));
    p.put("venueMargin", Distribution.fixed(venueMargin));
    return p;
  }

  private static MarketRulesSpec noBands() {
    MarketRulesSpec d = MarketRulesSpec.defaults();
    return new MarketRulesSpec(
        null,
        List.of(),
        List.of(),
        d.haltCutoff(),
        0,
        d.bandWindowSeconds(),
        d.bandPauseSeconds(),
        d.takerFeeBps(),
        d.makerFeeBps(),
        d.marketOrderCollarPct());
  }

  private static Simulation resolve(
      OffsetDateTime start,
      int minutes,
      PerpetualSpec perp,
      List<AgentGroupSpec> agents,
      List<ShockSpec> shocks,
      long seed) {
    ScenarioSpec spec =
        new ScenarioSpec(
            "perps-test",
            "",
            seed,
            start,
            start.plusMinutes(minutes),
            instruments(perp),
            agents,
            noBands(),
            shocks);
    return Simulations.resolve(spec, seed, Set.of(), StandardFamilies.registry());
  }

  private static ShockSpec drop(String target, OffsetDateTime at, double pct) {
    return new ShockSpec(ShockType.FUNDAMENTAL, at, "drop", target, Map.of("pct", pct));
  }

  private static long at(OffsetDateTime t) {
    return Time.ofInstant(t.toInstant());
  }

  /** Accounts of the agents whose id starts with a prefix. */
  private static List<Integer> accounts(Simulation sim, String prefix) {
    World w = sim.world();
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < w.agentCount(); k++) {
      if (w.agentId(k).startsWith(prefix)) {
        out.add(w.agentAccount(k));
      }
    }
    return out;
  }

  private static PrimeBroker broker(Simulation sim, String name) {
    return sim.world().brokers().stream().filter(b -> b.name().equals(name)).findFirst().get();
  }

  @Test
  void aLadderOf20xPerpLongsIsCalledInOrderOfEntryAndStopsWhenTheDropEnds() {
    List<AgentGroupSpec> agents = new ArrayList<>(market());
    agents.add(
        group(
            "perp-trader",
            "perp",
            40,
            1000,
            List.of("BTC-PERP"),
            Map.of(),
            perpParams(1, 20, 6, 1)));
    Simulation sim =
        resolve(START, 40, indexed(), agents, List.of(drop("BTC", START.plusMinutes(5), -3)), 3);
    sim.runUntil(at(START) + 1);
    Map<Integer, Double> entry = new LinkedHashMap<>();
    for (int a : accounts(sim, "perp-")) {
      assertThat(sim.ledger().position(a, PERP)).as("every trader holds a long").isPositive();
      entry.put(a, sim.ledger().entryPrice(a, PERP));
    }
    sim.runUntil(at(START.plusMinutes(25)));
    PrimeBroker venue = broker(sim, "crypto-venue");
    List<MarginCall> calls = new ArrayList<>(venue.calls());
    int called = calls.size();
    sim.runUntil(at(START.plusMinutes(40)));

    // the ladder in reach is exhausted: no more calls while the price rests
    assertThat(venue.calls()).hasSize(called);
    assertThat(called).isPositive().isLessThan(entry.size());
    // called in the order of their liquidation prices: a later call never has a higher entry
    // (0.3% tolerance: lots are whole, so equal leverage differs by rounding)
    for (int k = 1; k < calls.size(); k++) {
      MarginCall a = calls.get(k - 1);
      MarginCall b = calls.get(k);
      if (b.issuedNanos() > a.issuedNanos()) {
        assertThat(entry.get(b.account()))
            .as("entry of a later call")
            .isLessThanOrEqualTo(entry.get(a.account()) * 1.003);
      }
    }
    // a clean cut: everyone called entered above everyone left standing
    double lowestCalled =
        calls.stream().mapToDouble(c -> entry.get(c.account())).min().orElseThrow();
    for (Map.Entry<Integer, Double> e : entry.entrySet()) {
      boolean wasCalled = calls.stream().anyMatch(c -> c.account() == e.getKey());
      if (!wasCalled) {
        assertThat(e.getValue()).isLessThanOrEqualTo(lowestCalled * 1.003);
        assertThat(sim.ledger().position(e.getKey(), PERP)).isPositive();
      } else {
        assertThat(sim.ledger().position(e.getKey(), PERP)).as("liquidated flat").isZero();
      }
    }
    // every call the drop itself sets off (within its minute) descends from the shock; a trader
    // the drop left near its edge may be called later by the market's own moves
    long dropEnds = at(START.plusMinutes(6));
    assertThat(calls).anyMatch(c -> c.issuedNanos() < dropEnds);
    for (MarginCall c : calls) {
      int[] chain = sim.causes().chain(c.cause());
      if (c.issuedNanos() < dropEnds) {
        assertThat(sim.causes().kind(chain[chain.length - 1])).isEqualTo(CauseKind.SHOCK);
      } else {
        assertThat(sim.causes().kind(chain[chain.length - 1])).isNotEqualTo(CauseKind.GENESIS);
      }
    }
    assertThat(sim.ledger().conservation().holds()).isTrue();
  }

  @Test
  void fundingGoesFromLongsToShortsWhenThePerpTradesAboveItsIndexAndConservesCash() {
    OffsetDateTime start = OffsetDateTime.parse("2025-11-20T23:30:00Z");
    OffsetDateTime fundingTime = OffsetDateTime.parse("2025-11-21T00:00:00Z");
    List<AgentGroupSpec> agents = new ArrayList<>(market());
    agents.add(
        group(
            "perp-trader",
            "perp",
            20,
            10_000,
            List.of("BTC-PERP"),
            Map.of(),
            perpParams(0.5, 5, 1, 1)));
    // the perpetual's own value 1% above its index: buyers lift it above spot (a positive premium)
    Simulation sim =
        resolve(
            start, 40, indexed(), agents, List.of(drop("BTC-PERP", start.plusMinutes(1), 1)), 5);
    List<Integer> perps = accounts(sim, "perp-");
    long[] before = new long[sim.ledger().accountCount()];
    long[] after = new long[sim.ledger().accountCount()];
    sim.clock()
        .at(
            at(fundingTime),
            Priority.SHOCK,
            (t, tag) -> {
              for (int a = 0; a < before.length; a++) {
                before[a] = sim.ledger().equity(a);
              }
            },
            0);
    sim.clock()
        .at(
            at(fundingTime),
            Priority.CLEARING,
            (t, tag) -> {
              for (int a = 0; a < after.length; a++) {
                after[a] = sim.ledger().equity(a);
              }
            },
            0);
    sim.runUntil(at(start.plusMinutes(40)));

    assertThat(sim.funding().payments(PERP)).isEqualTo(1);
    assertThat(sim.funding().lastRate(PERP)).isPositive();
    assertThat(sim.funding().longsToShorts()).isPositive();
    // one charge per lot for everyone: equity moves by -position x k with the same k > 0
    long k = 0;
    int longs = 0;
    int shorts = 0;
    for (int a : perps) {
      long pos = sim.ledger().position(a, PERP);
      long paid = before[a] - after[a];
      assertThat(pos).isNotZero();
      assertThat(paid % pos).isZero();
      if (k == 0) {
        k = paid / pos;
      }
      assertThat(paid).as("funding of %s", sim.ledger().name(a)).isEqualTo(pos * k);
      longs += pos > 0 ? 1 : 0;
      shorts += pos < 0 ? 1 : 0;
    }
    assertThat(k).isPositive();
    assertThat(longs).isPositive();
    assertThat(shorts).isPositive();
    long total = 0;
    for (int a = 0; a < before.length; a++) {
      total += after[a] - before[a];
    }
    assertThat(total).as("funding sums to zero over all accounts").isZero();
    assertThat(sim.ledger().conservation().holds()).isTrue();
  }

  /** 20x longs all entered at 91,000; a wick to 80,000 at 15:02. */
  private static Simulation wick(PerpetualSpec perp, List<Long> lastAfterWick) {
    List<AgentGroupSpec> agents = new ArrayList<>(market());
    agents.add(
        group(
            "perp-trader",
            "perp",
            20,
            1000,
            List.of("BTC-PERP"),
            Map.of(),
            perpParams(1, 20, 0, 1)));
    Simulation sim = resolve(START, 4, perp, agents, List.of(), 9);
    Ledger ledger = sim.ledger();
    int buyer = ledger.openAccount("wick-buyer", AccountKind.EXTERNAL, 0);
    int seller = ledger.openAccount("wick-seller", AccountKind.EXTERNAL, 0);
    sim.clock()
        .at(
            at(START.plusMinutes(2)),
            Priority.SHOCK,
            (t, tag) -> {
              int c = sim.causes().record(CauseKind.SHOCK, -1, CauseLog.GENESIS, t, "wick");
              sim.exchange().limit(buyer, PERP, Side.BUY, 80_000, 1, c);
              sim.exchange().ioc(seller, PERP, Side.SELL, 80_000, 1_000_000, c);
              lastAfterWick.add(sim.exchange().lastPrice(PERP));
            },
            0);
    // 15 s after the wick: long enough for the venue's once-a-second checks to act on last-trade
    // marks, short enough that a market that stays down has not yet moved the smoothed mark.
    sim.runUntil(at(START.plusMinutes(2).plusSeconds(15)));
    return sim;
  }

  @Test
  void aSinglePrintFarBelowTheMarkLiquidatesNoOneButWouldAtLastTradeMarks() {
    List<Long> last = new ArrayList<>();
    Simulation marked = wick(indexed(), last);
    assertThat(last.get(0))
        .as("the wick printed far below the 20x liquidation prices")
        .isEqualTo(80_000);
    assertThat(broker(marked, "crypto-venue").calls()).isEmpty();
    assertThat(marked.marks().markTicks(PERP)).isGreaterThan(88_000);

    Simulation lastTrade = wick(PerpetualSpec.NONE, new ArrayList<>());
    assertThat(broker(lastTrade, "crypto-venue").calls()).isNotEmpty();
  }

  @Test
  void aCrossMarginedPerpTradersCryptoLossMakesItSellStock() {
    List<AgentGroupSpec> agents = new ArrayList<>(market());
    agents.add(
        group(
            "perp-trader",
            "cross",
            5,
            1000,
            List.of("BTC-PERP", "NVDA"),
            Map.of("NVDA", 20L),
            perpParams(1, 100, 0, 0)));
    Simulation sim =
        resolve(START, 20, indexed(), agents, List.of(drop("BTC", START.plusMinutes(2), -8)), 11);
    List<Integer> cross = accounts(sim, "cross-");
    List<int[]> stockSales = new ArrayList<>();
    sim.addListener(
        new MarketListener() {
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
            if (instrument.id() == NVDA && cross.contains(sellAccount)) {
              stockSales.add(new int[] {sellAccount, sellCause});
            }
          }
        });
    sim.runUntil(at(START.plusMinutes(20)));

    assertThat(broker(sim, "prime-broker").calls()).isNotEmpty();
    assertThat(stockSales).isNotEmpty();
    for (int[] s : stockSales) {
      int[] chain = sim.causes().chain(s[1]);
      List<CauseKind> kinds = new ArrayList<>();
      for (int c : chain) {
        kinds.add(sim.causes().kind(c));
      }
      assertThat(kinds)
          .as("NVDA sold because of a crypto margin call")
          .contains(CauseKind.MARGIN_CALL);
    }
    assertThat(sim.ledger().conservation().holds()).isTrue();
  }

  @Test
  void cashAndUnitsAreConservedAfterEveryInstantOfRandomizedPerpRuns() {
    int liquidations = 0;
    for (long seed = 1; seed <= 3; seed++) {
      Random r = new Random(seed);
      List<AgentGroupSpec> agents = new ArrayList<>(market());
      Map<String, Distribution> isolated = perpParams(0.5 + 0.5 * r.nextDouble(), 2, 3, 1);
      isolated.put("leverage", Distribution.uniform(2, 10 + 90 * r.nextDouble()));
      agents.add(
          group(
              "perp-trader",
              "perp",
              20 + r.nextInt(40),
              500 + r.nextInt(2000),
              List.of("BTC-PERP"),
              Map.of(),
              isolated));
      agents.add(
          group(
              "perp-trader",
              "cross",
              1 + r.nextInt(4),
              1000,
              List.of("BTC-PERP", "NVDA"),
              Map.of("NVDA", 20L),
              perpParams(1, 50 + 50 * r.nextDouble(), 1, 0)));
      Simulation sim =
          resolve(
              START,
              15,
              indexed(),
              agents,
              List.of(drop("BTC", START.plusMinutes(1), -6 - 6 * r.nextDouble())),
              seed);
      long end = at(START.plusMinutes(15));
      int instants = 0;
      while (sim.clock().nextEventTime() <= end) {
        sim.runUntil(sim.clock().nextEventTime());
        assertThat(sim.ledger().conservation().holds())
            .as("seed %d at %s", seed, Time.format(sim.clock().now()))
            .isTrue();
        instants++;
      }
      assertThat(instants).isGreaterThan(100);
      liquidations += broker(sim, "crypto-venue").liquidationOrders();
    }
    assertThat(liquidations).as("the runs reached liquidations").isPositive();
  }

  @Test
  void aThousandAccountLadderIsCheckedByComparingTriggerPricesNotRevaluing() {
    List<AgentGroupSpec> agents = new ArrayList<>(market());
    agents.add(
        group(
            "perp-trader",
            "perp",
            1000,
            1000,
            List.of("BTC-PERP"),
            Map.of(),
            perpParams(0.88, 20, 3, 1)));
    Simulation sim = resolve(START, 10, indexed(), agents, List.of(), 13);
    sim.runUntil(at(START.plusMinutes(10)));
    PrimeBroker venue = broker(sim, "crypto-venue");
    // 600 scheduled checks of 1,000 accounts would be 600,000 full evaluations
    assertThat(venue.accountCount()).isEqualTo(1000);
    assertThat(venue.fullChecks()).isLessThan(20_000);
  }

  @Test
  void theFamilyIsRegisteredAndTheMechanismNamesIt() {
    AgentFamily f = StandardFamilies.registry().get("perp-trader");
    assertThat(f.param("venueMargin")).isNotNull();
    assertThat(Mechanisms.members("crypto-liquidations")).containsExactly("perp-trader");
  }
}
