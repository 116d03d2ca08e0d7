package dev.cascade.market;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of order book commands resembling a busy book: about 60% limit orders near a
 * drifting mid (distance from the mid geometric, so most rest at the touch), 25% cancels and 5%
 * reduces of live orders, 10% marketable orders (mostly immediate-or-cancel at a protection price).
 * Four accounts share the flow, so self-trade prevention happens.
 *
 * <p>A scale above one spreads the same flow over a wider price range: the mid moves in steps of
 * {@code scale} ticks, and distances from it are {@code scale} times as large, with a uniform
 * jitter of up to {@code scale} ticks so that most levels hold one order.
 *
 * <p>Which orders are live is read from an oracle book, which must be fed every command; the stream
 * is a function of the seed and of that book's answers only.
 */
final class RandomOrderFlow {
  static final int ACCOUNTS = 4;

  /** One command to an order book. */
  sealed interface Command permits Submit, Cancel, Reduce {
    /** Applies the command and returns what the book returned, as a long (booleans as 0/1). */
    long applyTo(OrderBook book);
  }

  record Submit(long id, int account, Side side, long price, long qty, boolean ioc)
      implements Command {
    @Override
    public long applyTo(OrderBook book) {
      return book.submit(id, account, side, price, qty, (int) (id % 7), ioc);
    }
  }

  record Cancel(long id) implements Command {
    @Override
    public long applyTo(OrderBook book) {
      return book.cancel(id) ? 1 : 0;
    }
  }

  record Reduce(long id, long newQty) implements Command {
    @Override
    public long applyTo(OrderBook book) {
      return book.reduce(id, newQty) ? 1 : 0;
    }
  }

  private final SplittableRandom random;
  private final long maxPrice;
  private final long scale;
  private final List<Long> maybeLive = new ArrayList<>();
  private long mid;
  private long nextId = 1;

  RandomOrderFlow(long seed, long maxPrice) {
    this(seed, maxPrice, maxPrice / 2, 1);
  }

  /** A flow whose mid starts at {@code mid}, spread by {@code scale} (see the class comment). */
  RandomOrderFlow(long seed, long maxPrice, long mid, long scale) {
    this.random = new SplittableRandom(seed);
    this.maxPrice = maxPrice;
    this.mid = mid;
    this.scale = scale;
  }

  /** The next command, given the book the previous ones were applied to. */
  Command next(OrderBook oracle) {
    if (random.nextInt(10) == 0) {
      mid =
          Math.max(
              60 * scale,
              Math.min(maxPrice - 60 * scale, mid + (random.nextBoolean() ? scale : -scale)));
    }
    int r = random.nextInt(100);
    if (r >= 60 && r < 90) {
      long id = pickLive(oracle);
      if (id > 0) {
        if (r < 85) {
          return new Cancel(id);
        }
        long remaining = oracle.remaining(id);
        long newQty = random.nextInt(8) == 0 ? remaining : random.nextLong(remaining);
        return new Reduce(id, newQty);
      }
    }
    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
    int account = 1 + random.nextInt(ACCOUNTS);
    long id = nextId++;
    if (r >= 90) {
      boolean ioc = random.nextInt(10) < 7;
      long reach = (ioc ? 20 : 2) * scale;
      long price = side == Side.BUY ? mid + reach : mid - reach;
      return remember(new Submit(id, account, side, price, 1 + random.nextInt(30), ioc));
    }
    long distance = geometric(0.3) * scale + (scale > 1 ? random.nextLong(scale) : 0);
    long price = side == Side.BUY ? mid - distance : mid + 1 + distance;
    price = Math.max(1, Math.min(maxPrice, price));
    return remember(new Submit(id, account, side, price, 1 + random.nextInt(10), false));
  }

  private Submit remember(Submit submit) {
    if (!submit.ioc()) {
      maybeLive.add(submit.id());
    }
    return submit;
  }

  /** A random live order id, or 0 if none was found in a few tries. */
  private long pickLive(OrderBook oracle) {
    for (int attempt = 0; attempt < 4 && !maybeLive.isEmpty(); attempt++) {
      int i = random.nextInt(maybeLive.size());
      long id = maybeLive.get(i);
      if (oracle.remaining(id) > 0) {
        return id;
      }
      maybeLive.set(i, maybeLive.get(maybeLive.size() - 1));
      maybeLive.remove(maybeLive.size() - 1);
    }
    return 0;
  }

  /** Number of failures before the first success, success probability {@code p}. */
  private long geometric(double p) {
    return (long) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
  }
}
