package dev.cascade.market;

import java.util.Objects;

/**
 * The fast {@link OrderBook}: a sparse price ladder per side, paged by tick.
 *
 * <p>Layout. Each side's price levels live in pages of 4,096 consecutive ticks, grouped in chunks
 * of 4,096 pages (2^24 ticks); the side holds one slot per chunk of its price range (at most 128).
 * A chunk is created the first time one of its prices is used and kept; a page is attached to its
 * chunk only while it holds a non-empty level, and goes back to a pool shared by both sides when
 * its last level empties, to be reused for any other range. A level is created the first time its
 * slot in a page is used and stays with the page. Pages, chunks and the side's list of chunks each
 * keep a two-level bitset of their non-empty children ({@link TwoLevelBitset}: 64 words and a
 * summary word). When the best level empties, the next best is looked for in the same page, then in
 * the chunk's other pages, then in the other chunks: a handful of word scans with {@link
 * Long#numberOfLeadingZeros} (bids) or {@link Long#numberOfTrailingZeros} (asks), whatever the gap.
 * The best level is kept by reference, and an order resting in the best level's page (the usual
 * case) skips the chunk lookup. A level holds its orders in an intrusive doubly-linked FIFO (oldest
 * at the head) with its total lots, so {@link #bestBidSize()} is O(1) and {@link #depth} is
 * O(levels). Orders are mutable nodes from a pool with a free list; order id to node goes through
 * {@link LongHashIndex}, an open-addressing map with primitive keys.
 *
 * <p>Memory follows the prices in use, not the price range. A page costs about 17 KB (4,096 level
 * references and its bitset, with compressed references) plus about 40 bytes per level created in
 * it; a chunk about 17 KB; then the orders. The pages allocated are the most ever non-empty at the
 * same time, both sides together: a book quoted within a few thousand ticks of the touch uses one
 * or two pages a side, at any price, and each order far from the others costs at most one page.
 * Nothing is allocated per tick of range. (The dense ladder this replaced held, per side, one
 * reference and one bit per tick of range: 1.65 GB for a book referenced at 500,000.00 in cents,
 * whose range is 200 million ticks.)
 *
 * <p>Allocation. Once the order pool, the index, the page pool and the levels in use have grown to
 * the book's high-water mark, {@link #submit}, {@link #cancel} and {@link #reduce} allocate
 * nothing: the steady-state hot path is garbage-free.
 *
 * <p>Prices in ticks, in {@code [1, maxPriceTicks]} with {@code maxPriceTicks} at most {@code
 * Integer.MAX_VALUE - 64}; quantities in lots. Order ids must be positive and strictly increasing,
 * which also makes them unique. Not thread-safe; the listener is called synchronously and must not
 * call back into the book.
 */
public final class LadderOrderBook implements OrderBook {
  private static final int INITIAL_ORDERS = 1024;
  private static final int PAGE_SHIFT = 12;
  private static final int PAGE_SIZE = 1 << PAGE_SHIFT;
  private static final int PAGE_MASK = PAGE_SIZE - 1;
  private static final int CHUNK_SHIFT = 2 * PAGE_SHIFT;
  private static final long MAX_PRICE_TICKS = Integer.MAX_VALUE - 64;

  private final Instrument instrument;
  private final long maxPriceTicks;
  private final BookListener listener;
  private final Ladder bids;
  private final Ladder asks;
  private final PagePool pages = new PagePool();
  private final LongHashIndex<Order> index = new LongHashIndex<>(INITIAL_ORDERS);
  private Order free;
  private long lastOrderId;

  /**
   * An empty book.
   *
   * @param maxPriceTicks highest accepted price in ticks, at most {@code Integer.MAX_VALUE - 64};
   *     memory does not grow with it beyond one chunk slot per 2^24 ticks
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
    this.bids = new Ladder(Side.BUY, maxPriceTicks, pages);
    this.asks = new Ladder(Side.SELL, maxPriceTicks, pages);
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
      Level level = opposite.bestLevel;
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
        opposite.emptied(level);
      }
    }

    if (left > 0 && !immediateOrCancel) {
      Order order = acquire();
      order.id = orderId;
      order.account = account;
      order.cause = cause;
      order.side = side;
      order.remaining = left;
      (side == Side.BUY ? bids : asks).append(order, price);
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
    for (Level l = ladder.bestLevel; l != null && n < max; l = ladder.after(l)) {
      prices[n] = l.price;
      sizes[n] = l.qty;
      n++;
    }
    return n;
  }

  @Override
  public long depthWithin(Side side, int levels) {
    Ladder ladder = ladder(side);
    long total = 0;
    int n = 0;
    for (Level l = ladder.bestLevel; l != null && n < levels; l = ladder.after(l)) {
      total += l.qty;
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
      for (Level l = ladder.bestLevel; l != null; l = ladder.after(l)) {
        for (Order o = l.head; o != null; o = o.next) {
          h = BookHash.order(h, o.side, l.price, o.id, o.account, o.remaining);
        }
      }
    }
    return BookHash.finish(h);
  }

  /** Pages of levels created so far, attached or pooled: the ladder's memory, in pages. */
  int pagesAllocated() {
    return pages.allocated;
  }

  /** Pages holding at least one non-empty level, both sides together. */
  int pagesInUse() {
    return pages.inUse;
  }

  /** Chunks created so far, both sides together; a chunk is never released. */
  int chunksAllocated() {
    int n = 0;
    for (Ladder ladder : new Ladder[] {bids, asks}) {
      for (Chunk chunk : ladder.chunks) {
        n += chunk == null ? 0 : 1;
      }
    }
    return n;
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
      ladder(order.side).emptied(level);
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

  /**
   * One side of the book: a sparse ladder of its levels by tick, and its best. Ticks are grouped in
   * pages of {@value #PAGE_SIZE} and pages in chunks of {@value #PAGE_SIZE}; the side holds an
   * array of chunks (at most 128, as prices fit in an {@code int}), a chunk holds the pages that
   * have a non-empty level, and a page holds its levels. Each node is a {@link TwoLevelBitset} of
   * its non-empty children, so the next non-empty price after any price is found in a bounded
   * number of word scans whatever the gap.
   */
  private static final class Ladder {
    final boolean bid;
    final PagePool pool;
    final Chunk[] chunks;
    final TwoLevelBitset occupiedChunks = new TwoLevelBitset();
    long best = NO_PRICE;
    Level bestLevel;

    /** The page of {@link #bestLevel}, kept here so that appends near the touch read one object. */
    Page bestPage;

    Ladder(Side side, long maxPriceTicks, PagePool pool) {
      this.bid = side == Side.BUY;
      this.pool = pool;
      this.chunks = new Chunk[(int) (maxPriceTicks >>> CHUNK_SHIFT) + 1];
    }

    /** Whether an incoming order of the other side, limited at {@code price}, trades here. */
    boolean crosses(long price) {
      return best != NO_PRICE && (bid ? best >= price : best <= price);
    }

    long bestSize() {
      return best == NO_PRICE ? 0 : bestLevel.qty;
    }

    void append(Order order, long price) {
      // Most orders rest in the best level's page: then the chunk lookup is skipped.
      Page page = bestPage;
      if (page == null || (price ^ best) >>> PAGE_SHIFT != 0) {
        page = attachedPage(price);
      }
      int slot = (int) price & PAGE_MASK;
      Level level = page.levels[slot];
      if (level == null) {
        level = new Level(page);
        page.levels[slot] = level;
      }
      if (level.head == null) {
        level.price = price;
        page.add(slot);
        if (best == NO_PRICE || (bid ? price > best : price < best)) {
          best = price;
          bestLevel = level;
          bestPage = page;
        }
      }
      level.append(order);
    }

    /** The page of {@code price}, taken from the pool and attached if the chunk has none. */
    private Page attachedPage(long price) {
      int c = (int) (price >>> CHUNK_SHIFT);
      Chunk chunk = chunks[c];
      if (chunk == null) {
        chunk = new Chunk();
        chunks[c] = chunk;
      }
      int pg = pageInChunk(price);
      Page page = chunk.pages[pg];
      if (page == null) {
        // A page is attached only while it has a non-empty level, and an order is about to rest.
        page = pool.acquire();
        chunk.pages[pg] = page;
        if (chunk.isEmpty()) {
          occupiedChunks.add(c);
        }
        chunk.add(pg);
      }
      return page;
    }

    /**
     * Records that {@code level} became empty: detaches its page if that was the page's last
     * non-empty level, and moves the best if it was the best.
     */
    void emptied(Level level) {
      long price = level.price;
      if (level.page.remove((int) price & PAGE_MASK)) {
        detach(level.page, price);
      }
      if (level == bestLevel) {
        Level next = after(level);
        bestLevel = next;
        best = next == null ? NO_PRICE : next.price;
        bestPage = next == null ? null : next.page;
      }
    }

    /** Returns the now empty page of {@code price} to the pool. */
    private void detach(Page page, long price) {
      int c = (int) (price >>> CHUNK_SHIFT);
      int pg = pageInChunk(price);
      Chunk chunk = chunks[c];
      chunk.pages[pg] = null;
      pool.release(page);
      if (chunk.remove(pg)) {
        occupiedChunks.remove(c);
      }
    }

    /**
     * The next non-empty level strictly worse than {@code level}'s price, or null. {@code level}
     * may have just emptied (its price and page are still its own; a detached page has no bits).
     */
    Level after(Level level) {
      Page page = level.page;
      int slot = (int) level.price & PAGE_MASK;
      int next = bid ? page.highestBelow(slot) : page.lowestAbove(slot);
      return next >= 0 ? page.levels[next] : afterPage(level.price);
    }

    /** The best non-empty level in the pages worse than that of {@code price}, or null. */
    private Level afterPage(long price) {
      // The chunk of price exists: a level of price was in it.
      int c = (int) (price >>> CHUNK_SHIFT);
      Chunk chunk = chunks[c];
      int pg = pageInChunk(price);
      int next = bid ? chunk.highestBelow(pg) : chunk.lowestAbove(pg);
      if (next < 0) {
        int other = bid ? occupiedChunks.highestBelow(c) : occupiedChunks.lowestAbove(c);
        if (other < 0) {
          return null;
        }
        chunk = chunks[other];
        next = bid ? chunk.highest() : chunk.lowest();
      }
      Page page = chunk.pages[next];
      return page.levels[bid ? page.highest() : page.lowest()];
    }

    private static int pageInChunk(long price) {
      return (int) (price >>> PAGE_SHIFT) & PAGE_MASK;
    }
  }

  /**
   * The pages of a chunk of {@value #PAGE_SIZE} pages ({@code 2^24} ticks): an entry is non-null,
   * and its bit set, exactly while that page has a non-empty level.
   */
  private static final class Chunk extends TwoLevelBitset {
    final Page[] pages = new Page[PAGE_SIZE];
  }

  /**
   * The levels of {@value #PAGE_SIZE} consecutive ticks (which ones: the page's slot in its chunk,
   * and each non-empty level's price), created on first use and kept with the page; the bits mark
   * the non-empty ones. A page emptied of orders returns to the {@link PagePool} and may come back
   * for any other range of either side.
   */
  private static final class Page extends TwoLevelBitset {
    final Level[] levels = new Level[PAGE_SIZE];
    Page nextFree;
  }

  /** Pages not attached to either side, kept for reuse so that steady trading allocates none. */
  private static final class PagePool {
    private Page free;
    int allocated;
    int inUse;

    Page acquire() {
      inUse++;
      Page page = free;
      if (page == null) {
        allocated++;
        return new Page();
      }
      free = page.nextFree;
      page.nextFree = null;
      return page;
    }

    void release(Page page) {
      inUse--;
      page.nextFree = free;
      free = page;
    }
  }

  /** The orders resting at one price, oldest first, with their total lots. */
  private static final class Level {
    final Page page;

    /** The level's price while it is non-empty; set each time it becomes non-empty. */
    long price;

    Order head;
    Order tail;
    long qty;

    Level(Page page) {
      this.page = page;
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
