package dev.cascade.market;

import java.util.Objects;

/**
 * The fast {@link OrderBook}: a price ladder per side, indexed directly by tick.
 *
 * <p>Layout. Each side has an array of price levels indexed by tick ({@code 0..maxPriceTicks}),
 * created the first time a price is used and kept for reuse, and a bitset ({@code long[]}, one bit
 * per tick) of its non-empty levels; when the best level empties, the next best is found by
 * scanning words with {@link Long#numberOfLeadingZeros} (bids) or {@link
 * Long#numberOfTrailingZeros} (asks). A level holds its orders in an intrusive doubly-linked FIFO
 * (oldest at the head) with its total lots and order count, so {@link #bestBidSize()} is O(1) and
 * {@link #depth} is O(levels). Orders are mutable nodes from a pool with a free list; order id to
 * node goes through {@link LongHashIndex}, an open-addressing map with primitive keys.
 *
 * <p>Allocation. Once the pool, the index and the levels in use have grown to the book's high-water
 * mark, {@link #submit}, {@link #cancel} and {@link #reduce} allocate nothing: the steady-state hot
 * path is garbage-free. Memory is two references and two bits per tick of price range, plus the
 * orders.
 *
 * <p>Prices in ticks, quantities in lots. Order ids must be positive and strictly increasing, which
 * also makes them unique. Not thread-safe; the listener is called synchronously and must not call
 * back into the book.
 */
public final class LadderOrderBook implements OrderBook {
  private static final int INITIAL_ORDERS = 1024;

  private final Instrument instrument;
  private final long maxPriceTicks;
  private final BookListener listener;
  private final Ladder bids;
  private final Ladder asks;
  private final LongHashIndex<Order> index = new LongHashIndex<>(INITIAL_ORDERS);
  private Order free;
  private long lastOrderId;

  /**
   * An empty book.
   *
   * @param maxPriceTicks highest accepted price in ticks; the book holds two arrays of this length
   * @param listener receives trades and cancels, synchronously
   */
  public LadderOrderBook(Instrument instrument, long maxPriceTicks, BookListener listener) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.listener = Objects.requireNonNull(listener, "listener");
    if (maxPriceTicks < 1 || maxPriceTicks > EngineLimits.MAX_BOOK_PRICE_TICKS) {
      throw new IllegalArgumentException(
          instrument.symbol() + ": maxPriceTicks out of range: " + maxPriceTicks);
    }
    this.maxPriceTicks = maxPriceTicks;
    this.bids = new Ladder(Side.BUY, (int) maxPriceTicks);
    this.asks = new Ladder(Side.SELL, (int) maxPriceTicks);
  }

  /** The instrument this book trades. */
  public Instrument instrument() {
    return instrument;
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
      throw new IllegalArgumentException(
          "order id " + orderId + " not above the last one, " + lastOrderId);
    }
    Objects.requireNonNull(side, "side");
    checkPrice(price);
    if (qty <= 0) {
      throw new IllegalArgumentException("qty must be positive: " + qty);
    }
    lastOrderId = orderId;

    Ladder opposite = side == Side.BUY ? asks : bids;
    long left = qty;
    while (left > 0 && opposite.crosses(price)) {
      Level level = opposite.levels[(int) opposite.best];
      Order maker = level.head;
      while (maker != null && left > 0) {
        Order next = maker.next;
        if (maker.account == account) {
          long cancelled = maker.remaining;
          index.remove(maker.id);
          level.unlink(maker);
          listener.onCancel(
              maker.id, account, maker.side, level.price, cancelled, CancelReason.SELF_TRADE);
          release(maker);
        } else {
          long traded = Math.min(left, maker.remaining);
          long makerLeft = maker.remaining - traded;
          maker.remaining = makerLeft;
          level.qty -= traded;
          left -= traded;
          if (makerLeft == 0) {
            index.remove(maker.id);
            level.unlink(maker);
          }
          listener.onTrade(
              level.price,
              traded,
              side,
              maker.id,
              maker.account,
              maker.cause,
              orderId,
              account,
              cause,
              makerLeft);
          if (makerLeft == 0) {
            release(maker);
          }
        }
        maker = next;
      }
      if (level.head == null) {
        opposite.emptied(level.price);
      }
    }

    if (left > 0 && !immediateOrCancel) {
      Order order = acquire();
      order.id = orderId;
      order.account = account;
      order.cause = cause;
      order.side = side;
      order.remaining = left;
      (side == Side.BUY ? bids : asks).append(order, (int) price);
      index.put(orderId, order);
    }
    return qty - left;
  }

  @Override
  public boolean cancel(long orderId) {
    Order order = index.remove(orderId);
    if (order == null) {
      return false;
    }
    removeCancelled(order, order.remaining);
    return true;
  }

  @Override
  public boolean reduce(long orderId, long newQty) {
    if (newQty < 0) {
      throw new IllegalArgumentException("newQty must not be negative: " + newQty);
    }
    Order order = index.get(orderId);
    if (order == null || newQty >= order.remaining) {
      return false;
    }
    if (newQty == 0) {
      index.remove(orderId);
      removeCancelled(order, order.remaining);
      return true;
    }
    long cut = order.remaining - newQty;
    order.remaining = newQty;
    order.level.qty -= cut;
    listener.onCancel(
        orderId, order.account, order.side, order.level.price, cut, CancelReason.USER);
    return true;
  }

  @Override
  public long remaining(long orderId) {
    Order order = index.get(orderId);
    return order == null ? 0 : order.remaining;
  }

  @Override
  public Side side(long orderId) {
    Order order = index.get(orderId);
    return order == null ? null : order.side;
  }

  @Override
  public long price(long orderId) {
    Order order = index.get(orderId);
    return order == null ? NO_PRICE : order.level.price;
  }

  @Override
  public int account(long orderId) {
    Order order = index.get(orderId);
    return order == null ? -1 : order.account;
  }

  @Override
  public long bestBid() {
    return bids.best;
  }

  @Override
  public long bestAsk() {
    return asks.best;
  }

  @Override
  public long bestBidSize() {
    return bids.bestSize();
  }

  @Override
  public long bestAskSize() {
    return asks.bestSize();
  }

  @Override
  public int depth(Side side, long[] prices, long[] sizes) {
    Ladder ladder = ladder(side);
    int max = Math.min(prices.length, sizes.length);
    int n = 0;
    for (long p = ladder.best; p != NO_PRICE && n < max; p = ladder.after(p)) {
      prices[n] = p;
      sizes[n] = ladder.levels[(int) p].qty;
      n++;
    }
    return n;
  }

  @Override
  public long depthWithin(Side side, int levels) {
    Ladder ladder = ladder(side);
    long total = 0;
    int n = 0;
    for (long p = ladder.best; p != NO_PRICE && n < levels; p = ladder.after(p)) {
      total += ladder.levels[(int) p].qty;
      n++;
    }
    return total;
  }

  @Override
  public int orderCount() {
    return index.size();
  }

  @Override
  public long maxPriceTicks() {
    return maxPriceTicks;
  }

  @Override
  public long stateHash() {
    long h = BookHash.SEED;
    for (Ladder ladder : new Ladder[] {bids, asks}) {
      for (long p = ladder.best; p != NO_PRICE; p = ladder.after(p)) {
        for (Order o = ladder.levels[(int) p].head; o != null; o = o.next) {
          h = BookHash.order(h, o.side, p, o.id, o.account, o.remaining);
        }
      }
    }
    return BookHash.finish(h);
  }

  private Ladder ladder(Side side) {
    return Objects.requireNonNull(side, "side") == Side.BUY ? bids : asks;
  }

  private void checkPrice(long price) {
    if (price < 1 || price > maxPriceTicks) {
      throw new IllegalArgumentException(
          "price " + price + " outside [1, " + maxPriceTicks + "] ticks");
    }
  }

  /** Unlinks an order already removed from the index and reports {@code qty} lots cancelled. */
  private void removeCancelled(Order order, long qty) {
    Level level = order.level;
    level.unlink(order);
    if (level.head == null) {
      ladder(order.side).emptied(level.price);
    }
    listener.onCancel(order.id, order.account, order.side, level.price, qty, CancelReason.USER);
    release(order);
  }

  private Order acquire() {
    Order order = free;
    if (order == null) {
      return new Order();
    }
    free = order.next;
    order.next = null;
    return order;
  }

  private void release(Order order) {
    order.side = null;
    order.level = null;
    order.prev = null;
    order.next = free;
    free = order;
  }

  /** One side of the book: its levels by tick, the bitset of non-empty ones, and its best. */
  private static final class Ladder {
    final boolean bid;
    final Level[] levels;
    final long[] occupied;
    long best = NO_PRICE;

    Ladder(Side side, int maxPriceTicks) {
      this.bid = side == Side.BUY;
      this.levels = new Level[maxPriceTicks + 1];
      this.occupied = new long[(maxPriceTicks >>> 6) + 1];
    }

    /** Whether an incoming order of the other side, limited at {@code price}, trades here. */
    boolean crosses(long price) {
      return best != NO_PRICE && (bid ? best >= price : best <= price);
    }

    long bestSize() {
      return best == NO_PRICE ? 0 : levels[(int) best].qty;
    }

    void append(Order order, int price) {
      Level level = levels[price];
      if (level == null) {
        level = new Level(price);
        levels[price] = level;
      }
      if (level.head == null) {
        occupied[price >>> 6] |= 1L << price;
        if (best == NO_PRICE || (bid ? price > best : price < best)) {
          best = price;
        }
      }
      level.append(order);
    }

    /** Records that the level at {@code price} became empty, moving the best if it was the best. */
    void emptied(long price) {
      occupied[(int) (price >>> 6)] &= ~(1L << price);
      if (price == best) {
        best = after(price);
      }
    }

    /** The next non-empty price strictly worse than {@code price}, or {@link #NO_PRICE}. */
    long after(long price) {
      return bid ? highestAtOrBelow(price - 1) : lowestAtOrAbove(price + 1);
    }

    private long highestAtOrBelow(long price) {
      if (price < 1) {
        return NO_PRICE;
      }
      int w = (int) (price >>> 6);
      long bits = occupied[w] & (-1L >>> (63 - (price & 63)));
      while (bits == 0) {
        if (--w < 0) {
          return NO_PRICE;
        }
        bits = occupied[w];
      }
      return ((long) w << 6) + 63 - Long.numberOfLeadingZeros(bits);
    }

    private long lowestAtOrAbove(long price) {
      int w = (int) (price >>> 6);
      if (w >= occupied.length) {
        return NO_PRICE;
      }
      long bits = occupied[w] & (-1L << price);
      while (bits == 0) {
        if (++w >= occupied.length) {
          return NO_PRICE;
        }
        bits = occupied[w];
      }
      return ((long) w << 6) + Long.numberOfTrailingZeros(bits);
    }
  }

  /** The orders resting at one price, oldest first, with their total lots. */
  private static final class Level {
    final long price;
    Order head;
    Order tail;
    long qty;

    Level(long price) {
      this.price = price;
    }

    void append(Order order) {
      order.level = this;
      order.prev = tail;
      order.next = null;
      if (tail == null) {
        head = order;
      } else {
        tail.next = order;
      }
      tail = order;
      qty += order.remaining;
    }

    /** Removes an order; its remaining lots leave the level total. Keeps the order's fields. */
    void unlink(Order order) {
      Order prev = order.prev;
      Order next = order.next;
      if (prev == null) {
        head = next;
      } else {
        prev.next = next;
      }
      if (next == null) {
        tail = prev;
      } else {
        next.prev = prev;
      }
      qty -= order.remaining;
    }
  }

  /** A resting order; pooled and reused, so never retained outside the book. */
  private static final class Order {
    long id;
    int account;
    int cause;
    Side side;
    long remaining;
    Order prev;
    Order next;
    Level level;
  }
}
