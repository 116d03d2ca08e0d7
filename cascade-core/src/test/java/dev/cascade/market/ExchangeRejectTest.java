package dev.cascade.market;

import static dev.cascade.market.ExchangeFixture.AAPL;
import static dev.cascade.market.ExchangeFixture.BTC;
import static dev.cascade.market.ExchangeFixture.SPY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.kernel.Time;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every reject reason the exchange can give, each in the situation that calls for it. */
class ExchangeRejectTest {
  private ExchangeFixture f;
  private Exchange x;
  private int whale;
  private int other;

  @BeforeEach
  void tuesdayMorning() {
    f = ExchangeFixture.at("2025-11-18T10:00");
    x = f.exchange;
    whale = f.whale("whale");
    other = f.whale("other");
  }

  private static RejectReason reason(long result) {
    assertThat(result).as("a reject is negative").isNegative();
    return RejectReason.ofResult(result);
  }

  @Test
  void anInstrumentThatDoesNotExistIsUnknown() {
    assertThat(reason(x.limit(whale, 3, Side.BUY, 100, 1, 0)))
        .isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
    assertThat(reason(x.limit(whale, -1, Side.BUY, 100, 1, 0)))
        .isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
    assertThat(reason(x.market(whale, 9, Side.BUY, 1, 0)))
        .isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
    assertThat(reason(x.stop(whale, 9, Side.SELL, 100, 1, 0)))
        .isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
  }

  @Test
  void aQuantityOfZeroOrLessIsInvalid() {
    assertThat(reason(x.limit(whale, SPY, Side.BUY, 10_000, 0, 0)))
        .isEqualTo(RejectReason.INVALID_QUANTITY);
    assertThat(reason(x.ioc(whale, SPY, Side.SELL, 10_000, -5, 0)))
        .isEqualTo(RejectReason.INVALID_QUANTITY);
    assertThat(reason(x.market(whale, SPY, Side.SELL, 0, 0)))
        .isEqualTo(RejectReason.INVALID_QUANTITY);
    assertThat(reason(x.stop(whale, SPY, Side.SELL, 9_000, 0, 0)))
        .isEqualTo(RejectReason.INVALID_QUANTITY);
  }

  @Test
  void anOrderWhoseValueCouldNotBeSettledIsTooLargeNotAnOverflow() {
    // SPY: one lot at the book's highest price (4 x 100.00) is 400 dollars, so 2.5e9 lots at most.
    long max = EngineLimits.maxOrderLots(f.instruments.get(SPY));
    assertThat(max).isEqualTo(2_500_000_000L);
    int margin = f.marginAccount("levered", 1_000_000, 100);

    assertThat(reason(x.limit(whale, SPY, Side.BUY, 10_000, max + 1, 0)))
        .isEqualTo(RejectReason.QUANTITY_TOO_LARGE);
    assertThat(reason(x.limit(whale, SPY, Side.BUY, 10_000, Long.MAX_VALUE, 0)))
        .isEqualTo(RejectReason.QUANTITY_TOO_LARGE);
    assertThat(reason(x.market(margin, SPY, Side.SELL, Long.MAX_VALUE / 3, 0)))
        .isEqualTo(RejectReason.QUANTITY_TOO_LARGE);
    assertThat(reason(x.stop(whale, SPY, Side.SELL, 9_000, max + 1, 0)))
        .isEqualTo(RejectReason.QUANTITY_TOO_LARGE);
    assertThat(reason(x.limit(whale, SPY, Side.BUY, 10_000, max, 0)))
        .isEqualTo(RejectReason.INSUFFICIENT_BUYING_POWER);
  }

  @Test
  void aLimitBelowOneTickOrAboveTheBooksRangeIsOutOfRange() {
    long max = x.book(SPY).maxPriceTicks();

    assertThat(reason(x.limit(whale, SPY, Side.BUY, 0, 1, 0)))
        .isEqualTo(RejectReason.PRICE_OUT_OF_RANGE);
    assertThat(reason(x.limit(whale, SPY, Side.SELL, max + 1, 1, 0)))
        .isEqualTo(RejectReason.PRICE_OUT_OF_RANGE);
    assertThat(x.limit(whale, SPY, Side.SELL, max, 1, 0)).isPositive();
  }

  @Test
  void aStopPriceOutsideTheBooksRangeIsInvalid() {
    assertThat(reason(x.stop(whale, SPY, Side.SELL, 0, 1, 0)))
        .isEqualTo(RejectReason.INVALID_PRICE);
    assertThat(reason(x.stop(whale, SPY, Side.BUY, x.book(SPY).maxPriceTicks() + 1, 1, 0)))
        .isEqualTo(RejectReason.INVALID_PRICE);
  }

  @Test
  void aMarketOrderAgainstAnEmptySideHasNoLiquidity() {
    x.limit(whale, SPY, Side.BUY, 9_990, 10, 0);

    assertThat(reason(x.market(other, SPY, Side.BUY, 1, 0))).isEqualTo(RejectReason.NO_LIQUIDITY);
    assertThat(x.market(other, SPY, Side.SELL, 1, 0)).isPositive();
  }

  @Test
  void usEquityOrdersOutsideRegularHoursFindTheSessionClosedWhileCryptoTrades() {
    f.advanceTo(ExchangeFixture.ny("2025-11-18T16:00"));

    assertThat(reason(x.limit(whale, SPY, Side.BUY, 9_990, 1, 0)))
        .isEqualTo(RejectReason.SESSION_CLOSED);
    assertThat(reason(x.stop(whale, AAPL, Side.SELL, 19_000, 1, 0)))
        .isEqualTo(RejectReason.SESSION_CLOSED);
    assertThat(x.limit(whale, BTC, Side.BUY, 49_000, 1, 0)).isPositive();
  }

  @Test
  void ordersInAHaltedInstrumentAreRejectedUntilTheHaltEnds() {
    // A 7% fall in SPY halts every US equity for 15 minutes.
    f.print(SPY, 9_300, 1, whale, other, 0);
    long now = f.clock.now();

    assertThat(reason(x.limit(whale, AAPL, Side.BUY, 19_000, 1, 0))).isEqualTo(RejectReason.HALTED);
    assertThat(reason(x.market(whale, SPY, Side.BUY, 1, 0))).isEqualTo(RejectReason.HALTED);

    f.advanceTo(now + 15 * Time.NANOS_PER_MINUTE);

    assertThat(x.limit(whale, AAPL, Side.BUY, 19_000, 1, 0)).isPositive();
  }

  @Test
  void aCashAccountCannotBuyMoreThanItsCashCovers() {
    int poor = f.cashAccount("poor", 150);

    assertThat(reason(x.limit(poor, SPY, Side.BUY, 10_000, 2, 0)))
        .isEqualTo(RejectReason.INSUFFICIENT_BUYING_POWER);
    assertThat(x.limit(poor, SPY, Side.BUY, 10_000, 1, 0)).isPositive();
    // The first order reserved 100 dollars: only 50 remain for a second.
    assertThat(reason(x.limit(poor, SPY, Side.BUY, 6_000, 1, 0)))
        .isEqualTo(RejectReason.INSUFFICIENT_BUYING_POWER);
    assertThat(x.limit(poor, SPY, Side.BUY, 5_000, 1, 0)).isPositive();
  }

  @Test
  void aCashAccountCannotSellUnitsItDoesNotHoldOrHasAlreadyOffered() {
    int holder = f.cashAccount("holder", 0);
    f.ledger.transferUnits(0, holder, SPY, 3);

    assertThat(reason(x.limit(holder, SPY, Side.SELL, 10_100, 4, 0)))
        .isEqualTo(RejectReason.INSUFFICIENT_POSITION);
    assertThat(x.limit(holder, SPY, Side.SELL, 10_100, 2, 0)).isPositive();
    assertThat(reason(x.market(holder, SPY, Side.SELL, 2, 0))).isEqualTo(RejectReason.NO_LIQUIDITY);
    x.limit(whale, SPY, Side.BUY, 9_990, 10, 0);
    assertThat(reason(x.market(holder, SPY, Side.SELL, 2, 0)))
        .isEqualTo(RejectReason.INSUFFICIENT_POSITION);
    assertThat(x.market(holder, SPY, Side.SELL, 1, 0)).isPositive();
  }

  @Test
  void onlyTheOwnerMayCancelOrReduceAnOrder() {
    long id = x.limit(whale, SPY, Side.BUY, 9_990, 10, 0);
    long stop = x.stop(whale, SPY, Side.SELL, 9_000, 10, 0);

    assertThat(x.cancel(other, id)).isEqualTo(RejectReason.NOT_ORDER_OWNER);
    assertThat(x.reduce(other, id, 5)).isEqualTo(RejectReason.NOT_ORDER_OWNER);
    assertThat(x.cancel(other, stop)).isEqualTo(RejectReason.NOT_ORDER_OWNER);
    assertThat(x.openQty(id)).isEqualTo(10);
    assertThat(x.openQty(stop)).isEqualTo(10);
    assertThat(x.cancel(whale, stop)).isNull();
    assertThat(x.reduce(whale, id, 4)).isNull();
    assertThat(x.openQty(id)).isEqualTo(4);
  }

  @Test
  void anOrderThatNeverExistedOrIsGoneIsUnknown() {
    long id = x.limit(whale, SPY, Side.BUY, 9_990, 10, 0);
    x.market(other, SPY, Side.SELL, 10, 0);

    assertThat(x.cancel(whale, id)).as("filled").isEqualTo(RejectReason.UNKNOWN_ORDER);
    assertThat(x.reduce(whale, id, 1)).as("filled").isEqualTo(RejectReason.UNKNOWN_ORDER);
    assertThat(x.cancel(whale, 0)).isEqualTo(RejectReason.UNKNOWN_ORDER);
    assertThat(x.cancel(whale, -7)).isEqualTo(RejectReason.UNKNOWN_ORDER);
    assertThat(x.cancel(whale, (12_345L << 10) | SPY)).isEqualTo(RejectReason.UNKNOWN_ORDER);
    assertThat(x.cancel(whale, (12_345L << 10) | 999)).isEqualTo(RejectReason.UNKNOWN_ORDER);
  }

  @Test
  void reducingToMoreThanWhatRemainsIsAnInvalidQuantity() {
    long id = x.limit(whale, SPY, Side.BUY, 9_990, 10, 0);

    assertThat(x.reduce(whale, id, 10)).isEqualTo(RejectReason.INVALID_QUANTITY);
    assertThat(x.reduce(whale, id, 11)).isEqualTo(RejectReason.INVALID_QUANTITY);
    assertThat(x.reduce(whale, id, -1)).isEqualTo(RejectReason.INVALID_QUANTITY);
    assertThat(x.openQty(id)).isEqualTo(10);
  }
}
