package dev.cascade.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The event queue pops events in (time, priority, sequence) order: earliest first, then lowest
 * priority, then the one scheduled first. Checked against a naive reference: a list kept sorted by
 * the same key.
 */
class EventQueueTest {
  private static final Wakeable NOBODY = (t, tag) -> {};

  /** One scheduled event in the reference model; {@code tag} identifies it. */
  private record Event(long time, int priority, long seq, int tag) {}

  private static final Comparator<Event> ORDER =
      Comparator.comparingLong(Event::time)
          .thenComparingInt(Event::priority)
          .thenComparingLong(Event::seq);

  @Test
  void popsByTimeThenPriorityThenSchedulingOrder() {
    EventQueue q = new EventQueue(4);
    q.schedule(20, Priority.AGENT, NOBODY, 1);
    q.schedule(10, Priority.AGENT, NOBODY, 2);
    q.schedule(10, Priority.MARKET_STRUCTURE, NOBODY, 3);
    q.schedule(10, Priority.AGENT, NOBODY, 4);
    q.schedule(10, Priority.SAMPLING, NOBODY, 5);

    List<Integer> tags = new ArrayList<>();
    while (q.pop()) {
      tags.add(q.currentTag());
    }

    assertThat(tags).containsExactly(3, 2, 4, 5, 1);
  }

  @Test
  void emptyQueueHasNothingToPopAndNoNextTime() {
    EventQueue q = new EventQueue(0);

    assertThat(q.pop()).isFalse();
    assertThat(q.peekTime()).isEqualTo(Long.MAX_VALUE);
    assertThat(q.size()).isZero();
  }

  @Test
  void equalKeysPopInSchedulingOrderEvenAfterGrowing() {
    EventQueue q = new EventQueue(1);
    for (int i = 0; i < 1_000; i++) {
      q.schedule(5, Priority.AGENT, NOBODY, i);
    }

    for (int i = 0; i < 1_000; i++) {
      assertThat(q.pop()).isTrue();
      assertThat(q.currentTag()).isEqualTo(i);
    }
    assertThat(q.pop()).isFalse();
  }

  @Test
  void prioritiesOutsideThePackedRangeAreRefusedAndTheExtremesOrder() {
    EventQueue q = new EventQueue(4);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> q.schedule(1, -1, NOBODY, 0))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> q.schedule(1, EventQueue.MAX_PRIORITY + 1, NOBODY, 0))
        .isInstanceOf(IllegalArgumentException.class);
    q.schedule(7, EventQueue.MAX_PRIORITY, NOBODY, 1);
    q.schedule(7, 0, NOBODY, 2);
    q.schedule(-3, EventQueue.MAX_PRIORITY, NOBODY, 3);
    List<Integer> tags = new ArrayList<>();
    while (q.pop()) {
      tags.add(q.currentTag());
    }
    assertThat(tags).containsExactly(3, 2, 1);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 42, 2_025, 987_654_321})
  void matchesASortedListOverRandomSchedulesAndPops(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    EventQueue q = new EventQueue(2);
    List<Event> reference = new ArrayList<>();
    Wakeable[] targets = {NOBODY, (t, tag) -> {}, (t, tag) -> {}};
    List<Wakeable> referenceTargets = new ArrayList<>();
    long seq = 0;
    int tag = 0;
    long floor = 0;

    for (int op = 0; op < 20_000; op++) {
      if (rng.nextInt(100) < 55 || reference.isEmpty()) {
        // Few distinct times and priorities, so ties are common.
        long time = floor + rng.nextInt(20);
        int priority = new int[] {0, 10, 20, 50, 90}[rng.nextInt(5)];
        Wakeable who = targets[rng.nextInt(targets.length)];
        q.schedule(time, priority, who, tag);
        reference.add(new Event(time, priority, seq++, tag));
        referenceTargets.add(who);
        tag++;
      } else {
        Event expected = reference.stream().min(ORDER).orElseThrow();
        Wakeable expectedTarget = referenceTargets.get(expected.tag());
        reference.remove(expected);
        assertThat(q.peekTime()).as("op %d", op).isEqualTo(expected.time());
        assertThat(q.pop()).isTrue();
        assertThat(q.currentTag()).as("op %d", op).isEqualTo(expected.tag());
        assertThat(q.currentTime()).isEqualTo(expected.time());
        assertThat(q.currentTarget()).isSameAs(expectedTarget);
        floor = expected.time();
      }
      assertThat(q.size()).isEqualTo(reference.size());
    }
    assertThat(q.scheduledCount()).isEqualTo(seq);
  }
}
