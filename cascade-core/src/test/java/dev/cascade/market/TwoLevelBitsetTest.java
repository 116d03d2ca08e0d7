package dev.cascade.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two-level bitset answers as a sorted set of the same members does. */
class TwoLevelBitsetTest {
  @Test
  void emptySetHasNoMembers() {
    TwoLevelBitset set = new TwoLevelBitset();
    assertThat(set.isEmpty()).isTrue();
    assertThat(set.highest()).isEqualTo(-1);
    assertThat(set.lowest()).isEqualTo(-1);
    assertThat(set.highestBelow(4095)).isEqualTo(-1);
    assertThat(set.lowestAbove(0)).isEqualTo(-1);
  }

  @Test
  void searchesFromTheEndsExcludeTheStartingPoint() {
    TwoLevelBitset set = new TwoLevelBitset();
    set.add(0);
    set.add(63);
    set.add(64);
    set.add(4095);
    assertThat(set.highestBelow(0)).isEqualTo(-1);
    assertThat(set.lowestAbove(4095)).isEqualTo(-1);
    assertThat(set.highestBelow(64)).isEqualTo(63);
    assertThat(set.lowestAbove(63)).isEqualTo(64);
    assertThat(set.highestBelow(4095)).isEqualTo(64);
    assertThat(set.lowestAbove(0)).isEqualTo(63);
    assertThat(set.remove(0)).isFalse();
    assertThat(set.remove(63)).isFalse();
    assertThat(set.remove(64)).isFalse();
    assertThat(set.remove(4095)).as("now empty").isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void matchesASortedSetOnRandomAddsAndRemoves(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    TwoLevelBitset set = new TwoLevelBitset();
    TreeSet<Integer> model = new TreeSet<>();
    for (int step = 0; step < 20_000; step++) {
      // Members cluster in a few words so that words empty and refill.
      int i =
          random.nextInt(4) == 0
              ? random.nextInt(4096)
              : 64 * random.nextInt(3) + random.nextInt(70);
      if (random.nextBoolean()) {
        set.add(i);
        model.add(i);
      } else if (set.contains(i)) {
        model.remove(i);
        assertThat(set.remove(i)).isEqualTo(model.isEmpty());
      }
      int q = random.nextInt(4096);
      Integer lower = model.lower(q);
      Integer higher = model.higher(q);
      assertThat(set.highestBelow(q)).isEqualTo(lower == null ? -1 : lower);
      assertThat(set.lowestAbove(q)).isEqualTo(higher == null ? -1 : higher);
      assertThat(set.contains(q)).isEqualTo(model.contains(q));
      assertThat(set.isEmpty()).isEqualTo(model.isEmpty());
      assertThat(set.highest()).isEqualTo(model.isEmpty() ? -1 : model.last());
      assertThat(set.lowest()).isEqualTo(model.isEmpty() ? -1 : model.first());
    }
  }
}
