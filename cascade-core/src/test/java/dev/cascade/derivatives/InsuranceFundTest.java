package dev.cascade.derivatives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.ledger.AccountKind;
import dev.cascade.margin.MarginMarket;
import dev.cascade.margin.MarginTerms;
import dev.cascade.margin.PrimeBroker;
import dev.cascade.margin.TieredMargin;
import org.junit.jupiter.api.Test;

class InsuranceFundTest {
  private static final long DOLLAR = 1_000_000;

  private final MarginMarket m = new MarginMarket();
  private final PrimeBroker venue = m.broker(MarginTerms.venue());
  private final int insurance = m.ledger.openAccount("insurance-fund", AccountKind.VENUE, 0);
  private final int bankrupt = m.marginAccount("bankrupt", 5_000);
  private final int shortSmall = m.marginAccount("short-low-leverage", 50_000);
  private final int shortLevered = m.marginAccount("short-high-leverage", 5_000);
  private final int call =
      m.causes.record(CauseKind.MARGIN_CALL, -1, CauseLog.GENESIS, m.clock.now(), "call");

  InsuranceFundTest() {
    // 1 BTC long at 100,000 on 5,000 dollars; two shorts of 1 BTC each opposite it
    m.fill(bankrupt, MarginMarket.PERP, 1000, 100_000);
    m.fill(shortSmall, MarginMarket.PERP, -1000, 100_000);
    m.fill(shortLevered, MarginMarket.PERP, -1000, 100_000);
    m.fill(m.liquidity, MarginMarket.PERP, 1000, 100_000);
    for (int a : new int[] {bankrupt, shortSmall, shortLevered}) {
      venue.cover(a, TieredMargin.binanceBtc());
    }
    m.print(MarginMarket.PERP, 90_000); // the long is 5,000 dollars under water
  }

  @Test
  void theFundTakesOverABankruptPositionAndNothingIsCreatedOrLost() {
    m.ledger.transferCash(0, insurance, 1_000_000 * DOLLAR);
    InsuranceFund fund = new InsuranceFund(m.ledger, m.causes, m.clock, venue, insurance, 0);
    assertThat(m.ledger.equity(bankrupt)).isEqualTo(-5_000 * DOLLAR);
    long before = m.ledger.equity(insurance);

    fund.absorb(
        bankrupt, MarginMarket.PERP, venue.bankruptcyPrice(bankrupt, MarginMarket.PERP), call);

    assertThat(m.ledger.position(bankrupt, MarginMarket.PERP)).isZero();
    assertThat(m.ledger.equity(bankrupt)).isZero();
    assertThat(m.ledger.position(insurance, MarginMarket.PERP)).isEqualTo(1000);
    assertThat(before - m.ledger.equity(insurance)).isEqualTo(5_000 * DOLLAR);
    assertThat(fund.adlEvents()).isZero();
    assertThat(m.ledger.conservation().holds()).isTrue();
  }

  @Test
  void aDepletedFundDeleveragesTheMostProfitableMostLeveragedOppositePositionFirst() {
    InsuranceFund fund = new InsuranceFund(m.ledger, m.causes, m.clock, venue, insurance, 0);
    long bp = venue.bankruptcyPrice(bankrupt, MarginMarket.PERP);
    assertThat(bp).isEqualTo(95_000);

    fund.absorb(bankrupt, MarginMarket.PERP, bp, call);

    // both shorts gained 10%; the one on less equity has more leverage and is closed first
    assertThat(fund.adlEvents()).isEqualTo(1);
    assertThat(m.ledger.position(shortLevered, MarginMarket.PERP)).isZero();
    assertThat(m.ledger.position(shortSmall, MarginMarket.PERP)).isEqualTo(-1000);
    assertThat(m.ledger.position(bankrupt, MarginMarket.PERP)).isZero();
    assertThat(m.ledger.equity(bankrupt)).isZero();
    // closed at the bankruptcy price, 95,000: it keeps 5,000 of its 10,000 gain
    assertThat(m.ledger.equity(shortLevered)).isEqualTo((5_000 + 5_000) * DOLLAR);
    assertThat(m.ledger.conservation().holds()).isTrue();
  }
}
