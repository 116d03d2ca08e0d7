package dev.cascade.market;

import static dev.cascade.market.Side.BUY;
import static dev.cascade.market.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.market.RecordingListener.Cancel;
import dev.cascade.market.RecordingListener.Trade;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OrderBook} must do. Each implementation runs these through a subclass that says
 * how to build it.
 */
abstract class OrderBookContractTest {
  static final long MAX_PRICE = 1_000;
  static final int ALICE = 1;
  static final int BOB = 2;
  static final int CAROL = 3;

  /** A new empty book accepting prices up to {@code maxPriceTicks}. */
  abstract OrderBook newBook(long maxPriceTicks, BookListener listener);

  private RecordingListener events;
  private OrderBook book;
  private long nextId;

  @BeforeEach
  void emptyBook() {
    events = new RecordingListener();
    book = newBook(MAX_PRICE, events);
    nextId = 1;
  }

  private long limit(int account, Side side, long price, long qty) {
    long id = nextId++;
    assertThat(book.submit(id, account, side, price, qty, 0, false)).isZero();
    return id;
  }

  private static Trade trade(
      long price,
      long qty,
      Side aggressor,
      long maker,
      int makerAccount,
      long taker,
      int takerAccount,
      long makerRemaining) {
    return new Trade(
        price, qty, aggressor, maker, makerAccount, 0, taker, takerAccount, 0, makerRemaining);
  }

  @Test
  void emptyBookHasNoPricesSizesOrOrders() {
    assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
    assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);
    assertThat(book.bestBidSize()).isZero();
    assertThat(book.bestAskSize()).isZero();
    assertThat(book.orderCount()).isZero();
    assertThat(book.depth(BUY, new long[3], new long[3])).isZero();
    assertThat(book.depthWithin(SELL, 5)).isZero();
    assertThat(book.maxPriceTicks()).isEqualTo(MAX_PRICE);
  }

  @Test
  void limitOrderThatDoesNotCrossRestsAtItsPrice() {
    long bid = limit(ALICE, BUY, 99, 10);
    long ask = limit(BOB, SELL, 101, 7);

    assertThat(book.bestBid()).isEqualTo(99);
    assertThat(book.bestAsk()).isEqualTo(101);
    assertThat(book.bestBidSize()).isEqualTo(10);
    assertThat(book.bestAskSize()).isEqualTo(7);
    assertThat(book.orderCount()).isEqualTo(2);
    assertThat(book.remaining(bid)).isEqualTo(10);
    assertThat(book.side(bid)).isEqualTo(BUY);
    assertThat(book.price(bid)).isEqualTo(99);
    assertThat(book.account(bid)).isEqualTo(ALICE);
    assertThat(book.side(ask)).isEqualTo(SELL);
    assertThat(book.price(ask)).isEqualTo(101);
    assertThat(book.account(ask)).isEqualTo(BOB);
    assertThat(events.events).isEmpty();
  }

  @Test
  void absentOrderHasNoRemainingSidePriceOrAccount() {
    long filled = limit(ALICE, SELL, 100, 5);
    book.submit(nextId++, BOB, BUY, 100, 5, 0, false);

    for (long id : new long[] {filled, 999}) {
      assertThat(book.remaining(id)).isZero();
      assertThat(book.side(id)).isNull();
      assertThat(book.price(id)).isEqualTo(OrderBook.NO_PRICE);
      assertThat(book.account(id)).isEqualTo(-1);
    }
  }

  @Test
  void crossingOrderTradesAtMakerPrice() {
    long ask = limit(ALICE, SELL, 100, 5);
    long buy = nextId++;

    assertThat(book.submit(buy, BOB, BUY, 105, 5, 7, false)).isEqualTo(5);

    assertThat(events.events)
        .containsExactly(new Trade(100, 5, BUY, ask, ALICE, 0, buy, BOB, 7, 0));
    assertThat(book.orderCount()).isZero();
    assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);
    assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
  }

  @Test
  void makerCauseIsReportedWithTheTrade() {
    long bid = nextId++;
    book.submit(bid, ALICE, BUY, 100, 3, 42, false);
    long sell = nextId++;
    book.submit(sell, BOB, SELL, 100, 3, 9, false);

    assertThat(events.events)
        .containsExactly(new Trade(100, 3, SELL, bid, ALICE, 42, sell, BOB, 9, 0));
  }

  @Test
  void tradesAtMakerPriceInTimePriority() {
    long first = limit(ALICE, SELL, 100, 4);
    long second = limit(BOB, SELL, 100, 4);
    long third = limit(ALICE, SELL, 100, 4);
    long buy = nextId++;

    assertThat(book.submit(buy, CAROL, BUY, 100, 10, 0, false)).isEqualTo(10);

    assertThat(events.events)
        .containsExactly(
            trade(100, 4, BUY, first, ALICE, buy, CAROL, 0),
            trade(100, 4, BUY, second, BOB, buy, CAROL, 0),
            trade(100, 2, BUY, third, ALICE, buy, CAROL, 2));
    assertThat(book.remaining(third)).isEqualTo(2);
    assertThat(book.bestAskSize()).isEqualTo(2);
  }

  @Test
  void partialFillLeavesMakerRestingWithItsRemainder() {
    long ask = limit(ALICE, SELL, 100, 10);
    long buy = nextId++;

    assertThat(book.submit(buy, BOB, BUY, 100, 3, 0, false)).isEqualTo(3);

    assertThat(events.events).containsExactly(trade(100, 3, BUY, ask, ALICE, buy, BOB, 7));
    assertThat(book.remaining(ask)).isEqualTo(7);
    assertThat(book.bestAskSize()).isEqualTo(7);
    assertThat(book.orderCount()).isEqualTo(1);
  }

  @Test
  void partialFillOfTakerRestsItsRemainderAtItsLimit() {
    limit(ALICE, SELL, 100, 3);
    long buy = nextId++;

    assertThat(book.submit(buy, BOB, BUY, 102, 10, 0, false)).isEqualTo(3);

    assertThat(book.remaining(buy)).isEqualTo(7);
    assertThat(book.price(buy)).isEqualTo(102);
    assertThat(book.bestBid()).isEqualTo(102);
    assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);
  }

  @Test
  void sweepsSeveralLevelsBestFirstAndStopsAtItsLimit() {
    long b100 = limit(ALICE, BUY, 100, 2);
    long b98 = limit(ALICE, BUY, 98, 3);
    long b99 = limit(BOB, BUY, 99, 4);
    long b97 = limit(BOB, BUY, 97, 5);
    long sell = nextId++;

    assertThat(book.submit(sell, CAROL, SELL, 98, 20, 0, false)).isEqualTo(9);

    assertThat(events.events)
        .containsExactly(
            trade(100, 2, SELL, b100, ALICE, sell, CAROL, 0),
            trade(99, 4, SELL, b99, BOB, sell, CAROL, 0),
            trade(98, 3, SELL, b98, ALICE, sell, CAROL, 0));
    assertThat(book.bestBid()).isEqualTo(97);
    assertThat(book.remaining(b97)).isEqualTo(5);
    assertThat(book.bestAsk()).isEqualTo(98);
    assertThat(book.remaining(sell)).isEqualTo(11);
  }

  @Test
  void immediateOrCancelRemainderIsDropped() {
    long ask = limit(ALICE, SELL, 100, 3);
    long buy = nextId++;

    assertThat(book.submit(buy, BOB, BUY, 100, 10, 0, true)).isEqualTo(3);

    assertThat(events.events).containsExactly(trade(100, 3, BUY, ask, ALICE, buy, BOB, 0));
    assertThat(book.remaining(buy)).isZero();
    assertThat(book.orderCount()).isZero();
    assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
  }

  @Test
  void immediateOrCancelThatCannotTradeLeavesNoTrace() {
    limit(ALICE, SELL, 100, 3);
    long hash = book.stateHash();

    assertThat(book.submit(nextId++, BOB, BUY, 99, 10, 0, true)).isZero();

    assertThat(events.events).isEmpty();
    assertThat(book.stateHash()).isEqualTo(hash);
  }

  @Test
  void marketOrderSweepsUpToItsProtectionPriceOnly() {
    long a100 = limit(ALICE, SELL, 100, 2);
    long a110 = limit(ALICE, SELL, 110, 2);
    limit(ALICE, SELL, 130, 2);
    long market = nextId++;

    assertThat(book.submit(market, BOB, BUY, 120, 10, 0, true)).isEqualTo(4);

    assertThat(events.events)
        .containsExactly(
            trade(100, 2, BUY, a100, ALICE, market, BOB, 0),
            trade(110, 2, BUY, a110, ALICE, market, BOB, 0));
    assertThat(book.bestAsk()).isEqualTo(130);
    assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
  }

  @Test
  void cancelRemovesTheOrderAndReportsAUserCancel() {
    long bid = limit(ALICE, BUY, 99, 10);
    long other = limit(BOB, BUY, 98, 1);

    assertThat(book.cancel(bid)).isTrue();

    assertThat(events.events)
        .containsExactly(new Cancel(bid, ALICE, BUY, 99, 10, CancelReason.USER));
    assertThat(book.remaining(bid)).isZero();
    assertThat(book.bestBid()).isEqualTo(98);
    assertThat(book.orderCount()).isEqualTo(1);
    assertThat(book.remaining(other)).isEqualTo(1);
  }

  @Test
  void cancelOfAnAbsentOrderIsRefusedSilently() {
    long bid = limit(ALICE, BUY, 99, 10);
    book.cancel(bid);
    events.drain();

    assertThat(book.cancel(bid)).isFalse();
    assertThat(book.cancel(12345)).isFalse();
    assertThat(events.events).isEmpty();
  }

  @Test
  void reduceKeepsTimePriorityAndReportsTheCutAsUserCancel() {
    long first = limit(ALICE, SELL, 100, 10);
    long second = limit(BOB, SELL, 100, 10);

    assertThat(book.reduce(first, 4)).isTrue();
    assertThat(events.drain())
        .containsExactly(new Cancel(first, ALICE, SELL, 100, 6, CancelReason.USER));
    assertThat(book.remaining(first)).isEqualTo(4);
    assertThat(book.bestAskSize()).isEqualTo(14);

    long buy = nextId++;
    book.submit(buy, CAROL, BUY, 100, 5, 0, false);
    assertThat(events.events)
        .containsExactly(
            trade(100, 4, BUY, first, ALICE, buy, CAROL, 0),
            trade(100, 1, BUY, second, BOB, buy, CAROL, 9));
  }

  @Test
  void reduceToZeroCancelsTheOrder() {
    long bid = limit(ALICE, BUY, 99, 10);

    assertThat(book.reduce(bid, 0)).isTrue();

    assertThat(events.events)
        .containsExactly(new Cancel(bid, ALICE, BUY, 99, 10, CancelReason.USER));
    assertThat(book.remaining(bid)).isZero();
    assertThat(book.orderCount()).isZero();
    assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
  }

  @Test
  void reduceUpwardToTheSameQuantityOrOfAnAbsentOrderIsRefused() {
    long bid = limit(ALICE, BUY, 99, 10);

    assertThat(book.reduce(bid, 11)).isFalse();
    assertThat(book.reduce(bid, 10)).isFalse();
    assertThat(book.reduce(777, 1)).isFalse();

    assertThat(book.remaining(bid)).isEqualTo(10);
    assertThat(events.events).isEmpty();
  }

  @Test
  void selfTradePreventionCancelsTheRestingOrderAndTheIncomingOneContinues() {
    long own = limit(ALICE, SELL, 100, 5);
    long other = limit(BOB, SELL, 100, 5);
    long ownHigher = limit(ALICE, SELL, 101, 5);
    long buy = nextId++;

    assertThat(book.submit(buy, ALICE, BUY, 101, 8, 0, false)).isEqualTo(5);

    assertThat(events.events)
        .containsExactly(
            new Cancel(own, ALICE, SELL, 100, 5, CancelReason.SELF_TRADE),
            trade(100, 5, BUY, other, BOB, buy, ALICE, 0),
            new Cancel(ownHigher, ALICE, SELL, 101, 5, CancelReason.SELF_TRADE));
    assertThat(book.remaining(buy)).isEqualTo(3);
    assertThat(book.bestBid()).isEqualTo(101);
    assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);
    assertThat(book.orderCount()).isEqualTo(1);
  }

  @Test
  void selfTradePreventionTouchesOnlyOrdersThatWouldHaveTraded() {
    long first = limit(BOB, SELL, 100, 5);
    long own = limit(ALICE, SELL, 100, 5);
    long buy = nextId++;

    assertThat(book.submit(buy, ALICE, BUY, 100, 5, 0, false)).isEqualTo(5);

    assertThat(events.events).containsExactly(trade(100, 5, BUY, first, BOB, buy, ALICE, 0));
    assertThat(book.remaining(own)).isEqualTo(5);
  }

  @Test
  void bestSizesAndDepthAggregateEachLevelBestFirst() {
    limit(ALICE, BUY, 99, 1);
    limit(BOB, BUY, 99, 2);
    limit(ALICE, BUY, 97, 4);
    limit(ALICE, BUY, 95, 8);
    limit(BOB, SELL, 103, 16);

    long[] prices = new long[2];
    long[] sizes = new long[2];
    assertThat(book.depth(BUY, prices, sizes)).isEqualTo(2);
    assertThat(prices).containsExactly(99, 97);
    assertThat(sizes).containsExactly(3, 4);

    long[] allPrices = new long[5];
    long[] allSizes = new long[5];
    assertThat(book.depth(SELL, allPrices, allSizes)).isEqualTo(1);
    assertThat(allPrices[0]).isEqualTo(103);
    assertThat(allSizes[0]).isEqualTo(16);

    assertThat(book.bestBidSize()).isEqualTo(3);
    assertThat(book.depthWithin(BUY, 0)).isZero();
    assertThat(book.depthWithin(BUY, 1)).isEqualTo(3);
    assertThat(book.depthWithin(BUY, 2)).isEqualTo(7);
    assertThat(book.depthWithin(BUY, 100)).isEqualTo(15);
    assertThat(book.depthWithin(SELL, 3)).isEqualTo(16);
  }

  @Test
  void pricesAtTheEdgesOfTheRangeAreAccepted() {
    long low = limit(ALICE, BUY, 1, 1);
    long high = limit(BOB, SELL, MAX_PRICE, 1);

    assertThat(book.bestBid()).isEqualTo(1);
    assertThat(book.bestAsk()).isEqualTo(MAX_PRICE);
    assertThat(book.cancel(low)).isTrue();
    assertThat(book.cancel(high)).isTrue();
    assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
    assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);
  }

  @Test
  void levelsEmptiedAndRefilledKeepTheBestPricesRight() {
    long a = limit(ALICE, SELL, 200, 1);
    limit(ALICE, SELL, 300, 1);
    book.cancel(a);
    assertThat(book.bestAsk()).isEqualTo(300);
    limit(BOB, SELL, 200, 2);
    assertThat(book.bestAsk()).isEqualTo(200);
    assertThat(book.bestAskSize()).isEqualTo(2);
  }

  @Test
  void invalidInputIsABugAndThrows() {
    limit(ALICE, BUY, 99, 1);

    assertThatThrownBy(() -> book.submit(100, ALICE, BUY, 0, 1, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> book.submit(101, ALICE, BUY, MAX_PRICE + 1, 1, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> book.submit(102, ALICE, BUY, 99, 0, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> book.submit(1, BOB, SELL, 120, 1, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> book.reduce(1, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(book.orderCount()).isEqualTo(1);
    assertThat(events.events).isEmpty();
  }

  @Test
  void stateHashIsEqualForEqualBooksAndSeesPriorityAndQuantity() {
    OrderBook other = newBook(MAX_PRICE, new RecordingListener());
    OrderBook swapped = newBook(MAX_PRICE, new RecordingListener());
    book.submit(1, ALICE, BUY, 99, 5, 0, false);
    book.submit(2, BOB, BUY, 99, 5, 0, false);
    other.submit(1, ALICE, BUY, 99, 5, 0, false);
    other.submit(2, BOB, BUY, 99, 5, 0, false);
    swapped.submit(2, BOB, BUY, 99, 5, 0, false);
    swapped.submit(3, ALICE, BUY, 99, 5, 0, false);

    assertThat(book.stateHash()).isEqualTo(other.stateHash());
    assertThat(book.stateHash()).isNotEqualTo(swapped.stateHash());
    other.reduce(2, 4);
    assertThat(book.stateHash()).isNotEqualTo(other.stateHash());
  }
}
