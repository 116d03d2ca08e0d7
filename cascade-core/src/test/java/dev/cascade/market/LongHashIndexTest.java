package dev.cascade.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LongHashIndexTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {5, 17, 123_456})
  void behavesLikeAHashMapThroughGrowthAndBackwardShiftDeletion(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LongHashIndex<Long> index = new LongHashIndex<>(4);
    Map<Long, Long> reference = new HashMap<>();
    List<Long> keys = new ArrayList<>();
    long nextKey = 1;
    for (int i = 0; i < 50_000; i++) {
      if (random.nextInt(3) > 0 || keys.isEmpty()) {
        // Clustered keys (consecutive ids) and scattered ones, to build long probe chains.
        long key = random.nextBoolean() ? nextKey++ : 1 + random.nextLong(Long.MAX_VALUE - 1);
        if (reference.containsKey(key)) {
          continue;
        }
        index.put(key, key * 3);
        reference.put(key, key * 3);
        keys.add(key);
      } else {
        int at = random.nextInt(keys.size());
        long key = keys.get(at);
        keys.set(at, keys.get(keys.size() - 1));
        keys.remove(keys.size() - 1);
        assertThat(index.remove(key)).isEqualTo(reference.remove(key));
        assertThat(index.remove(key)).isNull();
      }
      assertThat(index.size()).isEqualTo(reference.size());
    }
    for (long key : keys) {
      assertThat(index.get(key)).isEqualTo(reference.get(key));
    }
    assertThat(index.get(nextKey + 1)).isNull();
  }

  @Test
  void refusesDuplicateAndNonPositiveKeys() {
    LongHashIndex<String> index = new LongHashIndex<>(16);
    index.put(7, "a");
    assertThatThrownBy(() -> index.put(7, "b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.put(0, "c")).isInstanceOf(IllegalArgumentException.class);
    assertThat(index.get(7)).isEqualTo("a");
  }
}
