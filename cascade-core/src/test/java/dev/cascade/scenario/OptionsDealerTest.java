package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.cause.CauseKind;
import dev.cascade.derivatives.DealerReport;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import dev.cascade.record.MarketRecorder;
import dev.cascade.record.RunSummary;
import dev.cascade.record.TapeHash;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsDealerTest {

  private static Simulation run(ScenarioSpec spec, long seed) {
    Simulation sim = Simulations.resolve(spec, seed, Set.of(), StandardFamilies.registry());
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    return sim;
  }

  private static DealerReport report(Simulation sim) {
    assertThat(sim.world().options().reports()).hasSize(1);
    return sim.world().options().reports().get(0);
  }

  @Test
  void shortGammaDealersSellIntoAFallAndLongGammaDealersBuy() {
    // Pooled over seeds 1-8: a long-gamma book also sells into the noise's rebounds, and on a
    // single
    // seed that share varies from 0 to 40% of what it buys.
    long shortSold = 0;
    long shortBought = 0;
    long longSold = 0;
    long longBought = 0;
    for (int seed = 1; seed <= 8; seed++) {
      DealerReport shortGamma =
          report(
              run(
                  DealerFixture.spec(DealerFixture.START, 30, -1.5, DealerFixture.shortGamma()),
                  seed));
      DealerReport longGamma =
          report(
              run(
                  DealerFixture.spec(DealerFixture.START, 30, -1.5, DealerFixture.longGamma()),
                  seed));
      assertThat(shortGamma.netGammaStart()).isNegative();
      assertThat(longGamma.netGammaStart()).isPositive();
      assertThat(shortGamma.spotEnd()).isLessThan(shortGamma.spotStart());
      assertThat(longGamma.spotEnd()).isLessThan(longGamma.spotStart());
      shortSold += shortGamma.hedgeSoldLots();
      shortBought += shortGamma.hedgeBoughtLots();
      longSold += longGamma.hedgeSoldLots();
      longBought += longGamma.hedgeBoughtLots();
    }
    // The direction comes from the book's delta: nearly all hedging goes one way.
    assertThat(shortSold).isGreaterThan(4 * shortBought);
    assertThat(longBought).isGreaterThan(4 * longSold);
  }

  @Test
  void everyDealerOrderCarriesAHedgeCauseWhoseParentIsTheMoveOrRoutine() {
    Simulation sim =
        Simulations.resolve(
            DealerFixture.spec(DealerFixture.START, 20, -1.5, DealerFixture.shortGamma()),
            5,
            Set.of(),
            StandardFamilies.registry());
    Map<Integer, Long> dealerLotsByKind = new HashMap<>();
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
            for (int[] side : new int[][] {{buyAccount, buyCause}, {sellAccount, sellCause}}) {
              int agent = sim.world().agentOfAccount(side[0]);
              if (agent >= 0 && sim.world().agentId(agent).startsWith("dealer-")) {
                dealerLotsByKind.merge(sim.causes().kind(side[1]).ordinal(), qty, Long::sum);
              }
            }
          }
        });
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});

    assertThat(dealerLotsByKind).containsOnlyKeys(CauseKind.HEDGE.ordinal());
    assertThat(dealerLotsByKind.get(CauseKind.HEDGE.ordinal())).isPositive();
    boolean someHedgeHasAMoveAsParent = false;
    for (int c = 1; c < sim.causes().size(); c++) {
      if (sim.causes().kind(c) == CauseKind.HEDGE
          && sim.causes().parent(c) != dev.cascade.cause.CauseLog.GENESIS) {
        someHedgeHasAMoveAsParent = true;
      }
    }
    assertThat(someHedgeHasAMoveAsParent).isTrue();
  }

  /** 15:30 New York on the day of the first expiry. */
  private static final OffsetDateTime EXPIRY_DAY =
      OffsetDateTime.parse("2025-11-18T15:30:00-05:00");

  /** Short-gamma books with two expiries: today 16:00 New York and a week later. */
  private static Map<String, Double> expiringToday() {
    Map<String, Double> params = new HashMap<>(DealerFixture.shortGamma());
    params.put("firstExpiryDays", 0.0);
    params.put("expiries", 2.0);
    params.put("expirySpacingDays", 7.0);
    return params;
  }

  @Test
  void optionsRollOffAtTheirExpiry() {
    // A 0-day expiry (today 16:00 New York) and one a week later; the run crosses the close.
    OffsetDateTime start = EXPIRY_DAY;
    Map<String, Double> params = expiringToday();
    Simulation sim = run(DealerFixture.spec(start, 45, 0, params), 1);
    DealerReport r = report(sim);

    assertThat(r.contractsRolledOff()).isPositive();
    assertThat(r.contractsEnd()).isEqualTo(r.contractsStart() - r.contractsRolledOff());
    // Half the book (one expiry of two) went.
    assertThat((double) r.contractsRolledOff() / r.contractsStart()).isBetween(0.45, 0.55);
  }

  @Test
  void customersBuyPutsInASellOffAndDealersTakeThemOnTheirBooks() {
    Map<String, Double> params = new HashMap<>(DealerFixture.shortGamma());
    params.put("putDemandPctPerHour", 5.0);
    DealerReport withDemand =
        report(run(DealerFixture.spec(DealerFixture.START, 30, -2, params), 2));
    DealerReport calm = report(run(DealerFixture.spec(DealerFixture.START, 30, 0, params), 2));

    assertThat(withDemand.customerPuts()).isPositive();
    assertThat(withDemand.contractsEnd())
        .isEqualTo(withDemand.contractsStart() + withDemand.customerPuts());
    assertThat(withDemand.customerPuts()).isGreaterThan(calm.customerPuts());
  }

  @Test
  void sameDayPutsExpireAtTheCloseOfTheDayTheyWereBought() {
    // A sell-off at 15:00 New York: every customer put is bought as a same-day (0DTE) option, and
    // the run crosses the 16:00 close, where they leave the book.
    OffsetDateTime start = OffsetDateTime.parse("2025-11-18T15:00:00-05:00");
    Map<String, Double> params = new HashMap<>(DealerFixture.shortGamma());
    params.put("putDemandPctPerHour", 5.0);
    params.put("sameDayPutShare", 1.0);
    params.put("firstExpiryDays", 7.0);
    DealerReport r = report(run(DealerFixture.spec(start, 75, -2, params), 2));

    assertThat(r.customerPuts()).isPositive();
    assertThat(r.customerPutsSameDay()).isEqualTo(r.customerPuts());
    // The opening book expires a week later: what rolled off at the close is the same-day puts.
    assertThat(r.contractsRolledOff()).isEqualTo(r.customerPuts());
    assertThat(r.contractsEnd()).isEqualTo(r.contractsStart());

    params.put("sameDayPutShare", 0.0);
    DealerReport weekly = report(run(DealerFixture.spec(start, 75, -2, params), 2));
    assertThat(weekly.customerPuts()).isPositive();
    assertThat(weekly.customerPutsSameDay()).isZero();
    assertThat(weekly.contractsRolledOff()).isZero();
  }

  @Test
  void overwritersWriteTheExpiredCallsAgainAtTheNextOpen() {
    // Two expiries, today 16:00 and a week later; the run crosses the close into the next morning.
    OffsetDateTime start = EXPIRY_DAY;
    Map<String, Double> params = expiringToday();
    params.put("overwriteMinDays", 5.0);
    Simulation plain = run(DealerFixture.spec(start, 1095, 0, params), 1);
    params.put("overwriteRollShare", 1.0);
    Simulation rolled = run(DealerFixture.spec(start, 1095, 0, params), 1);
    DealerReport p = report(plain);
    DealerReport r = report(rolled);

    assertThat(p.customerCalls()).isZero();
    // The expiring half of the book was 40% calls (put/call 1.5), all of them long.
    assertThat(r.contractsRolledOff()).isEqualTo(p.contractsRolledOff());
    assertThat(r.customerCalls()).isPositive();
    assertThat((double) r.customerCalls() / r.contractsRolledOff()).isBetween(0.35, 0.45);
    assertThat(r.contractsEnd())
        .isEqualTo(r.contractsStart() - r.contractsRolledOff() + r.customerCalls());
  }

  @Test
  void callsOverwritersSellTakeVegaPressureOffTheSurface() {
    OffsetDateTime start = EXPIRY_DAY;
    Map<String, Double> params = expiringToday();
    params.put("overwriteMinDays", 5.0);
    params.put("putDemandPctPerHour", 5.0);
    params.put("vegaDemandImpact", 0.1);
    Simulation puts = run(DealerFixture.spec(start, 1095, -2, params), 1);
    params.put("overwriteRollShare", 1.0);
    Simulation both = run(DealerFixture.spec(start, 1095, -2, params), 1);
    Instrument spy = both.world().exchange().instruments().get(0);

    assertThat(report(both).customerCalls()).isPositive();
    assertThat(puts.world().options().surface(spy).demandPressure()).isPositive();
    assertThat(both.world().options().surface(spy).demandPressure())
        .isLessThan(puts.world().options().surface(spy).demandPressure());
  }

  @Test
  void customerVegaBoughtRaisesTheSurfaceAndNothingElseDoes() {
    Map<String, Double> params = new HashMap<>(DealerFixture.shortGamma());
    params.put("putDemandPctPerHour", 5.0);
    params.put("vegaDemandImpact", 0.1);
    Simulation withDemand = run(DealerFixture.spec(DealerFixture.START, 30, -2, params), 2);
    var surface =
        withDemand.world().options().surface(withDemand.world().exchange().instruments().get(0));
    assertThat(report(withDemand).customerPuts()).isPositive();
    // customers bought vega, the dealers are short it: the level is quoted higher, not lower
    assertThat(surface.demandPressure()).isPositive().isLessThan(1);

    // the family's default is none: the fitted spot response already carries real customers' demand
    params.remove("vegaDemandImpact");
    Simulation noImpact = run(DealerFixture.spec(DealerFixture.START, 30, -2, params), 2);
    assertThat(report(noImpact).customerPuts()).isPositive();
    assertThat(
            noImpact
                .world()
                .options()
                .surface(noImpact.world().exchange().instruments().get(0))
                .demandPressure())
        .isZero();

    Simulation noDemand =
        run(DealerFixture.spec(DealerFixture.START, 30, -2, DealerFixture.shortGamma()), 2);
    assertThat(report(noDemand).customerPuts()).isZero();
    assertThat(
            noDemand
                .world()
                .options()
                .surface(noDemand.world().exchange().instruments().get(0))
                .demandPressure())
        .isZero();
  }

  @Test
  void theSurfaceLiftsTheVixStyleIndexInASellOff() {
    DealerReport r =
        report(run(DealerFixture.spec(DealerFixture.START, 40, -2, DealerFixture.shortGamma()), 4));

    // ATM starts at 1.1 x the 15% prior vol, so the index starts near 16.5 plus skew and smile.
    assertThat(r.vixStart()).isBetween(15.0, 19.0);
    assertThat(r.vixMax()).isGreaterThan(r.vixStart());
    assertThat(r.vixEnd()).isGreaterThan(r.vixStart());
  }

  @Test
  void theSummaryHasADealersSectionOnlyWhenThereAreDealers() throws Exception {
    ScenarioSpec spec =
        DealerFixture.spec(DealerFixture.START, 30, -1.5, DealerFixture.shortGamma());
    Simulation sim = Simulations.resolve(spec, 3, Set.of(), StandardFamilies.registry());
    MarketRecorder rec = new MarketRecorder(sim.exchange(), sim.clock(), 5);
    TapeHash hash = new TapeHash();
    sim.addListener(rec);
    sim.addListener(hash);
    rec.start();
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    rec.finish();
    RunSummary summary = RunSummary.of(sim, rec, hash, 1);

    assertThat(summary.conservation()).isEqualTo("conserved");
    assertThat(summary.dealers()).hasSize(1);
    var d = summary.dealers().get(0);
    assertThat(d.underlying()).isEqualTo("SPY");
    assertThat(d.dealers()).isEqualTo(3);
    assertThat(d.netGammaStartPer1Pct()).isNegative();
    assertThat(d.netGammaEndPer1Pct()).isNegative();
    assertThat(d.flipStart()).isNotNull().isGreaterThan(d.spotStart());
    // After a crash far below the strikes the book can be short gamma across the whole +-20% grid,
    // and then there is no flip to report: null, never a made-up level.
    if (d.flipEnd() == null) {
      assertThat(d.netGammaEndPer1Pct()).as("%s", d).isNegative();
    }
    assertThat(d.hedgeLots()).isEqualTo(d.hedgeBoughtLots() + d.hedgeSoldLots()).isPositive();
    assertThat(d.hedgeNotional()).isBetween(d.hedgeLots() * 500.0, d.hedgeLots() * 600.0);
    assertThat(d.vixStart()).isPositive();
    assertThat(d.vixMax()).isGreaterThanOrEqualTo(d.vixEnd());
    assertThat(new ObjectMapper().writeValueAsString(summary)).contains("\"dealers\":[");

    Simulation none =
        Simulations.resolve(spec, 3, Set.of("options-dealer"), StandardFamilies.registry());
    MarketRecorder rec2 = new MarketRecorder(none.exchange(), none.clock(), 5);
    none.addListener(rec2);
    rec2.start();
    none.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    rec2.finish();
    RunSummary without = RunSummary.of(none, rec2, new TapeHash(), 1);
    assertThat(without.dealers()).isNull();
    assertThat(new ObjectMapper().writeValueAsString(without)).doesNotContain("dealers");
  }

  @Test
  void theFlipCrossingIsRecordedWhenSpotFallsThroughIt() {
    // Long gamma at the start, flip 1-2% below spot: a -3% shock crosses it.
    Map<String, Double> params = new HashMap<>();
    params.put("putCallRatio", 1.22);
    params.put("putCentrePct", 4.0);
    params.put("callCentrePct", 1.0);
    DealerReport r = report(run(DealerFixture.spec(DealerFixture.START, 40, -3, params), 1));

    assertThat(r.netGammaStart()).isPositive();
    assertThat(r.flipStart()).isLessThan(r.spotStart());
    assertThat(r.spotEnd()).isLessThan(r.flipStart());
    assertThat(r.flipCrossedNanos()).isGreaterThan(Time.ofInstant(DealerFixture.START.toInstant()));
    assertThat(r.netGammaEnd()).isNegative();
  }

  @Test
  void runsWithDealersAreDeterministicAndConserveCashAndUnits() {
    ScenarioSpec spec =
        DealerFixture.spec(DealerFixture.START, 15, -1.5, DealerFixture.shortGamma());
    String[] hashes = new String[2];
    for (int k = 0; k < 2; k++) {
      Simulation sim = Simulations.resolve(spec, 9, Set.of(), StandardFamilies.registry());
      TapeHash hash = new TapeHash();
      sim.addListener(hash);
      sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
      assertThat(sim.ledger().conservation().holds()).isTrue();
      hashes[k] = hash.hex();
    }
    assertThat(hashes[0]).isEqualTo(hashes[1]);
  }

  @Test
  void aDealerOnAnInstrumentDeclaredWithNoVolatilityStartsItsSurfaceAtTheFloor() {
    // fundamentalVolPct 0 is allowed; the surface once started at ATM 0 and failed the run.
    String text =
        """
        name: still
        start: 2025-11-18T09:30:00-05:00
        end: 2025-11-18T09:40:00-05:00
        instruments:
          - {symbol: SPY, class: etf, price: 571.42, fundamentalVolPct: 0}
        agents:
          - {family: market-maker, name: mm, count: 2, cash: 50000000}
          - {family: options-dealer, name: dealer, cash: 50000000}
        """;
    LoadResult r = ScenarioLoader.parse(text, "still.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    Simulation sim = run(r.spec().orElseThrow(), 1);
    assertThat(sim.world().options().surface(sim.instruments().get(0)).atm(0.1))
        .isGreaterThanOrEqualTo(0.05);
  }
}
