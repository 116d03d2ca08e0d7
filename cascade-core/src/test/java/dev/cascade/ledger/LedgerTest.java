package dev.cascade.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.AssetClass;
import dev.cascade.market.Exchange;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketRules;
import dev.cascade.market.RejectReason;
import dev.cascade.market.Side;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger as the exchange's clearing: balanced double entries per fill, fees in hundredths of a
 * basis point, cash reservations that are released exactly, and the margin leverage limit. SPY
 * trades in cents, one share a lot: one tick on one lot is 10,000 micro-dollars.
 */
class LedgerTest {
  private static final long DOLLAR = Instrument.CASH_UNITS_PER_CURRENCY_UNIT;
  private static final int SPY = 0;

  private Instrument spy;
  private Ledger ledger;
  private Exchange exchange;

  @BeforeEach
  void tuesdayMorningWithTakerFeeThreeTenthsOfABpAndMakerRebateOneTenth() {
    spy =
        new Instrument(
            SPY,
            "SPY",
            AssetClass.ETF,
            new BigDecimal("0.01"),
            BigDecimal.ONE,
            BigDecimal.ONE,
            "USD",
            SessionKind.US_EQUITY,
            10_000);
    Scheduler clock =
        new Scheduler(
            Time.of(LocalDateTime.parse("2025-11-18T10:00"), ZoneId.of("America/New_York")));
    MarketRules rules =
        new MarketRules(
            -1, List.of(), List.of(), LocalTime.of(15, 25), 0, Time.NANOS_PER_MINUTE, 0, 5);
    Exchange[] ref = new Exchange[1];
    ledger = new Ledger(List.of(spy), 0.3, -0.1, i -> ref[0].lastPrice(i));
    exchange = new Exchange(clock, new CauseLog(), List.of(spy), rules, ledger, new double[] {0.2});
    ref[0] = exchange;
  }

  private int cash(String name, long dollars, long shares) {
    int a = ledger.openAccount(name, AccountKind.CASH, 0);
    ledger.transferCash(Ledger.EXTERNAL, a, dollars * DOLLAR);
    ledger.transferUnits(Ledger.EXTERNAL, a, SPY, shares);
    return a;
  }

  @Test
  void aFillIsABalancedDoubleEntryWithFeesToTheVenue() {
    int buyer = cash("buyer", 10_000, 0);
    int seller = cash("seller", 0, 50);
    exchange.limit(seller, SPY, Side.SELL, 10_000, 10, 0);

    exchange.limit(buyer, SPY, Side.BUY, 10_000, 10, 0);

    long notional = 10 * 10_000 * 10_000L; // 10 shares at 100.00 = 1,000 dollars
    long takerFee = 30_000; // 0.3 bp of 1,000 dollars = 3 cents
    long makerFee = -10_000; // rebate of 1 cent
    assertThat(notional).isEqualTo(1_000 * DOLLAR);
    assertThat(ledger.cash(buyer)).isEqualTo(10_000 * DOLLAR - notional - takerFee);
    assertThat(ledger.cash(seller)).isEqualTo(notional - makerFee);
    assertThat(ledger.cash(Ledger.VENUE)).isEqualTo(takerFee + makerFee);
    assertThat(ledger.feesPaid(buyer)).isEqualTo(takerFee);
    assertThat(ledger.feesPaid(seller)).isEqualTo(makerFee);
    assertThat(ledger.position(buyer, SPY)).isEqualTo(10);
    assertThat(ledger.position(seller, SPY)).isEqualTo(40);
    assertThat(ledger.conservation().holds()).isTrue();
  }

  @Test
  void feesAreHundredthsOfABasisPointOfNotionalRoundedTowardsMinusInfinity() {
    // fee = notional x rate / 1,000,000 with the rate in hundredths of a basis point
    assertThat(Ledger.fee(1_000_000, 30)).isEqualTo(30);
    assertThat(Ledger.fee(999_999, 30)).isEqualTo(29);
    assertThat(Ledger.fee(1_033_333, 30)).isEqualTo(30);
    assertThat(Ledger.fee(33_334, 30)).isEqualTo(1);
    assertThat(Ledger.fee(33_333, 30)).isZero();
    assertThat(Ledger.fee(1, -10)).as("a rebate rounds away from zero").isEqualTo(-1);
    assertThat(Ledger.fee(2_000_000, -10)).isEqualTo(-20);
    assertThat(Ledger.fee(123_456_789_012L, 0)).isZero();
    // large notionals do not overflow: 9e17 micro-dollars at 1 bp
    assertThat(Ledger.fee(900_000_000_000_000_000L, 100)).isEqualTo(90_000_000_000_000L);
  }

  @Test
  void aRestingBuyReservesNotionalPlusTheWorstFeeRoundedUpAndCancelReleasesItExactly() {
    int buyer = cash("buyer", 10_000, 0);

    long id = exchange.limit(buyer, SPY, Side.BUY, 9_999, 7, 0);

    long perLot = 9_999 * 10_000L + (9_999 * 10_000L * 30 + 999_999) / 1_000_000;
    assertThat(ledger.cash(buyer) - ledger.freeCash(buyer)).isEqualTo(7 * perLot);
    assertThat(exchange.cancel(buyer, id)).isNull();
    assertThat(ledger.freeCash(buyer)).isEqualTo(ledger.cash(buyer));
  }

  @Test
  void reservationsAreReleasedExactlyThroughPartialFillReduceAndCancel() {
    int buyer = cash("buyer", 10_000, 0);
    int seller = cash("seller", 0, 100);
    long id = exchange.limit(buyer, SPY, Side.BUY, 9_987, 20, 0);

    exchange.ioc(seller, SPY, Side.SELL, 9_900, 3, 0); // fills 3 at the buyer's 99.87
    assertThat(exchange.reduce(buyer, id, 9)).isNull();
    exchange.ioc(seller, SPY, Side.SELL, 9_900, 4, 0);
    assertThat(exchange.openQty(id)).isEqualTo(5);
    assertThat(exchange.cancel(buyer, id)).isNull();

    assertThat(ledger.freeCash(buyer)).isEqualTo(ledger.cash(buyer));
    assertThat(ledger.position(buyer, SPY)).isEqualTo(7);
    assertThat(ledger.conservation().holds()).isTrue();
  }

  @Test
  void theUnfilledPartOfAnIocOrMarketBuyIsReleasedAtOnce() {
    int buyer = cash("buyer", 10_000, 0);
    int seller = cash("seller", 0, 100);
    exchange.limit(seller, SPY, Side.SELL, 10_010, 2, 0);
    exchange.limit(seller, SPY, Side.SELL, 10_020, 2, 0);

    exchange.ioc(buyer, SPY, Side.BUY, 10_015, 5, 0);
    assertThat(ledger.freeCash(buyer)).isEqualTo(ledger.cash(buyer));
    exchange.market(buyer, SPY, Side.BUY, 5, 0);
    assertThat(ledger.freeCash(buyer)).isEqualTo(ledger.cash(buyer));

    assertThat(ledger.position(buyer, SPY)).isEqualTo(4);
  }

  @Test
  void aCashSellReservesItsLotsUntilFilledOrCancelled() {
    int seller = cash("seller", 0, 10);
    long id = exchange.limit(seller, SPY, Side.SELL, 10_100, 10, 0);

    assertThat(exchange.limit(seller, SPY, Side.SELL, 10_200, 1, 0))
        .isEqualTo(-RejectReason.INSUFFICIENT_POSITION.code());
    exchange.reduce(seller, id, 6);
    assertThat(exchange.limit(seller, SPY, Side.SELL, 10_200, 4, 0)).isPositive();
    assertThat(exchange.limit(seller, SPY, Side.SELL, 10_200, 1, 0))
        .isEqualTo(-RejectReason.INSUFFICIENT_POSITION.code());
  }

  @Test
  void aMarginAccountMayNotExceedItsGrossLeverageAfterFills() {
    int seller = cash("seller", 0, 1_000);
    int trader = ledger.openAccount("trader", AccountKind.MARGIN, 2.0);
    ledger.transferCash(Ledger.EXTERNAL, trader, 10_000 * DOLLAR);
    exchange.limit(seller, SPY, Side.SELL, 10_000, 1_000, 0);

    assertThat(exchange.ioc(trader, SPY, Side.BUY, 10_000, 150, 0)).isPositive();
    assertThat(ledger.grossExposure(trader)).isEqualTo(15_000 * DOLLAR);

    // Equity is now about 10,000 dollars less fees: 2x allows under 5,000 dollars more.
    assertThat(exchange.ioc(trader, SPY, Side.BUY, 10_000, 50, 0))
        .isEqualTo(-RejectReason.INSUFFICIENT_BUYING_POWER.code());
    assertThat(exchange.ioc(trader, SPY, Side.BUY, 10_000, 49, 0)).isPositive();
    // Selling reduces exposure and is always allowed.
    assertThat(exchange.limit(trader, SPY, Side.SELL, 10_100, 199, 0)).isPositive();
  }

  @Test
  void aMarginAccountMayNotStackRestingOrdersBeyondItsLeverage() {
    int trader = ledger.openAccount("trader", AccountKind.MARGIN, 2.0);
    ledger.transferCash(Ledger.EXTERNAL, trader, 10_000 * DOLLAR);

    assertThat(exchange.limit(trader, SPY, Side.BUY, 10_000, 150, 0)).isPositive();
    assertThat(exchange.limit(trader, SPY, Side.BUY, 9_900, 150, 0))
        .as("both filling would make 29,850 dollars of exposure on 10,000 of equity")
        .isEqualTo(-RejectReason.INSUFFICIENT_BUYING_POWER.code());
    // A two-sided quote does not add up: only one side can leave the account exposed.
    assertThat(exchange.limit(trader, SPY, Side.SELL, 10_100, 150, 0)).isPositive();
  }

  @Test
  void aMarginAccountsCancelledOrderNoLongerCountsAgainstItsLimit() {
    int trader = ledger.openAccount("trader", AccountKind.MARGIN, 2.0);
    ledger.transferCash(Ledger.EXTERNAL, trader, 10_000 * DOLLAR);
    long id = exchange.limit(trader, SPY, Side.BUY, 10_000, 150, 0);

    exchange.cancel(trader, id);

    assertThat(exchange.limit(trader, SPY, Side.BUY, 10_000, 200, 0)).isPositive();
  }

  @Test
  void conservationReportsTheSumsItFinds() {
    assertThat(new Conservation(0, -1, 0).holds()).isTrue();
    assertThat(new Conservation(5, -1, 0).holds()).isFalse();
    assertThat(new Conservation(0, 2, -3).holds()).isFalse();
    assertThat(new Conservation(0, 2, -3).toString()).contains("instrument 2", "-3");
  }

  @Test
  void endowmentsAreBalancedAgainstTheExternalAccount() {
    cash("a", 1_000, 30);
    cash("b", 2_000, 0);

    assertThat(ledger.cash(Ledger.EXTERNAL)).isEqualTo(-3_000 * DOLLAR);
    assertThat(ledger.position(Ledger.EXTERNAL, SPY)).isEqualTo(-30);
    assertThat(ledger.conservation().holds()).isTrue();
  }
}
