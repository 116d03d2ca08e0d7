package dev.cascade.market;

/** The fast book against the order book contract. */
class LadderOrderBookTest extends OrderBookContractTest {
  @Override
  OrderBook newBook(long maxPriceTicks, BookListener listener) {
    return new LadderOrderBook(TestInstruments.spy(), maxPriceTicks, listener);
  }
}
