package dev.cascade.bench;

import static dev.cascade.bench.CommandStream.CANCEL;
import static dev.cascade.bench.CommandStream.IMMEDIATE;

import dev.cascade.market.BookListener;
import dev.cascade.market.CancelReason;
import dev.cascade.market.LadderOrderBook;
import dev.cascade.market.OrderBook;
import dev.cascade.market.Side;

/**
 * A {@link CommandStream} replayed in a loop on a fresh {@link LadderOrderBook}, one command per
 * {@link #next} call, ids shifted by the stream's id span on each pass.
 */
final class CascadeReplay {
  private final byte[] kind;
  private final boolean[] buy;
  private final int[] account;
  private final long[] id;
  private final long[] price;
  private final long[] qty;
  private final int length;
  private final long idSpan;
  private final OrderBook book;
  private final TradeTally tally = new TradeTally();
  private int cursor;
  private long idShift;

  /** Consumes every callback into counters, so that nothing the book reports is dead code. */
  static final class TradeTally implements BookListener {
    long lotsTraded;
    long lotsCancelled;

    @Override
    public void onTrade(
        long price,
        long qty,
        Side aggressor,
        long makerOrderId,
        int makerAccount,
        int makerCause,
        long takerOrderId,
        int takerAccount,
        int takerCause,
        long makerRemaining) {
      lotsTraded += qty;
    }

    @Override
    public void onCancel(
        long orderId, int account, Side side, long price, long qty, CancelReason reason) {
      lotsCancelled += qty;
    }
  }

  CascadeReplay(CommandStream stream) {
    kind = stream.kind;
    buy = stream.buy;
    account = stream.account;
    id = stream.id;
    price = stream.price;
    qty = stream.qty;
    length = stream.length;
    idSpan = stream.idSpan;
    this.book =
        new LadderOrderBook(CommandStream.instrument(), CommandStream.MAX_PRICE_TICKS, tally);
  }

  /** Applies the next command of the stream; returns lots filled, or 1 for a cancel that hit. */
  long next() {
    int i = cursor;
    long result;
    if (kind[i] == CANCEL) {
      result = book.cancel(id[i] + idShift) ? 1 : 0;
    } else {
      result =
          book.submit(
              id[i] + idShift,
              account[i],
              buy[i] ? Side.BUY : Side.SELL,
              price[i],
              qty[i],
              0,
              kind[i] == IMMEDIATE);
    }
    if (++i == length) {
      i = 0;
      idShift += idSpan;
    }
    cursor = i;
    return result;
  }

  /** Orders resting in the book. */
  int orderCount() {
    return book.orderCount();
  }

  /** Lots traded so far. */
  long lotsTraded() {
    return tally.lotsTraded;
  }
}
