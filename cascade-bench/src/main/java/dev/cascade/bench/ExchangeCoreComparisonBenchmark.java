package dev.cascade.bench;

import static dev.cascade.bench.CommandStream.CANCEL;
import static dev.cascade.bench.CommandStream.IMMEDIATE;

import dev.cascade.market.LadderOrderBook;
import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.IOrder;
import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * Cascade's {@link LadderOrderBook} against exchange-core's {@link OrderBookDirectImpl}
 * (exchange.core2:exchange-core 0.5.3), one command per invocation, both replaying one shared
 * command stream in a loop, ids shifted by the stream's id span on each pass: the {@link
 * CommandStream} of {@link OrderBookBenchmark} (same parameters, same seed), followed by a few
 * cancels described below.
 *
 * <p>{@link #cascade} does what {@link OrderBookBenchmark#command} does (a {@link CascadeReplay}).
 * {@link #exchangeCore} drives exchange-core as its own order book performance test does ({@code
 * ITOrderBookDirectImpl} and {@code ITOrderBookBase}: {@code ObjectsPool.createDefaultTestPool()},
 * {@code OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER}, {@code LoggingConfiguration.DEFAULT}; one
 * work {@link OrderCommand} rewritten for each command, its result code reset to {@code
 * VALID_FOR_MATCHING_ENGINE}, then {@link IOrderBook#processCommand}), on a currency-pair symbol
 * with scales of 1 and no fees: a limit order is a {@code GTC} order, an immediate-or-cancel order
 * an {@code IOC} order at the same protection price (a bid's reserve price is its price), a cancel
 * a {@code CANCEL_ORDER} with the order's owner (exchange-core checks it). No command object is
 * allocated in the measured path. exchange-core allocates one {@link MatcherTradeEvent} per trade,
 * per cancel and per unfilled IOC remainder (event pooling is off in 0.5.3, {@code
 * ExchangeCore.EVENTS_POOLING} being false, so a pooled events helper would allocate the same),
 * attached to the command; the benchmark walks the chain, sums the lots traded into a field, and
 * clears it before the next command. Cascade's book reports to a listener through primitive
 * arguments and allocates nothing.
 *
 * <p>The stream is shared in its commands, not in their outcomes. Cascade's book applies self-trade
 * prevention: an incoming order meeting a resting order of its own account cancels that resting
 * order and goes on matching. exchange-core has no self-trade prevention and trades them, so the
 * incoming order fills less from other accounts' orders, which stay in exchange-core's book where
 * Cascade's filled them. The stream was generated on Cascade's book, so it never cancels those:
 * they rest until a later order matches them, and on the default stream ({@code restingOrders}
 * 3,000, mid at 50,000) exchange-core holds 3,125 resting orders on average over a pass against
 * 2,686 on Cascade's book, 2,655 of the stream's 224,138 cancels find nothing there (exchange-core
 * filled the order), and 656 orders still rest at the end of a pass; left there, they would pile up
 * pass after pass (656, 929, 1,186 after three passes). So setup replays one pass on
 * exchange-core's book and appends a cancel of each order it still holds, with its owner, to the
 * stream both books replay (on Cascade's book these are cancels of unknown ids, which miss): 0.06%
 * more commands, and both books are empty at the end of every pass.
 *
 * <p>Setup (not timed) then replays one whole pass of that stream on a fresh book of each kind
 * through the benchmark methods themselves, checks that both end empty (it throws if not), and
 * starts the measured books afresh. One pass of the default stream trades 18,825,666 lots on
 * Cascade's book and 19,128,940 on exchange-core's (1.6% more: resting lots that self-trade
 * prevention cancels on Cascade's book trade on exchange-core's).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExchangeCoreComparisonBenchmark {
  /** Steady-state number of resting orders. */
  @Param({"3000"})
  public int restingOrders;

  /** Where the mid starts, in ticks. */
  @Param({"50000"})
  public long startMidTicks;

  private CommandStream stream;
  private CascadeReplay cascadeReplay;

  private IOrderBook exchangeBook;
  private final OrderCommand work = new OrderCommand();
  private long exchangeLotsTraded;
  private long exchangeLotsOther;
  private int exchangeCursor;
  private long exchangeIdShift;

  /** Lots traded over the one pass replayed in setup, on Cascade's book. */
  long setupLotsTradedCascade;

  /** Lots traded over the one pass replayed in setup, on exchange-core's book. */
  long setupLotsTradedExchangeCore;

  /**
   * Cancels appended to the stream for the orders exchange-core still holds at the end of a pass.
   */
  int appendedCancels;

  @Setup(Level.Trial)
  public void generate() {
    CommandStream generated = CommandStream.generate(restingOrders, startMidTicks);
    stream = generated;
    freshBooks();
    for (int i = 0; i < stream.length; i++) {
      exchangeCore();
    }
    List<IOrder> left =
        Stream.<IOrder>concat(
                exchangeBook.askOrdersStream(false), exchangeBook.bidOrdersStream(false))
            .sorted(Comparator.comparingLong(IOrder::getOrderId))
            .collect(Collectors.toList());
    long[] leftIds = new long[left.size()];
    int[] leftOwners = new int[left.size()];
    for (int j = 0; j < leftIds.length; j++) {
      leftIds[j] = left.get(j).getOrderId();
      leftOwners[j] = Math.toIntExact(left.get(j).getUid());
    }
    appendedCancels = leftIds.length;
    stream = generated.withCancels(leftIds, leftOwners);

    freshBooks();
    for (int i = 0; i < stream.length; i++) {
      cascade();
      exchangeCore();
    }
    int cascadeLeft = cascadeReplay.orderCount();
    int exchangeLeft =
        exchangeBook.getOrdersNum(OrderAction.ASK) + exchangeBook.getOrdersNum(OrderAction.BID);
    if (cascadeLeft != 0 || exchangeLeft != 0) {
      throw new IllegalStateException(
          "a pass of the stream must leave both books empty; orders left: Cascade "
              + cascadeLeft
              + ", exchange-core "
              + exchangeLeft);
    }
    setupLotsTradedCascade = cascadeReplay.lotsTraded();
    setupLotsTradedExchangeCore = exchangeLotsTraded;
    freshBooks();
  }

  private void freshBooks() {
    cascadeReplay = new CascadeReplay(stream);

    CoreSymbolSpecification symbol =
        CoreSymbolSpecification.builder()
            .symbolId(1)
            .type(SymbolType.CURRENCY_EXCHANGE_PAIR)
            .baseScaleK(1)
            .quoteScaleK(1)
            .takerFee(0)
            .makerFee(0)
            .build();
    exchangeBook =
        new OrderBookDirectImpl(
            symbol,
            ObjectsPool.createDefaultTestPool(),
            OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER,
            LoggingConfiguration.DEFAULT);
    exchangeLotsTraded = 0;
    exchangeLotsOther = 0;
    exchangeCursor = 0;
    exchangeIdShift = 0;
  }

  /**
   * Applies the next command of the stream to Cascade's book; returns lots filled, or 1 for a
   * cancel that hit.
   */
  @Benchmark
  public long cascade() {
    return cascadeReplay.next();
  }

  /**
   * Applies the next command of the stream to exchange-core's book; returns lots filled, or 1 for a
   * cancel that hit.
   */
  @Benchmark
  public long exchangeCore() {
    CommandStream st = stream;
    int i = exchangeCursor;
    OrderCommand cmd = work;
    cmd.orderId = st.id[i] + exchangeIdShift;
    cmd.uid = st.account[i];
    if (st.kind[i] == CANCEL) {
      cmd.command = OrderCommandType.CANCEL_ORDER;
    } else {
      boolean isBuy = st.buy[i];
      cmd.command = OrderCommandType.PLACE_ORDER;
      cmd.orderType = st.kind[i] == IMMEDIATE ? OrderType.IOC : OrderType.GTC;
      cmd.action = isBuy ? OrderAction.BID : OrderAction.ASK;
      cmd.price = st.price[i];
      cmd.reserveBidPrice = isBuy ? st.price[i] : 0;
      cmd.size = st.qty[i];
    }
    cmd.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE;
    CommandResultCode code = IOrderBook.processCommand(exchangeBook, cmd);
    long traded = 0;
    long other = 0;
    for (MatcherTradeEvent e = cmd.matcherEvent; e != null; e = e.nextEvent) {
      if (e.eventType == MatcherEventType.TRADE) {
        traded += e.size;
      } else {
        other += e.size;
      }
    }
    cmd.matcherEvent = null;
    exchangeLotsTraded += traded;
    exchangeLotsOther += other;
    if (++i == st.length) {
      i = 0;
      exchangeIdShift += st.idSpan;
    }
    exchangeCursor = i;
    if (cmd.command == OrderCommandType.CANCEL_ORDER) {
      return code == CommandResultCode.SUCCESS ? 1 : 0;
    }
    return traded;
  }
}
