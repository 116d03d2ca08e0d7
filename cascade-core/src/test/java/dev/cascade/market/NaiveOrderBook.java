package dev.cascade.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The reference {@link OrderBook}: as simple as it can be, so that it is obviously correct, and the
 * fast book is tested against it. Each side is a sorted map from price to a list of orders, oldest
 * first, with the best price first; orders are found by scanning every level.
 */
final class NaiveOrderBook implements OrderBook {
  private final long maxPriceTicks;
  private final BookListener listener;
  private final TreeMap<Long, List<Order>> bids = new TreeMap<>(Comparator.reverseOrder());
  private final TreeMap<Long, List<Order>> asks = new TreeMap<>();
  private long lastOrderId;

  NaiveOrderBook(long maxPriceTicks, BookListener listener) {
    if (maxPriceTicks < 1) {
      throw new IllegalArgumentException("maxPriceTicks must be positive: " + maxPriceTicks);
    }
    this.maxPriceTicks = maxPriceTicks;
    this.listener = Objects.requireNonNull(listener);
  }

  private static final class Order {
    final long id;
    final int account;
    final int cause;
    final Side side;
    final long price;
    long remaining;

    Order(long id, int account, int cause, Side side, long price, long remaining) {
      this.id = id;
      this.account = account;
      this.cause = cause;
      this.side = side;
      this.price = price;
      this.remaining = remaining;
    }
  }

  @Override
  public long submit(
      long orderId,
      int account,
      Side side,
      long price,
      long qty,
      int cause,
      boolean immediateOrCancel) {
    if (orderId <= lastOrderId) {
      throw new IllegalArgumentException("order id not increasing: " + orderId);
    }
    Objects.requireNonNull(side);
    if (price < 1 || price > maxPriceTicks) {
      throw new IllegalArgumentException("price out of range: " + price);
    }
    if (qty <= 0) {
      throw new IllegalArgumentException("qty must be positive: " + qty);
    }
    lastOrderId = orderId;

    TreeMap<Long, List<Order>> opposite = side == Side.BUY ? asks : bids;
    long left = qty;
    while (left > 0 && !opposite.isEmpty()) {
      long bestPrice = opposite.firstKey();
      boolean crosses = side == Side.BUY ? bestPrice <= price : bestPrice >= price;
      if (!crosses) {
        break;
      }
      List<Order> level = opposite.get(bestPrice);
      Order maker = level.get(0);
      if (maker.account == account) {
        level.remove(0);
        listener.onCancel(
            maker.id,
            maker.account,
            maker.side,
            maker.price,
            maker.remaining,
            CancelReason.SELF_TRADE);
      } else {
        long traded = Math.min(left, maker.remaining);
        maker.remaining -= traded;
        left -= traded;
        if (maker.remaining == 0) {
          level.remove(0);
        }
        listener.onTrade(
            maker.price,
            traded,
            side,
            maker.id,
            maker.account,
            maker.cause,
            orderId,
            account,
            cause,
            maker.remaining);
      }
      if (level.isEmpty()) {
        opposite.remove(bestPrice);
      }
    }
    if (left > 0 && !immediateOrCancel) {
      TreeMap<Long, List<Order>> own = side == Side.BUY ? bids : asks;
      own.computeIfAbsent(price, p -> new ArrayList<>())
          .add(new Order(orderId, account, cause, side, price, left));
    }
    return qty - left;
  }

  @Override
  public boolean cancel(long orderId) {
    Order order = find(orderId);
    if (order == null) {
      return false;
    }
    remove(order);
    listener.onCancel(
        order.id, order.account, order.side, order.price, order.remaining, CancelReason.USER);
    return true;
  }

  @Override
  public boolean reduce(long orderId, long newQty) {
    if (newQty < 0) {
      throw new IllegalArgumentException("newQty must not be negative: " + newQty);
    }
    Order order = find(orderId);
    if (order == null || newQty >= order.remaining) {
      return false;
    }
    if (newQty == 0) {
      return cancel(orderId);
    }
    long cut = order.remaining - newQty;
    order.remaining = newQty;
    listener.onCancel(order.id, order.account, order.side, order.price, cut, CancelReason.USER);
    return true;
  }

  private Order find(long orderId) {
    for (TreeMap<Long, List<Order>> book : List.of(bids, asks)) {
      for (List<Order> level : book.values()) {
        for (Order order : level) {
          if (order.id == orderId) {
            return order;
          }
        }
      }
    }
    return null;
  }

  private void remove(Order order) {
    TreeMap<Long, List<Order>> book = order.side == Side.BUY ? bids : asks;
    List<Order> level = book.get(order.price);
    for (Iterator<Order> it = level.iterator(); it.hasNext(); ) {
      if (it.next() == order) {
        it.remove();
      }
    }
    if (level.isEmpty()) {
      book.remove(order.price);
    }
  }

  @Override
  public long remaining(long orderId) {
    Order order = find(orderId);
    return order == null ? 0 : order.remaining;
  }

  @Override
  public Side side(long orderId) {
    Order order = find(orderId);
    return order == null ? null : order.side;
  }

  @Override
  public long price(long orderId) {
    Order order = find(orderId);
    return order == null ? NO_PRICE : order.price;
  }

  @Override
  public int account(long orderId) {
    Order order = find(orderId);
    return order == null ? -1 : order.account;
  }

  @Override
  public long bestBid() {
    return bids.isEmpty() ? NO_PRICE : bids.firstKey();
  }

  @Override
  public long bestAsk() {
    return asks.isEmpty() ? NO_PRICE : asks.firstKey();
  }

  @Override
  public long bestBidSize() {
    return bids.isEmpty() ? 0 : total(bids.firstEntry().getValue());
  }

  @Override
  public long bestAskSize() {
    return asks.isEmpty() ? 0 : total(asks.firstEntry().getValue());
  }

  private static long total(List<Order> level) {
    long sum = 0;
    for (Order order : level) {
      sum += order.remaining;
    }
    return sum;
  }

  @Override
  public int depth(Side side, long[] prices, long[] sizes) {
    int n = 0;
    for (Map.Entry<Long, List<Order>> e : (side == Side.BUY ? bids : asks).entrySet()) {
      if (n == prices.length || n == sizes.length) {
        break;
      }
      prices[n] = e.getKey();
      sizes[n] = total(e.getValue());
      n++;
    }
    return n;
  }

  @Override
  public long depthWithin(Side side, int levels) {
    long sum = 0;
    int n = 0;
    for (List<Order> level : (side == Side.BUY ? bids : asks).values()) {
      if (n++ >= levels) {
        break;
      }
      sum += total(level);
    }
    return sum;
  }

  @Override
  public int orderCount() {
    int n = 0;
    for (List<Order> level : bids.values()) {
      n += level.size();
    }
    for (List<Order> level : asks.values()) {
      n += level.size();
    }
    return n;
  }

  @Override
  public long maxPriceTicks() {
    return maxPriceTicks;
  }

  @Override
  public long stateHash() {
    long h = BookHash.SEED;
    for (TreeMap<Long, List<Order>> book : List.of(bids, asks)) {
      for (List<Order> level : book.values()) {
        for (Order o : level) {
          h = BookHash.order(h, o.side, o.price, o.id, o.account, o.remaining);
        }
      }
    }
    return BookHash.finish(h);
  }
}
