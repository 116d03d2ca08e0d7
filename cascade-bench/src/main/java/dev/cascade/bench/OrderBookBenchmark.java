package dev.cascade.bench;

import dev.cascade.kernel.SessionKind;
import dev.cascade.market.AssetClass;
import dev.cascade.market.BookListener;
import dev.cascade.market.CancelReason;
import dev.cascade.market.Instrument;
import dev.cascade.market.LadderOrderBook;
import dev.cascade.market.OrderBook;
import dev.cascade.market.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of {@link LadderOrderBook} on a realistic command mix, one command per invocation.
 *
 * <p>The stream ({@value #STREAM_LENGTH} commands, seed {@value #SEED}) is generated in setup by
 * running it against a scratch book: 60% limit orders at a geometric distance from a randomly
 * walking mid (mean {@value #MEAN_DISTANCE_TICKS} ticks, most at or near the touch), 30% cancels of
 * uniformly chosen live orders, 10% immediate-or-cancel orders at a protection price 50 ticks
 * through the mid that are larger than the average resting order. 50 accounts, so self-trade
 * prevention happens. The book is held near {@code restingOrders} orders: above 110% of it a
 * placement becomes a cancel, below 90% a cancel becomes a placement. The stream ends with cancels
 * of whatever still rests, so it leaves the book empty and can be replayed in a loop, ids shifted
 * by the stream's id span on each pass; that build-up and drain are under 1% of a pass.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderBookBenchmark {
  static final int STREAM_LENGTH = 1 << 20;
  static final long SEED = 20_240_601L;
  static final double MEAN_DISTANCE_TICKS = 6;
  private static final long MAX_PRICE_TICKS = 100_000;
  private static final int ACCOUNTS = 50;

  private static final byte LIMIT = 0;
  private static final byte IMMEDIATE = 1;
  private static final byte CANCEL = 2;

  /** Steady-state number of resting orders. */
  @Param({"3000"})
  public int restingOrders;

  /**
   * Where the mid starts, in ticks. The default sits well inside one page of the book's ladder
   * (pages are 4,096 ticks); 49152, a page boundary, keeps the book across two pages, so the best
   * level moves between pages and pages go back to the pool and return.
   */
  @Param({"50000"})
  public long startMidTicks;

  private byte[] kind;
  private boolean[] buy;
  private int[] account;
  private long[] id;
  private long[] price;
  private long[] qty;
  private int length;
  private long idSpan;

  private OrderBook book;
  private TradeTally tally;
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

  @Setup(Level.Trial)
  public void generate() {
    int capacity = STREAM_LENGTH + 4 * restingOrders;
    kind = new byte[capacity];
    buy = new boolean[capacity];
    account = new int[capacity];
    id = new long[capacity];
    price = new long[capacity];
    qty = new long[capacity];

    SplittableRandom random = new SplittableRandom(SEED);
    OrderBook scratch = new LadderOrderBook(instrument(), MAX_PRICE_TICKS, new TradeTally());
    List<Long> maybeLive = new ArrayList<>();
    double p = 1 / (1 + MEAN_DISTANCE_TICKS);
    long mid = startMidTicks;
    long nextId = 1;
    int n = 0;
    while (n < STREAM_LENGTH) {
      if (random.nextInt(20) == 0) {
        mid += random.nextBoolean() ? 1 : -1;
      }
      int r = random.nextInt(100);
      int live = scratch.orderCount();
      boolean place = r < 60 || (r < 90 && live < restingOrders * 0.9);
      if (r < 60 && live > restingOrders * 1.1) {
        place = false;
      }
      if (r < 90 && !place) {
        long victim = takeLive(maybeLive, scratch, random);
        if (victim != 0) {
          kind[n] = CANCEL;
          id[n] = victim;
          scratch.cancel(victim);
          n++;
          continue;
        }
      }
      boolean isBuy = random.nextBoolean();
      long distance = (long) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
      boolean marketable = r >= 90;
      kind[n] = marketable ? IMMEDIATE : LIMIT;
      buy[n] = isBuy;
      account[n] = 1 + random.nextInt(ACCOUNTS);
      id[n] = nextId++;
      if (marketable) {
        price[n] = isBuy ? mid + 50 : mid - 50;
        qty[n] = 50 + random.nextInt(150);
      } else {
        price[n] = isBuy ? mid - distance : mid + 1 + distance;
        qty[n] = 1 + random.nextInt(100);
        maybeLive.add(id[n]);
      }
      scratch.submit(
          id[n], account[n], isBuy ? Side.BUY : Side.SELL, price[n], qty[n], 0, marketable);
      n++;
    }
    for (long candidate : maybeLive) {
      if (scratch.cancel(candidate)) {
        kind[n] = CANCEL;
        id[n] = candidate;
        n++;
      }
    }
    length = n;
    idSpan = nextId;
    book = new LadderOrderBook(instrument(), MAX_PRICE_TICKS, tally = new TradeTally());
    cursor = 0;
    idShift = 0;
  }

  private static long takeLive(List<Long> maybeLive, OrderBook book, SplittableRandom random) {
    while (!maybeLive.isEmpty()) {
      int i = random.nextInt(maybeLive.size());
      long candidate = maybeLive.get(i);
      maybeLive.set(i, maybeLive.get(maybeLive.size() - 1));
      maybeLive.remove(maybeLive.size() - 1);
      if (book.remaining(candidate) > 0) {
        return candidate;
      }
    }
    return 0;
  }

  private static Instrument instrument() {
    return new Instrument(
        0,
        "BENCH",
        AssetClass.ETF,
        new BigDecimal("0.01"),
        BigDecimal.ONE,
        BigDecimal.ONE,
        "USD",
        SessionKind.US_EQUITY,
        MAX_PRICE_TICKS / 2);
  }

  /** Applies the next command of the stream; returns lots filled, or 1 for a cancel that hit. */
  @Benchmark
  public long command() {
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
}
