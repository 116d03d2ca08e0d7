package dev.cascade.market;

import java.util.Arrays;

/**
 * A map from positive {@code long} keys to values, without boxing: open addressing with linear
 * probing, backward-shift deletion (so there are no tombstones and probe chains never degrade),
 * Fibonacci hashing of the key, and doubling when half full. Lookups, inserts and removals do not
 * allocate; only growth does.
 *
 * <p>Key 0 marks an empty slot, so keys must be positive. Not thread-safe.
 */
final class LongHashIndex<V> {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long[] keys;
  private Object[] values;
  private int mask;
  private int shift;
  private int size;

  /** An index sized to hold {@code expected} entries before it first grows. */
  LongHashIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    allocate(capacity);
  }

  int size() {
    return size;
  }

  /** The value for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(long key) {
    long[] k = keys;
    for (int i = slot(key); ; i = (i + 1) & mask) {
      long present = k[i];
      if (present == key) {
        return (V) values[i];
      }
      if (present == 0) {
        return null;
      }
    }
  }

  /**
   * Associates {@code value} with {@code key}.
   *
   * @throws IllegalArgumentException if the key is not positive or is already present
   */
  void put(long key, V value) {
    if (key <= 0) {
      throw new IllegalArgumentException("key must be positive: " + key);
    }
    if (size >= (mask + 1) >>> 1) {
      grow();
    }
    int i = slot(key);
    while (keys[i] != 0) {
      if (keys[i] == key) {
        throw new IllegalArgumentException("duplicate key: " + key);
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Removes {@code key} and returns its value, or null if it was absent. */
  @SuppressWarnings("unchecked")
  V remove(long key) {
    long[] k = keys;
    int i = slot(key);
    while (k[i] != key) {
      if (k[i] == 0) {
        return null;
      }
      i = (i + 1) & mask;
    }
    V removed = (V) values[i];
    // Backward-shift: pull later entries of the probe chain into the hole unless their home
    // slot lies cyclically in (hole, j], where moving them would put them before their home.
    int hole = i;
    for (int j = (i + 1) & mask; k[j] != 0; j = (j + 1) & mask) {
      int home = slot(k[j]);
      boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
      if (!stays) {
        k[hole] = k[j];
        values[hole] = values[j];
        hole = j;
      }
    }
    k[hole] = 0;
    values[hole] = null;
    size--;
    return removed;
  }

  private int slot(long key) {
    return (int) ((key * GOLDEN) >>> shift);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    allocate(oldKeys.length << 1);
    for (int i = 0; i < oldKeys.length; i++) {
      long key = oldKeys[i];
      if (key != 0) {
        int j = slot(key);
        while (keys[j] != 0) {
          j = (j + 1) & mask;
        }
        keys[j] = key;
        values[j] = oldValues[i];
      }
    }
    Arrays.fill(oldValues, null);
  }
}
