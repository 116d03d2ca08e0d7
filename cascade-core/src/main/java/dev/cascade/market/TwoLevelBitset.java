package dev.cascade.market;

/**
 * A set of the integers {@code 0..4095}: 64 words of bits plus a summary word with one bit per
 * non-empty word, so the next member below or above a position is found with at most two word scans
 * ({@link Long#numberOfLeadingZeros} / {@link Long#numberOfTrailingZeros}) whatever the gap. The
 * building block of {@link LadderOrderBook}'s sparse price ladder, which extends it for pages
 * (members: ticks of the page) and chunks (members: pages of the chunk). The common cases (a member
 * found in the same word, a word that stays non-empty) are small enough for the JIT to inline at
 * any call site. Never allocates after construction. Not thread-safe.
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
    return word == 0 && removeWord(w);
  }

  /** Records that word {@code w} became empty; returns whether the set is now empty. */
  private boolean removeWord(int w) {
    summary &= ~(1L << w);
    return summary == 0;
  }

  /** The highest member strictly below {@code i}, in {@code [0, CAPACITY)}, or -1 if none. */
  final int highestBelow(int i) {
    int w = i >>> 6;
    long bits = words[w] & ((1L << i) - 1);
    return bits != 0 ? (w << 6) + 63 - Long.numberOfLeadingZeros(bits) : highestInWordsBelow(w);
  }

  /** The lowest member strictly above {@code i}, in {@code [0, CAPACITY)}, or -1 if none. */
  final int lowestAbove(int i) {
    int w = i >>> 6;
    // -2L << i keeps the bits of word w above i's (none when i is its top bit).
    long bits = words[w] & (-2L << i);
    return bits != 0 ? (w << 6) + Long.numberOfTrailingZeros(bits) : lowestInWordsAbove(w);
  }

  /** The highest member, or -1 if the set is empty. */
  final int highest() {
    return highestInWordsBelow(64);
  }

  /** The lowest member, or -1 if the set is empty. */
  final int lowest() {
    return lowestInWordsAbove(-1);
  }

  /** The highest member in the words before word {@code w} (0 to 64), or -1. */
  private int highestInWordsBelow(int w) {
    long below = w == 64 ? summary : summary & ((1L << w) - 1);
    if (below == 0) {
      return -1;
    }
    int v = 63 - Long.numberOfLeadingZeros(below);
    return (v << 6) + 63 - Long.numberOfLeadingZeros(words[v]);
  }

  /** The lowest member in the words after word {@code w} (-1 to 63), or -1. */
  private int lowestInWordsAbove(int w) {
    long above = w < 0 ? summary : summary & (-2L << w);
    if (above == 0) {
      return -1;
    }
    int v = Long.numberOfTrailingZeros(above);
    return (v << 6) + Long.numberOfTrailingZeros(words[v]);
  }
}
