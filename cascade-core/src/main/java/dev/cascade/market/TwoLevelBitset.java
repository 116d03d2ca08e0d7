package dev.cascade.market;

/**
 * A set of the integers {@code 0..4095}: 64 words of bits plus a summary word with one bit per
 * non-empty word, so the highest or lowest member at or beyond a position is found with at most two
 * word scans ({@link Long#numberOfLeadingZeros} / {@link Long#numberOfTrailingZeros}) whatever the
 * gap. The building block of {@link LadderOrderBook}'s sparse price ladder, which extends it for
 * pages (members: ticks of the page) and chunks (members: pages of the chunk). Never allocates
 * after construction. Not thread-safe.
 */
class TwoLevelBitset {
  /** Number of members the set can hold: {@code 0..CAPACITY - 1}. */
  static final int CAPACITY = 4096;

  private final long[] words = new long[64];
  private long summary;

  /** Whether the set has no member. */
  final boolean isEmpty() {
    return summary == 0;
  }

  /** Whether {@code i} is a member. */
  final boolean contains(int i) {
    return (words[i >>> 6] & (1L << i)) != 0;
  }

  /** Adds {@code i}, in {@code [0, CAPACITY)}. */
  final void add(int i) {
    int w = i >>> 6;
    words[w] |= 1L << i;
    summary |= 1L << w;
  }

  /**
   * Removes {@code i}, in {@code [0, CAPACITY)}.
   *
   * @return whether the set is now empty
   */
  final boolean remove(int i) {
    int w = i >>> 6;
    long word = words[w] & ~(1L << i);
    words[w] = word;
    if (word == 0) {
      summary &= ~(1L << w);
    }
    return summary == 0;
  }

  /** The highest member at or below {@code i}, or -1 if none (also when {@code i < 0}). */
  final int highestAtOrBelow(int i) {
    if (i < 0) {
      return -1;
    }
    if (i >= CAPACITY) {
      i = CAPACITY - 1;
    }
    int w = i >>> 6;
    long bits = words[w] & (-1L >>> (63 - (i & 63)));
    if (bits == 0) {
      long below = summary & ((1L << w) - 1);
      if (below == 0) {
        return -1;
      }
      w = 63 - Long.numberOfLeadingZeros(below);
      bits = words[w];
    }
    return (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
  }

  /** The lowest member at or above {@code i}, or -1 if none (also when {@code i >= CAPACITY}). */
  final int lowestAtOrAbove(int i) {
    if (i >= CAPACITY) {
      return -1;
    }
    if (i < 0) {
      i = 0;
    }
    int w = i >>> 6;
    long bits = words[w] & (-1L << i);
    if (bits == 0) {
      // -2L << w keeps the summary bits strictly above w (none when w == 63).
      long above = summary & (-2L << w);
      if (above == 0) {
        return -1;
      }
      w = Long.numberOfTrailingZeros(above);
      bits = words[w];
    }
    return (w << 6) + Long.numberOfTrailingZeros(bits);
  }

  /** The highest member, or -1 if the set is empty. */
  final int highest() {
    if (summary == 0) {
      return -1;
    }
    int w = 63 - Long.numberOfLeadingZeros(summary);
    return (w << 6) + 63 - Long.numberOfLeadingZeros(words[w]);
  }

  /** The lowest member, or -1 if the set is empty. */
  final int lowest() {
    if (summary == 0) {
      return -1;
    }
    int w = Long.numberOfTrailingZeros(summary);
    return (w << 6) + Long.numberOfTrailingZeros(words[w]);
  }
}
