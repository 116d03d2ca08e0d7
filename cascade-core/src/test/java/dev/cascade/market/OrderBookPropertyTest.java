package dev.cascade.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.market.RandomOrderFlow.Command;
import dev.cascade.market.RandomOrderFlow.Submit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariants of the fast book, checked after every command of seeded random order flow against a
 * shadow model built only from what the book reports: the book is never crossed at rest; every lot
 * submitted is filled, cancelled, dropped (an immediate-or-cancel remainder) or still resting, per
 * order and in total; and trades and self-trade cancels take the best price first and, within a
 * price, the oldest order first.
 */
class OrderBookPropertyTest {
  private static final long MAX_PRICE = 2_000;
  private static final int COMMANDS = 5_000;

  /** What the shadow model knows of one submitted order. */
  private static final class Lots {
    final Side side;
    final long price;
    final long submitted;
    long filled;
    long cancelled;
    long dropped;
    long resting;

    Lots(Side side, long price, long submitted) {
      this.side = side;
      this.price = price;
      this.submitted = submitted;
    }
  }

  private final Map<Long, Lots> orders = new HashMap<>();
  private final Map<Long, Lots> resting = new LinkedHashMap<>();
  private Submit incoming;
  private long filledThisCall;
  private long tradedTotal;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3, 11, 99, 31_337, 8_675_309})
  void invariantsHoldAfterEveryCommand(long seed) {
    OrderBook book = new LadderOrderBook(TestInstruments.spy(), MAX_PRICE, new ShadowListener());
    RandomOrderFlow flow = new RandomOrderFlow(seed, MAX_PRICE);

    for (int i = 1; i <= COMMANDS; i++) {
      Command command = flow.next(book);
      String where = "seed " + seed + ", command " + i + ": " + command;
      incoming = command instanceof Submit s ? s : null;
      filledThisCall = 0;
      if (incoming != null) {
        orders.put(incoming.id(), new Lots(incoming.side(), incoming.price(), incoming.qty()));
      }
      long result = command.applyTo(book);
      if (incoming != null) {
        assertThat(result).as(where).isEqualTo(filledThisCall);
        Lots lots = orders.get(incoming.id());
        long left = incoming.qty() - result;
        if (incoming.ioc()) {
          lots.dropped = left;
        } else if (left > 0) {
          lots.resting = left;
          resting.put(incoming.id(), lots);
        }
      }
      assertInvariants(book, where);
    }
  }

  private void assertInvariants(OrderBook book, String where) {
    long bid = book.bestBid();
    long ask = book.bestAsk();
    if (bid != OrderBook.NO_PRICE && ask != OrderBook.NO_PRICE) {
      assertThat(bid).as("not crossed at rest; " + where).isLessThan(ask);
    }
    assertThat(book.orderCount()).as(where).isEqualTo(resting.size());
    long submitted = 0;
    long cancelled = 0;
    long dropped = 0;
    for (Map.Entry<Long, Lots> e : orders.entrySet()) {
      Lots lots = e.getValue();
      // Plain comparisons first: building an assertion per order per command would dominate.
      long remaining = book.remaining(e.getKey());
      if (remaining != lots.resting
          || lots.filled + lots.cancelled + lots.dropped + lots.resting != lots.submitted) {
        assertThat(remaining).as("order %d; %s", e.getKey(), where).isEqualTo(lots.resting);
        assertThat(lots.filled + lots.cancelled + lots.dropped + lots.resting)
            .as("lots of order %d are conserved; %s", e.getKey(), where)
            .isEqualTo(lots.submitted);
      }
      submitted += lots.submitted;
      cancelled += lots.cancelled;
      dropped += lots.dropped;
    }
    long onBook =
        book.depthWithin(Side.BUY, Integer.MAX_VALUE)
            + book.depthWithin(Side.SELL, Integer.MAX_VALUE);
    assertThat(2 * tradedTotal + cancelled + dropped + onBook)
        .as("all lots are conserved; " + where)
        .isEqualTo(submitted);
  }

  /**
   * The order a match must touch next on the side {@code side}: best price, then lowest id (ids
   * increase with time and a reduce keeps priority, so the oldest is the lowest).
   */
  private long nextInPriority(Side side) {
    long best = 0;
    Lots bestLots = null;
    for (Map.Entry<Long, Lots> e : resting.entrySet()) {
      Lots lots = e.getValue();
      if (lots.side != side) {
        continue;
      }
      boolean better =
          bestLots == null
              || (side == Side.BUY ? lots.price > bestLots.price : lots.price < bestLots.price)
              || (lots.price == bestLots.price && e.getKey() < best);
      if (better) {
        best = e.getKey();
        bestLots = lots;
      }
    }
    return best;
  }

  private final class ShadowListener implements BookListener {
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
      assertThat(incoming).as("trades happen only on submit").isNotNull();
      assertThat(takerOrderId).isEqualTo(incoming.id());
      assertThat(aggressor).isEqualTo(incoming.side());
      assertThat(makerOrderId)
          .as("price-time priority")
          .isEqualTo(nextInPriority(aggressor.opposite()));
      assertThat(makerAccount).as("no self-trade").isNotEqualTo(takerAccount);
      Lots maker = resting.get(makerOrderId);
      assertThat(price).as("trades at the maker's price").isEqualTo(maker.price);
      assertThat(aggressor == Side.BUY ? price <= incoming.price() : price >= incoming.price())
          .as("within the taker's limit")
          .isTrue();
      maker.filled += qty;
      maker.resting -= qty;
      assertThat(makerRemaining).isEqualTo(maker.resting);
      if (maker.resting == 0) {
        resting.remove(makerOrderId);
      }
      orders.get(takerOrderId).filled += qty;
      filledThisCall += qty;
      tradedTotal += qty;
    }

    @Override
    public void onCancel(
        long orderId, int account, Side side, long price, long qty, CancelReason reason) {
      Lots lots = resting.get(orderId);
      assertThat(lots).as("cancelled order %d was resting", orderId).isNotNull();
      assertThat(price).isEqualTo(lots.price);
      assertThat(side).isEqualTo(lots.side);
      assertThat(qty).isPositive().isLessThanOrEqualTo(lots.resting);
      if (reason == CancelReason.SELF_TRADE) {
        assertThat(incoming).isNotNull();
        assertThat(account).isEqualTo(incoming.account());
        assertThat(orderId).as("price-time priority").isEqualTo(nextInPriority(side));
        assertThat(qty).isEqualTo(lots.resting);
      } else {
        assertThat(reason).isEqualTo(CancelReason.USER);
      }
      lots.cancelled += qty;
      lots.resting -= qty;
      if (lots.resting == 0) {
        resting.remove(orderId);
      }
    }
  }
}
