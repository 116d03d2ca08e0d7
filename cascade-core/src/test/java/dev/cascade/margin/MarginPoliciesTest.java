package dev.cascade.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.kernel.SessionKind;
import dev.cascade.market.AssetClass;
import dev.cascade.market.Instrument;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MarginPoliciesTest {
  private static Instrument instrument(AssetClass c) {
    return new Instrument(
        0,
        "X",
        c,
        new BigDecimal("0.01"),
        BigDecimal.ONE,
        BigDecimal.ONE,
        "USD",
        SessionKind.US_EQUITY,
        10_000);
  }

  private static final long DOLLAR = 1_000_000;

  @Test
  void regTAsksHalfInitiallyAndAQuarterToMaintain() {
    Instrument stock = instrument(AssetClass.EQUITY);
    // 1,000 shares at 100.00 dollars: 100,000 dollars of stock, long or short
    assertThat(RegT.STANDARD.initial(stock, 1000, 10_000)).isEqualTo(50_000 * DOLLAR);
    assertThat(RegT.STANDARD.maintenance(stock, -1000, 10_000)).isEqualTo(25_000 * DOLLAR);
  }

  @Test
  void stressMarginTakesTheWorstMoveOfTheGrid() {
    Instrument stock = instrument(AssetClass.EQUITY);
    Instrument etf = instrument(AssetClass.ETF);
    assertThat(StressMargin.FINRA.maintenance(stock, 1000, 10_000)).isEqualTo(15_000 * DOLLAR);
    // broad index: a long loses on the -8% move, a short on the +6% move
    assertThat(StressMargin.FINRA.maintenance(etf, 1000, 10_000)).isEqualTo(8_000 * DOLLAR);
    assertThat(StressMargin.FINRA.maintenance(etf, -1000, 10_000)).isEqualTo(6_000 * DOLLAR);
  }

  @Test
  void tieredMarginChargesEachBracketItsRate() {
    TieredMargin t = TieredMargin.binanceBtc();
    // 0.4% of the first 50k, 0.5% of the next 200k, 1% of the next 750k
    assertThat(t.maintenanceDollars(40_000)).isCloseTo(160, within(1e-9));
    assertThat(t.maintenanceDollars(100_000)).isCloseTo(200 + 250, within(1e-9));
    assertThat(t.maintenanceDollars(1_000_000)).isCloseTo(200 + 1000 + 7500, within(1e-6));
    assertThat(t.maxLeverage(40_000)).isEqualTo(125);
    assertThat(t.maxLeverage(5e8)).isEqualTo(1);
    assertThat(t.marginalRate(1e9)).isEqualTo(0.5);
  }

  @Test
  void ccpMarginRisesAtOnceFallsSlowlyAndNeverBelowItsFloor() {
    CcpMargin ccp = CcpMargin.standard(new double[] {0.20});
    double floor = 2.33 * 0.20 / Math.sqrt(252) * Math.sqrt(2);
    assertThat(ccp.rate(0)).isCloseTo(floor, within(1e-12));
    ccp.update(i -> 0.60);
    double high = 2.33 * 0.60 / Math.sqrt(252) * Math.sqrt(2);
    assertThat(ccp.rate(0)).isCloseTo(high, within(1e-12));
    ccp.update(i -> 0.10);
    assertThat(ccp.rate(0)).isCloseTo(high * 0.95, within(1e-12));
    for (int k = 0; k < 200; k++) {
      ccp.update(i -> 0.10);
    }
    assertThat(ccp.rate(0)).isCloseTo(floor, within(1e-12));
  }

  @Test
  void aVenueHikeMultipliesTheRequirement() {
    Instrument stock = instrument(AssetClass.EQUITY);
    VenueRates rates = new VenueRates(1);
    CrossAssetPolicy p =
        new CrossAssetPolicy(
            RegT.STANDARD,
            CcpMargin.standard(new double[] {0.2}),
            TieredMargin.binanceBtc(),
            RegT.STANDARD,
            rates);
    long before = p.maintenance(stock, 1000, 10_000);
    rates.scale(0, 2);
    assertThat(p.maintenance(stock, 1000, 10_000)).isEqualTo(2 * before);
  }
}
