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
    assertThat(set.highestAtOrBelow(4095)).isEqualTo(-1);
    assertThat(set.lowestAtOrAbove(0)).isEqualTo(-1);
  }

  @Test
  void searchesOutsideTheCapacityAreClampedOrEmpty() {
    TwoLevelBitset set = new TwoLevelBitset();
    set.add(0);
    set.add(4095);
    assertThat(set.highestAtOrBelow(-1)).isEqualTo(-1);
    assertThat(set.highestAtOrBelow(5000)).isEqualTo(4095);
    assertThat(set.lowestAtOrAbove(4096)).isEqualTo(-1);
    assertThat(set.lowestAtOrAbove(-3)).isZero();
    assertThat(set.remove(0)).isFalse();
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
      Integer floor = model.floor(q);
      Integer ceiling = model.ceiling(q);
      assertThat(set.highestAtOrBelow(q)).isEqualTo(floor == null ? -1 : floor);
      assertThat(set.lowestAtOrAbove(q)).isEqualTo(ceiling == null ? -1 : ceiling);
      assertThat(set.contains(q)).isEqualTo(model.contains(q));
      assertThat(set.isEmpty()).isEqualTo(model.isEmpty());
      assertThat(set.highest()).isEqualTo(model.isEmpty() ? -1 : model.last());
      assertThat(set.lowest()).isEqualTo(model.isEmpty() ? -1 : model.first());
    }
  }
}
