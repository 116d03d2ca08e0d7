package dev.cascade.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.market.RandomOrderFlow.Command;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast book behaves exactly as the naive one: on seeded random order flow, every command
 * returns the same value and produces the same listener events in the same order, and every 100
 * commands the two books have the same state hash, best prices and sizes, depth and order count.
 */
class OrderBookDifferentialTest {
  private static final long MAX_PRICE = 2_000;
  private static final int COMMANDS = 10_000;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42, 1_000_003, 20_240_229})
  void ladderBookMatchesNaiveBookEventForEvent(long seed) {
    RecordingListener naiveEvents = new RecordingListener();
    RecordingListener fastEvents = new RecordingListener();
    OrderBook naive = new NaiveOrderBook(MAX_PRICE, naiveEvents);
    OrderBook fast = new LadderOrderBook(TestInstruments.spy(), MAX_PRICE, fastEvents);
    RandomOrderFlow flow = new RandomOrderFlow(seed, MAX_PRICE);
    int trades = 0;
    int selfTrades = 0;

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
    assertThat(trades).as("the flow trades").isGreaterThan(COMMANDS / 20);
    assertThat(selfTrades).as("the flow exercises self-trade prevention").isPositive();
    assertThat(naive.orderCount()).as("the book is not empty").isGreaterThan(50);
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
