package dev.cascade.market;

import static dev.cascade.market.Side.BUY;
import static dev.cascade.market.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.kernel.SessionKind;
import dev.cascade.market.RecordingListener.Trade;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast book against the order book contract, and its memory: the ladder allocates pages for the
 * prices in use, not for the price range.
 */
class LadderOrderBookTest extends OrderBookContractTest {
  /** Widest range the book accepts. */
  private static final long WIDEST = Integer.MAX_VALUE - 64;

  @Override
  OrderBook newBook(long maxPriceTicks, BookListener listener) {
    return new LadderOrderBook(TestInstruments.spy(), maxPriceTicks, listener);
  }

  /** A stock quoted in cents and referenced at 500,000.00 dollars: 50,000,000 ticks. */
  private static Instrument halfMillionDollarStock() {
    return new Instrument(
        0,
        "BRK",
        AssetClass.EQUITY,
        new BigDecimal("0.01"),
        BigDecimal.ONE,
        BigDecimal.ONE,
        "USD",
        SessionKind.US_EQUITY,
        50_000_000L);
  }

  @Test
  void bookAtHalfMillionDollarsInCentsTradesAcrossItsRangeInAFewPages() {
    Instrument stock = halfMillionDollarStock();
    long max = Exchange.maxPriceTicks(stock);
    assertThat(max).isEqualTo(200_000_000L);
    RecordingListener events = new RecordingListener();
    LadderOrderBook book = new LadderOrderBook(stock, max, events);
    assertThat(book.pagesAllocated()).as("an empty book holds no page").isZero();

    // Bids spread over the whole range, from 1 tick to just under the reference price.
    long[] bidPrices = {1, 16_777_215, 16_777_216, 49_999_999, 50_000_000};
    long id = 1;
    for (long price : bidPrices) {
      assertThat(book.submit(id++, 1, BUY, price, 10, 0, false)).isZero();
    }
    // Asks just above the reference price and at the top of the range.
    assertThat(book.submit(id++, 2, SELL, 50_000_001, 5, 0, false)).isZero();
    assertThat(book.submit(id++, 2, SELL, max, 5, 0, false)).isZero();

    assertThat(book.bestBid()).isEqualTo(50_000_000);
    assertThat(book.bestAsk()).isEqualTo(50_000_001);
    long[] prices = new long[8];
    long[] sizes = new long[8];
    assertThat(book.depth(BUY, prices, sizes)).isEqualTo(5);
    assertThat(prices).startsWith(50_000_000, 49_999_999, 16_777_216, 16_777_215, 1);
    assertThat(book.depth(SELL, prices, sizes)).isEqualTo(2);
    assertThat(prices).startsWith(50_000_001, max);
    // Bids in four pages (49,999,999 and 50,000,000 share one), asks in two.
    assertThat(book.pagesInUse()).isEqualTo(6);
    assertThat(book.pagesAllocated()).isEqualTo(6);
    assertThat(book.chunksAllocated())
        .as("chunks 0, 1, 2 for bids; 2 and 11 for asks")
        .isEqualTo(5);

    // A sell sweeping down to 1 tick trades every bid, best first, across pages and chunks.
    events.drain();
    assertThat(book.submit(id++, 3, SELL, 1, 100, 0, true)).isEqualTo(50);
    List<Long> tradePrices = new ArrayList<>();
    for (Object event : events.drain()) {
      tradePrices.add(((Trade) event).price());
    }
    assertThat(tradePrices).containsExactly(50_000_000L, 49_999_999L, 16_777_216L, 16_777_215L, 1L);
    assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
    assertThat(book.pagesInUse()).as("the bids' pages went back to the pool").isEqualTo(2);

    // New orders far from the old ones reuse the pooled pages.
    assertThat(book.submit(id++, 1, BUY, 33_554_431, 1, 0, false)).isZero();
    assertThat(book.submit(id++, 1, BUY, 7_000_000, 1, 0, false)).isZero();
    assertThat(book.submit(id++, 1, BUY, 2, 1, 0, false)).isZero();
    assertThat(book.bestBid()).isEqualTo(33_554_431);
    assertThat(book.pagesInUse()).isEqualTo(5);
    assertThat(book.pagesAllocated()).isEqualTo(6);
  }

  @Test
  void pricesAtBothEndsOfTheWidestRangeRestTradeAndCancel() {
    RecordingListener events = new RecordingListener();
    LadderOrderBook book = new LadderOrderBook(TestInstruments.spy(), WIDEST, events);

    assertThat(book.submit(1, 1, BUY, 1, 4, 0, false)).isZero();
    assertThat(book.submit(2, 1, BUY, 2, 3, 0, false)).isZero();
    assertThat(book.submit(3, 2, SELL, WIDEST, 6, 0, false)).isZero();
    assertThat(book.submit(4, 2, SELL, WIDEST - 1, 5, 0, false)).isZero();
    assertThat(book.bestBid()).isEqualTo(2);
    assertThat(book.bestAsk()).isEqualTo(WIDEST - 1);
    assertThat(book.depthWithin(SELL, 2)).isEqualTo(11);
    assertThat(book.pagesAllocated()).as("one page at each end").isEqualTo(2);

    // A buy at the maximum takes both asks, best first, and rests nothing (IOC).
    events.drain();
    assertThat(book.submit(5, 3, BUY, WIDEST, 20, 0, true)).isEqualTo(11);
    assertThat(events.drain())
        .extracting(e -> ((Trade) e).price())
        .containsExactly(WIDEST - 1, WIDEST);
    assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);

    // A sell at 1 tick takes both bids; cancelling afterwards finds nothing.
    assertThat(book.submit(6, 3, SELL, 1, 7, 0, false)).isEqualTo(7);
    assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
    assertThat(book.cancel(1)).isFalse();
    assertThat(book.orderCount()).isZero();
    assertThat(book.pagesInUse()).isZero();

    // Rest at the maximum and cancel there.
    assertThat(book.submit(7, 1, SELL, WIDEST, 2, 0, false)).isZero();
    assertThat(book.price(7)).isEqualTo(WIDEST);
    assertThat(book.cancel(7)).isTrue();
    assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);
    assertThat(book.pagesAllocated()).isEqualTo(2);
  }

  @Test
  void bookRejectsARangeBeyondTheWidest() {
    assertThatThrownBy(
            () -> new LadderOrderBook(TestInstruments.spy(), WIDEST + 1, new RecordingListener()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPriceTicks out of range");
  }

  @Test
  void manyBooksOfTheWidestRangeFitInASmallHeap() {
    // With a dense ladder each of these books would need about 17 GB.
    List<LadderOrderBook> books = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      LadderOrderBook book =
          new LadderOrderBook(TestInstruments.spy(), WIDEST, new RecordingListener());
      book.submit(1, 1, BUY, 1 + i, 1, 0, false);
      book.submit(2, 2, SELL, WIDEST - i, 1, 0, false);
      books.add(book);
    }
    assertThat(books).allSatisfy(b -> assertThat(b.pagesAllocated()).isEqualTo(2));
  }
}
