package dev.cascade.market;

import static dev.cascade.market.ExchangeFixture.SPY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cascade.cause.CauseKind;
import dev.cascade.market.ExchangeFixture.Fill;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stop orders wait until a trade prints at or through their level (sell stops at or below, buy
 * stops at or above), then go to the book as market orders, nearest first and then oldest first,
 * each with a STOP cause whose parent is the cause of the order that printed.
 */
class ExchangeStopTest {
  private ExchangeFixture f;
  private Exchange x;
  private int maker;
  private int taker;

  @BeforeEach
  void tuesdayMorning() {
    f = ExchangeFixture.at("2025-11-18T10:00");
    x = f.exchange;
    maker = f.whale("maker");
    taker = f.whale("taker");
  }

  private List<Fill> fillsSince(int from) {
    return f.fills.subList(from, f.fills.size());
  }

  @Test
  void aSellStopWaitsAboveItsLevelAndTriggersOnAPrintAtIt() {
    int stopper = f.whale("stopper");
    long stop = x.stop(stopper, SPY, Side.SELL, 9_900, 5, 0);
    x.limit(maker, SPY, Side.BUY, 9_950, 1, 0);
    x.limit(maker, SPY, Side.BUY, 9_900, 1, 0);
    x.limit(maker, SPY, Side.BUY, 9_800, 10, 0);

    x.market(taker, SPY, Side.SELL, 1, 0); // prints 99.50: above the stop

    assertThat(x.openQty(stop)).isEqualTo(5);
    int before = f.fills.size();

    x.market(taker, SPY, Side.SELL, 1, 0); // prints 99.00: at the stop

    assertThat(x.openQty(stop)).isZero();
    assertThat(x.pendingStops(SPY)).isZero();
    assertThat(fillsSince(before))
        .extracting(Fill::sellAccount, Fill::price, Fill::qty)
        .containsExactly(tuple(taker, 9_900L, 1L), tuple(stopper, 9_800L, 5L));
  }

  @Test
  void aBuyStopTriggersOnAPrintAtOrAboveItsLevelButNotBelow() {
    int stopper = f.whale("stopper");
    long stop = x.stop(stopper, SPY, Side.BUY, 10_100, 2, 0);
    x.limit(maker, SPY, Side.SELL, 10_050, 1, 0);
    x.limit(maker, SPY, Side.SELL, 10_200, 1, 0);
    x.limit(maker, SPY, Side.SELL, 10_300, 5, 0);

    x.market(taker, SPY, Side.BUY, 1, 0); // 100.50
    assertThat(x.openQty(stop)).isEqualTo(2);

    x.market(taker, SPY, Side.BUY, 1, 0); // 102.00: through the stop
    assertThat(x.openQty(stop)).isZero();
    assertThat(f.fills.get(f.fills.size() - 1).buyAccount()).isEqualTo(stopper);
    assertThat(f.ledger.position(stopper, SPY)).isEqualTo(1_000_002);
  }

  @Test
  void stopsTriggeredTogetherGoNearestFirstThenOldestFirst() {
    int a = f.whale("a-oldest-at-99");
    int b = f.whale("b-at-99.50");
    int c = f.whale("c-newer-at-99");
    int d = f.whale("d-at-98");
    x.stop(a, SPY, Side.SELL, 9_900, 1, 0);
    x.stop(b, SPY, Side.SELL, 9_950, 1, 0);
    x.stop(c, SPY, Side.SELL, 9_900, 1, 0);
    x.stop(d, SPY, Side.SELL, 9_800, 1, 0);
    x.limit(maker, SPY, Side.BUY, 9_850, 1, 0);
    x.limit(maker, SPY, Side.BUY, 9_700, 100, 0);
    int before = f.fills.size();

    x.market(taker, SPY, Side.SELL, 1, 0); // prints 98.50: a, b and c are through; d is not

    assertThat(fillsSince(before)).extracting(Fill::sellAccount).containsExactly(taker, b, a, c, d);
  }

  @Test
  void eachTriggeredStopHasAStopCauseChildOfThePrintingOrderLinkedToTheStopsOwnCause() {
    int stopper = f.whale("stopper");
    int stopCause = f.cause("stop placed");
    int printCause = f.cause("the seller");
    x.stop(stopper, SPY, Side.SELL, 9_900, 3, stopCause);
    x.limit(maker, SPY, Side.BUY, 9_900, 1, 0);
    x.limit(maker, SPY, Side.BUY, 9_800, 10, 0);

    x.market(taker, SPY, Side.SELL, 1, printCause);

    Fill stopFill = f.fills.get(f.fills.size() - 1);
    assertThat(stopFill.sellAccount()).isEqualTo(stopper);
    int c = stopFill.sellCause();
    assertThat(f.causes.kind(c)).isEqualTo(CauseKind.STOP);
    assertThat(f.causes.parent(c)).isEqualTo(printCause);
    assertThat(f.causes.links()).anySatisfy(l -> assertThat(l).containsExactly(c, stopCause));
  }

  @Test
  void aStopTriggeredByAnotherStopsPrintDescendsFromThatStop() {
    int first = f.whale("first");
    int second = f.whale("second");
    int printCause = f.cause("the seller");
    x.stop(first, SPY, Side.SELL, 9_900, 1, f.cause("first stop"));
    x.stop(second, SPY, Side.SELL, 9_800, 1, f.cause("second stop"));
    x.limit(maker, SPY, Side.BUY, 9_900, 1, 0);
    x.limit(maker, SPY, Side.BUY, 9_800, 1, 0);
    x.limit(maker, SPY, Side.BUY, 9_700, 1, 0);

    x.market(taker, SPY, Side.SELL, 1, printCause); // 99.00 -> first prints 98.00 -> second

    List<Fill> all = f.fills;
    Fill firstFill = all.get(all.size() - 2);
    Fill secondFill = all.get(all.size() - 1);
    assertThat(firstFill.sellAccount()).isEqualTo(first);
    assertThat(secondFill.sellAccount()).isEqualTo(second);
    assertThat(f.causes.parent(firstFill.sellCause())).isEqualTo(printCause);
    assertThat(f.causes.parent(secondFill.sellCause())).isEqualTo(firstFill.sellCause());
  }

  @Test
  void stopsThroughTheSamePrintShareItsCauseAsParent() {
    int a = f.whale("a");
    int b = f.whale("b");
    int printCause = f.cause("the seller");
    x.stop(a, SPY, Side.SELL, 9_950, 1, 0);
    x.stop(b, SPY, Side.SELL, 9_900, 1, 0);
    x.limit(maker, SPY, Side.BUY, 9_850, 1, 0);
    x.limit(maker, SPY, Side.BUY, 9_700, 10, 0);

    x.market(taker, SPY, Side.SELL, 1, printCause); // 98.50: both already through

    List<Fill> all = f.fills;
    assertThat(f.causes.parent(all.get(all.size() - 2).sellCause())).isEqualTo(printCause);
    assertThat(f.causes.parent(all.get(all.size() - 1).sellCause())).isEqualTo(printCause);
  }

  @Test
  void aStopAlreadyThroughTheLastPriceTriggersAtOnce() {
    int stopper = f.whale("stopper");
    x.limit(maker, SPY, Side.BUY, 9_990, 10, 0);
    int own = f.cause("late stop");

    // Last price is the reference, 100.00: a sell stop at 100.50 is already through it.
    long id = x.stop(stopper, SPY, Side.SELL, 10_050, 4, own);

    assertThat(id).isPositive();
    assertThat(x.openQty(id)).isZero();
    assertThat(x.pendingStops(SPY)).isZero();
    Fill fill = f.fills.get(f.fills.size() - 1);
    assertThat(fill.sellAccount()).isEqualTo(stopper);
    assertThat(fill.qty()).isEqualTo(4);
    assertThat(f.causes.kind(fill.sellCause())).isEqualTo(CauseKind.STOP);
  }

  @Test
  void aCancelledStopNeverTriggers() {
    int stopper = f.whale("stopper");
    long id = x.stop(stopper, SPY, Side.SELL, 9_900, 1, 0);
    x.limit(maker, SPY, Side.BUY, 9_800, 10, 0);

    assertThat(x.cancel(stopper, id)).isNull();
    x.market(taker, SPY, Side.SELL, 1, 0);

    assertThat(f.fills).extracting(Fill::sellAccount).containsExactly(taker);
  }
}
