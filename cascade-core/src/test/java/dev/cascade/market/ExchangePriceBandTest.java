package dev.cascade.market;

import static dev.cascade.market.ExchangeFixture.SPY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.kernel.Time;
import dev.cascade.market.ExchangeFixture.Fill;
import org.junit.jupiter.api.Test;

/**
 * The per-instrument price band (5% around the band reference, 100.00 here) reprices limits beyond
 * it and pauses the instrument when an aggressive order runs out of liquidity inside it and the
 * side it ran through is still empty inside the band fifteen seconds later (limit state); market
 * orders trade no further than the collar from the best opposite price.
 */
class ExchangePriceBandTest {

  private static ExchangeFixture exchange(double bandPct, double collarPct) {
    return new ExchangeFixture(
        ExchangeFixture.ny("2025-11-18T10:00"), ExchangeFixture.rules(bandPct, collarPct), 0, 0);
  }

  @Test
  void aBuyLimitBeyondTheBandIsRepricedToTheBandAndPausesWhenLiquidityRunsOut() {
    ExchangeFixture f = exchange(5, 5);
    int maker = f.whale("maker");
    int taker = f.whale("taker");
    f.exchange.limit(maker, SPY, Side.SELL, 10_100, 1, 0);
    f.exchange.limit(maker, SPY, Side.SELL, 10_400, 1, 0);
    f.exchange.limit(maker, SPY, Side.SELL, 10_800, 1, 0);
    long now = f.clock.now();

    long id = f.exchange.limit(taker, SPY, Side.BUY, 11_000, 5, 0);

    assertThat(f.fills).extracting(Fill::price).containsExactly(10_100L, 10_400L);
    assertThat(f.exchange.book(SPY).price(id)).isEqualTo(10_500);
    assertThat(f.exchange.openQty(id)).isEqualTo(3);
    assertThat(f.exchange.book(SPY).bestAsk()).isEqualTo(10_800);
    assertThat(f.halts).as("limit state, not yet a pause").isEmpty();
    f.advanceTo(now + Exchange.LIMIT_STATE_NANOS);
    assertThat(f.halts)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.reason()).isEqualTo("price band");
              assertThat(h.until())
                  .isEqualTo(now + Exchange.LIMIT_STATE_NANOS + 300 * Time.NANOS_PER_SECOND);
            });
    assertThat(f.exchange.isOpen(SPY)).isFalse();
    assertThat(f.exchange.isOpen(ExchangeFixture.AAPL)).isTrue();
  }

  @Test
  void aSellLimitBeyondTheBandIsRepricedToTheLowerBand() {
    ExchangeFixture f = exchange(5, 5);
    int maker = f.whale("maker");
    int taker = f.whale("taker");
    f.exchange.limit(maker, SPY, Side.BUY, 9_600, 1, 0);
    f.exchange.limit(maker, SPY, Side.BUY, 9_000, 1, 0);

    long id = f.exchange.limit(taker, SPY, Side.SELL, 8_000, 2, 0);

    assertThat(f.fills).extracting(Fill::price).containsExactly(9_600L);
    assertThat(f.exchange.book(SPY).price(id)).isEqualTo(9_500);
    assertThat(f.exchange.book(SPY).bestBid()).isEqualTo(9_000);
    f.advanceTo(f.clock.now() + Exchange.LIMIT_STATE_NANOS);
    assertThat(f.halts).singleElement().satisfies(h -> assertThat(h.instrument()).isEqualTo(SPY));
  }

  @Test
  void liquidityReturningInsideTheBandWithinTheLimitStateAvoidsThePause() {
    ExchangeFixture f = exchange(5, 5);
    int maker = f.whale("maker");
    f.exchange.limit(maker, SPY, Side.BUY, 9_600, 1, 0);
    long now = f.clock.now();
    f.exchange.market(f.whale("seller"), SPY, Side.SELL, 5, 0);
    assertThat(f.exchange.book(SPY).bestBid()).isEqualTo(OrderBook.NO_PRICE);

    f.advanceTo(now + Exchange.LIMIT_STATE_NANOS / 2);
    f.exchange.limit(maker, SPY, Side.BUY, 9_550, 10, 0);
    f.advanceTo(now + 2 * Exchange.LIMIT_STATE_NANOS);

    assertThat(f.halts).isEmpty();
    assertThat(f.exchange.isOpen(SPY)).isTrue();
  }

  @Test
  void anAggressiveOrderFilledInsideTheBandDoesNotPause() {
    ExchangeFixture f = exchange(5, 5);
    int maker = f.whale("maker");
    f.exchange.limit(maker, SPY, Side.SELL, 10_100, 10, 0);

    f.exchange.limit(f.whale("taker"), SPY, Side.BUY, 11_000, 5, 0);

    assertThat(f.halts).isEmpty();
    assertThat(f.exchange.isOpen(SPY)).isTrue();
  }

  @Test
  void limitsInsideTheBandAreNotRepriced() {
    ExchangeFixture f = exchange(5, 5);
    int maker = f.whale("maker");

    long id = f.exchange.limit(maker, SPY, Side.BUY, 10_400, 1, 0);

    assertThat(f.exchange.book(SPY).price(id)).isEqualTo(10_400);
    assertThat(f.halts).isEmpty();
  }

  @Test
  void theBandReferenceFollowsTheLastTradeOnceTheWindowHasPassed() {
    ExchangeFixture f = exchange(5, 50);
    int maker = f.whale("maker");
    int taker = f.whale("taker");
    f.print(SPY, 10_400, 1, maker, taker, 0);
    f.advanceTo(f.clock.now() + 300 * Time.NANOS_PER_SECOND);

    long id = f.exchange.limit(maker, SPY, Side.BUY, 12_000, 1, 0);

    // New reference 104.00: band up to 109.20.
    assertThat(f.exchange.book(SPY).price(id)).isEqualTo(10_920);
  }

  @Test
  void aMarketOrderTradesNoFurtherThanTheCollarFromTheBestOppositePrice() {
    ExchangeFixture f = exchange(0, 5);
    int maker = f.whale("maker");
    int buyer = f.cashAccount("buyer", 1_000);
    f.exchange.limit(maker, SPY, Side.SELL, 10_000, 1, 0);
    f.exchange.limit(maker, SPY, Side.SELL, 10_500, 1, 0);
    f.exchange.limit(maker, SPY, Side.SELL, 10_501, 1, 0);

    long id = f.exchange.market(buyer, SPY, Side.BUY, 3, 0);

    assertThat(id).isPositive();
    assertThat(f.fills).extracting(Fill::price).containsExactly(10_000L, 10_500L);
    assertThat(f.exchange.openQty(id)).isZero();
    assertThat(f.exchange.book(SPY).bestAsk()).isEqualTo(10_501);
    assertThat(f.ledger.position(buyer, SPY)).isEqualTo(2);
    assertThat(f.ledger.freeCash(buyer)).isEqualTo(f.ledger.cash(buyer));
  }

  @Test
  void aMarketSellTradesNoLowerThanTheCollarBelowTheBestBid() {
    ExchangeFixture f = exchange(0, 2);
    int maker = f.whale("maker");
    f.exchange.limit(maker, SPY, Side.BUY, 10_000, 1, 0);
    f.exchange.limit(maker, SPY, Side.BUY, 9_800, 1, 0);
    f.exchange.limit(maker, SPY, Side.BUY, 9_799, 1, 0);

    f.exchange.market(f.whale("seller"), SPY, Side.SELL, 3, 0);

    assertThat(f.fills).extracting(Fill::price).containsExactly(10_000L, 9_800L);
    assertThat(f.exchange.book(SPY).bestBid()).isEqualTo(9_799);
  }
}
