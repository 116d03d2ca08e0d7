package dev.cascade.derivatives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.ledger.AccountKind;
import dev.cascade.margin.MarginMarket;
import dev.cascade.margin.MarginPolicy;
import dev.cascade.margin.MarginTerms;
import dev.cascade.margin.PrimeBroker;
import dev.cascade.margin.TieredMargin;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiquidationLadderTest {

  @Test
  void aLadderOf20xLongsLiquidatesInSequenceAndStopsWhenExhausted() {
    MarginMarket m = new MarginMarket();
    PrimeBroker venue = m.broker(MarginTerms.venue());
    MarginPolicy tiers = TieredMargin.binanceBtc();
    // Twenty 20x longs of 0.1 BTC (100 lots), entries 100,000, 99,800, ... 96,200: each has 1/20
    // of its notional as equity, so liquidation prices step down the same 200 dollars.
    int n = 20;
    int[] longs = new int[n];
    for (int k = 0; k < n; k++) {
      long entry = 100_000 - 200L * k;
      longs[k] = m.marginAccount("long-" + k, 0);
      m.ledger.transferCash(0, longs[k], entry * 100 * 1_000 / 20); // notional / 20, micro-units
      m.fill(longs[k], MarginMarket.PERP, 100, entry);
      venue.cover(longs[k], tiers);
    }
    int insurance = m.ledger.openAccount("insurance-fund", AccountKind.VENUE, 0);
    m.ledger.transferCash(0, insurance, 1_000_000L * 1_000_000);
    InsuranceFund fund = new InsuranceFund(m.ledger, m.causes, m.clock, venue, insurance, 0);
    venue.setBackstop(fund);
    m.print(MarginMarket.PERP, 100_000);
    venue.start();
    // Bids every 10 dollars from 95,300 down, 5 lots each: 100 lots walk the price down 200
    // dollars, about the spacing of the liquidation prices (0.9538 x entry).
    m.bids(MarginMarket.PERP, 95_300, 10, 1500, 5);
    List<Integer> order = new ArrayList<>();
    m.exchange.addListener(
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
            if (m.causes.kind(sellCause) == CauseKind.LIQUIDATION && !order.contains(sellAccount)) {
              order.add(sellAccount);
            }
          }
        });

    int shock = m.causes.record(CauseKind.SHOCK, -1, CauseLog.GENESIS, m.clock.now(), "drop");
    m.exchange.market(m.printerSell, MarginMarket.PERP, Side.SELL, 50, shock);
    m.runFor(60);

    // Accounts in the order of their first liquidation trade: the highest entry goes first, and
    // each liquidation's selling reaches the next rung.
    assertThat(order).isNotEmpty();
    for (int k = 1; k < order.size(); k++) {
      assertThat(order.get(k)).as("liquidated in ladder order").isGreaterThan(order.get(k - 1));
    }
    int liquidated = order.size();
    long lowAfter = m.exchange.lastPrice(MarginMarket.PERP);
    // the cascade stops: nothing more happens once the ladder in reach is exhausted
    m.runFor(120);
    assertThat(m.exchange.lastPrice(MarginMarket.PERP)).isEqualTo(lowAfter);
    assertThat(order).hasSize(liquidated);
    assertThat(liquidated).isEqualTo(n);
    for (int a : longs) {
      // closed, or left with a sliver the account's equity now covers
      assertThat(m.ledger.position(a, MarginMarket.PERP)).isLessThan(10);
      assertThat(m.ledger.equity(a)).isGreaterThanOrEqualTo(venue.maintenance(a));
    }
    assertThat(lowAfter).isGreaterThan(95_300 - 10 * 1500);
    // what the IOCs could not sell at the bankruptcy price went to the fund at that price
    assertThat(fund.takeovers()).isPositive();
    assertThat(m.ledger.conservation().holds()).isTrue();
  }
}
