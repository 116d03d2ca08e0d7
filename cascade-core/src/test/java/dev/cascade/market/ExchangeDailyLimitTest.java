package dev.cascade.market;

import static dev.cascade.market.ExchangeFixture.SPY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.market.ExchangeFixture.Fill;
import org.junit.jupiter.api.Test;

/**
 * A 10% daily price limit around the previous close (100.00 on the first day, the starting price):
 * limit orders beyond it are refused, market orders trade no further, and the next trading day's
 * limits are around that day's reference, the last trade before its first order.
 */
class ExchangeDailyLimitTest {
  private static ExchangeFixture limited() {
    // a 20% market-order collar, so that the daily limit is what stops a market order
    ExchangeFixture f =
        new ExchangeFixture(
            ExchangeFixture.ny("2025-11-18T10:00"), ExchangeFixture.rules(0, 20), 0, 0);
    f.exchange.dailyLimits(new double[] {10, 0, 0});
    return f;
  }

  @Test
  void limitOrdersBeyondTheLimitAreRefusedAndThoseAtItRest() {
    ExchangeFixture f = limited();
    int a = f.whale("a");
    assertThat(f.exchange.limit(a, SPY, Side.BUY, 11_001, 1, 0))
        .isEqualTo(-RejectReason.BEYOND_DAILY_LIMIT.code());
    assertThat(f.exchange.limit(a, SPY, Side.SELL, 8_999, 1, 0))
        .isEqualTo(-RejectReason.BEYOND_DAILY_LIMIT.code());
    assertThat(f.exchange.limit(a, SPY, Side.BUY, 9_000, 1, 0)).isPositive();
    assertThat(f.exchange.limit(a, SPY, Side.SELL, 11_000, 1, 0)).isPositive();
    // no limit on the other instruments
    assertThat(f.exchange.limit(a, ExchangeFixture.AAPL, Side.BUY, 30_000, 1, 0)).isPositive();
  }

  @Test
  void aMarketSellStopsAtLimitDownAndTheNextDayHasItsOwnLimits() {
    ExchangeFixture f = limited();
    int maker = f.whale("maker");
    int seller = f.whale("seller");
    f.exchange.limit(maker, SPY, Side.BUY, 9_500, 1, 0);
    f.exchange.limit(maker, SPY, Side.BUY, 9_000, 1, 0);
    assertThat(f.exchange.limit(maker, SPY, Side.BUY, 8_900, 5, 0)).isNegative(); // beyond
    f.exchange.market(seller, SPY, Side.SELL, 5, 0);
    assertThat(f.fills).extracting(Fill::price).containsExactly(9_500L, 9_000L);
    // the next day: the reference is the last trade, 90.00; limit down 81.00
    f.advanceTo(ExchangeFixture.ny("2025-11-19T10:00"));
    assertThat(f.exchange.limit(maker, SPY, Side.BUY, 8_100, 1, 0)).isPositive();
    assertThat(f.exchange.limit(maker, SPY, Side.BUY, 8_099, 1, 0))
        .isEqualTo(-RejectReason.BEYOND_DAILY_LIMIT.code());
    assertThat(f.exchange.limit(maker, SPY, Side.SELL, 9_900, 1, 0)).isPositive();
    assertThat(f.exchange.limit(maker, SPY, Side.SELL, 9_901, 1, 0))
        .isEqualTo(-RejectReason.BEYOND_DAILY_LIMIT.code());
  }
}
