package dev.cascade.market;

/** The reference book against the order book contract. */
class NaiveOrderBookTest extends OrderBookContractTest {
  @Override
  OrderBook newBook(long maxPriceTicks, BookListener listener) {
    return new NaiveOrderBook(maxPriceTicks, listener);
  }
}
