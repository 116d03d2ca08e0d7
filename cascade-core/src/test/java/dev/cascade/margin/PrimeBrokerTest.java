package dev.cascade.margin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimeBrokerTest {
  private static final MarginPolicy REG_T_XYZ = RegT.STANDARD;

  /** Records the sells of one account: (instrument, lots, sell cause). */
  private static final class Sells implements MarketListener {
    final int account;
    final List<long[]> sells = new ArrayList<>();

    Sells(int account) {
      this.account = account;
    }

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
      if (sellAccount == account) {
        sells.add(new long[] {instrument.id(), qty, sellCause});
      }
    }
  }

  @Test
  void marginCallLiquidatesWhenEquityBelowMaintenanceAndRestoresCompliance() {
    MarginMarket m = new MarginMarket();
    PrimeBroker broker = m.broker(MarginTerms.broker().withDeadlineSeconds(60));
    // 100,000 dollars of XYZ on 50,000 of equity: equity 1000 P - 50,000, maintenance 250 P,
    // so the call comes below P = 66.67
    int fund = m.marginAccount("fund", 50_000);
    m.fill(fund, MarginMarket.XYZ, 1000, 10_000);
    broker.cover(fund, REG_T_XYZ);

    m.print(MarginMarket.XYZ, 6_667);
    broker.checkAll(CauseLog.GENESIS);
    assertThat(broker.calls()).isEmpty();

    int mover = m.print(MarginMarket.XYZ, 6_666);
    broker.checkAll(mover);
    assertThat(broker.calls()).hasSize(1);
    MarginCall call = broker.calls().get(0);
    assertThat(call.amountMicro()).isEqualTo((250L * 6_666 - (1000L * 6_666 - 5_000_000)) * 10_000);
    assertThat(m.causes.parent(call.cause())).isEqualTo(mover);
    assertThat(broker.admits(fund, MarginMarket.XYZ, 1001, 6_666)).isFalse();

    Sells sells = new Sells(fund);
    m.exchange.addListener(sells);
    m.bids(MarginMarket.XYZ, 6_660, 5, 40, 100);
    m.runFor(59);
    assertThat(sells.sells).as("nothing sold before the deadline").isEmpty();
    m.runFor(120);

    assertThat(broker.calls().get(0).outcome()).isEqualTo(MarginCall.Outcome.LIQUIDATED);
    assertThat(m.ledger.equity(fund)).isGreaterThanOrEqualTo(broker.maintenance(fund));
    assertThat(m.ledger.position(fund, MarginMarket.XYZ)).isBetween(1L, 999L);
    assertThat(sells.sells).isNotEmpty();
    for (long[] s : sells.sells) {
      int cause = (int) s[2];
      assertThat(m.causes.kind(cause)).isEqualTo(CauseKind.LIQUIDATION);
      assertThat(m.causes.parent(cause)).isEqualTo(call.cause());
    }
    assertThat(m.ledger.conservation().holds()).isTrue();
  }

  @Test
  void aCallMetBeforeTheDeadlineSellsNothing() {
    MarginMarket m = new MarginMarket();
    PrimeBroker broker = m.broker(MarginTerms.broker().withDeadlineSeconds(60));
    int fund = m.marginAccount("fund", 50_000);
    m.fill(fund, MarginMarket.XYZ, 1000, 10_000);
    broker.cover(fund, REG_T_XYZ);
    m.print(MarginMarket.XYZ, 6_000);
    broker.checkAll(CauseLog.GENESIS);
    assertThat(broker.openCallAmount(fund)).isPositive();
    m.print(MarginMarket.XYZ, 9_000); // the price comes back before the deadline
    m.runFor(61);
    assertThat(broker.calls().get(0).outcome()).isEqualTo(MarginCall.Outcome.MET);
    assertThat(broker.liquidationOrders()).isZero();
  }

  @Test
  void aVenueMarginHikeForcesSales() {
    MarginMarket m = new MarginMarket();
    VenueRates rates = new VenueRates(m.instruments.size());
    CrossAssetPolicy policy =
        new CrossAssetPolicy(
            RegT.STANDARD,
            CcpMargin.standard(new double[] {0.3, 0.5}),
            TieredMargin.binanceBtc(),
            RegT.STANDARD,
            rates);
    PrimeBroker broker = m.broker(MarginTerms.broker().withDeadlineSeconds(30));
    // equity 40,000 against 100,000 of stock: maintenance 25,000, compliant
    int fund = m.marginAccount("fund", 40_000);
    m.fill(fund, MarginMarket.XYZ, 1000, 10_000);
    broker.cover(fund, policy);
    m.print(MarginMarket.XYZ, 10_000);
    m.bids(MarginMarket.XYZ, 9_990, 5, 40, 100);
    broker.checkAll(CauseLog.GENESIS);
    assertThat(broker.calls()).isEmpty();

    int shock = m.causes.record(CauseKind.SHOCK, -1, CauseLog.GENESIS, m.clock.now(), "hike");
    rates.scale(MarginMarket.XYZ, 2); // maintenance 50,000 > equity 40,000
    broker.requestCheck(shock);
    m.runFor(120);

    assertThat(broker.calls()).hasSize(1);
    assertThat(m.causes.parent(broker.calls().get(0).cause())).isEqualTo(shock);
    assertThat(m.ledger.position(fund, MarginMarket.XYZ)).isLessThan(1000);
    assertThat(m.ledger.equity(fund)).isGreaterThanOrEqualTo(broker.maintenance(fund));
    assertThat(m.ledger.conservation().holds()).isTrue();
  }

  @Test
  void aCrossMarginedCryptoLossProducesEquitySelling() {
    MarginMarket m = new MarginMarket();
    VenueRates rates = new VenueRates(m.instruments.size());
    CrossAssetPolicy policy =
        new CrossAssetPolicy(
            RegT.STANDARD,
            CcpMargin.standard(new double[] {0.3, 0.5}),
            TieredMargin.binanceBtc(),
            RegT.STANDARD,
            rates);
    PrimeBroker broker =
        m.broker(MarginTerms.broker().withDeadlineSeconds(30).withOrder(LiquidationOrder.PRO_RATA));
    // 100,000 of stock and 5 BTC (500,000 dollars) of perpetual on 100,000 of equity
    int fund = m.marginAccount("fund", 100_000);
    m.fill(fund, MarginMarket.XYZ, 1000, 10_000);
    m.fill(fund, MarginMarket.PERP, 5000, 100_000);
    broker.cover(fund, policy);
    m.print(MarginMarket.XYZ, 10_000);
    m.print(MarginMarket.PERP, 100_000);
    broker.checkAll(CauseLog.GENESIS);
    assertThat(broker.calls()).isEmpty();

    // bitcoin falls 15%: the perpetual loses 75,000 dollars, equity 25,000 < maintenance
    int crash = m.print(MarginMarket.PERP, 85_000);
    m.bids(MarginMarket.XYZ, 9_990, 5, 40, 100);
    m.bids(MarginMarket.PERP, 84_990, 10, 40, 500);
    Sells sells = new Sells(fund);
    m.exchange.addListener(sells);
    broker.checkAll(crash);
    m.runFor(120);

    assertThat(broker.calls()).isNotEmpty();
    long stockSold =
        sells.sells.stream().filter(s -> s[0] == MarginMarket.XYZ).mapToLong(s -> s[1]).sum();
    assertThat(stockSold).as("stock sold because of a bitcoin loss").isPositive();
    int firstCall = broker.calls().get(0).cause();
    assertThat(m.causes.parent(firstCall)).isEqualTo(crash);
    assertThat(m.ledger.conservation().holds()).isTrue();
  }
}
