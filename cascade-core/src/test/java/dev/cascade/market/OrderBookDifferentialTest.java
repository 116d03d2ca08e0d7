package dev.cascade.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.market.RandomOrderFlow.Command;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast book behaves exactly as the naive one: on seeded random order flow, every command
 * returns the same value and produces the same listener events in the same order, and every 100
 * commands the two books have the same state hash, best prices and sizes, depth and order count.
 * The flow runs in a narrow range (one page of the ladder) and spread over many pages and chunks,
 * across their boundaries and at both ends of the widest price range.
 */
class OrderBookDifferentialTest {
  private static final long MAX_PRICE = 2_000;
  private static final int COMMANDS = 10_000;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42, 1_000_003, 20_240_229})
  void ladderBookMatchesNaiveBookEventForEvent(long seed) {
    OrderBook naive = run(seed, MAX_PRICE, new RandomOrderFlow(seed, MAX_PRICE));

    assertThat(trades).as("the flow trades").isGreaterThan(COMMANDS / 20);
    assertThat(selfTrades).as("the flow exercises self-trade prevention").isPositive();
    assertThat(naive.orderCount()).as("the book is not empty").isGreaterThan(50);
  }

  @ParameterizedTest(name = "seed {0}, max {1}, mid {2}, scale {3}")
  @CsvSource({
    // Around the first chunk boundary (2^24 ticks), orders spread over a few dozen pages.
    "5, 2147483583, 16777216, 1000",
    // A book referenced at 500,000.00 in cents, as the exchange sizes it; hundreds of pages.
    "6, 200000000, 50000000, 20000",
    // At both ends of the widest range: many orders clamped to 1 tick or to the maximum.
    "8, 2147483583, 30000, 500",
    "9, 2147483583, 2147453583, 500",
    // Mid steps of a whole page: pages empty, return to the pool and come back elsewhere.
    "10, 1000000000, 500000000, 4096"
  })
  void ladderBookMatchesNaiveBookAcrossPagesAndChunks(long seed, long max, long mid, long scale) {
    OrderBook naive = run(seed, max, new RandomOrderFlow(seed, max, mid, scale));

    assertThat(trades).as("the flow trades").isGreaterThan(COMMANDS / 50);
    assertThat(naive.orderCount()).as("the book is not empty").isGreaterThan(50);
    assertThat(fast.pagesInUse()).as("resting orders span pages").isGreaterThan(2);
  }

  private int trades;
  private int selfTrades;
  private LadderOrderBook fast;

  /** Feeds the flow to both books, comparing them; returns the naive book. */
  private OrderBook run(long seed, long max, RandomOrderFlow flow) {
    RecordingListener naiveEvents = new RecordingListener();
    RecordingListener fastEvents = new RecordingListener();
    OrderBook naive = new NaiveOrderBook(max, naiveEvents);
    fast = new LadderOrderBook(TestInstruments.spy(), max, fastEvents);

    for (int i = 1; i <= COMMANDS; i++) {
      Command command = flow.next(naive);
      long expected = command.applyTo(naive);
      long actual = command.applyTo(fast);

      assertThat(actual).as("seed %d, command %d: %s", seed, i, command).isEqualTo(expected);
      var expectedEvents = naiveEvents.drain();
      assertThat(fastEvents.drain())
          .as("seed %d, command %d: %s", seed, i, command)
          .isEqualTo(expectedEvents);
      for (Object event : expectedEvents) {
        if (event instanceof RecordingListener.Trade) {
          trades++;
        } else if (((RecordingListener.Cancel) event).reason() == CancelReason.SELF_TRADE) {
          selfTrades++;
        }
      }
      if (i % 100 == 0) {
        assertSameState(naive, fast, "seed " + seed + ", after command " + i);
      }
    }
    assertSameState(naive, fast, "seed " + seed + ", at the end");
    return naive;
  }

  private static void assertSameState(OrderBook naive, OrderBook fast, String where) {
    assertThat(fast.stateHash()).as(where).isEqualTo(naive.stateHash());
    assertThat(fast.bestBid()).as(where).isEqualTo(naive.bestBid());
    assertThat(fast.bestAsk()).as(where).isEqualTo(naive.bestAsk());
    assertThat(fast.bestBidSize()).as(where).isEqualTo(naive.bestBidSize());
    assertThat(fast.bestAskSize()).as(where).isEqualTo(naive.bestAskSize());
    assertThat(fast.orderCount()).as(where).isEqualTo(naive.orderCount());
    for (Side side : Side.values()) {
      long[] naivePrices = new long[5];
      long[] naiveSizes = new long[5];
      long[] fastPrices = new long[5];
      long[] fastSizes = new long[5];
      assertThat(fast.depth(side, fastPrices, fastSizes))
          .as(where)
          .isEqualTo(naive.depth(side, naivePrices, naiveSizes));
      assertThat(fastPrices).as(where).isEqualTo(naivePrices);
      assertThat(fastSizes).as(where).isEqualTo(naiveSizes);
      assertThat(fast.depthWithin(side, 10)).as(where).isEqualTo(naive.depthWithin(side, 10));
    }
  }
}
