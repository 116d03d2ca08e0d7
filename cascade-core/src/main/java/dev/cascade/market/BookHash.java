package dev.cascade.market;

/**
 * The one definition of {@link OrderBook#stateHash()}, shared by every implementation so that two
 * books holding the same orders in the same price-time order hash equal.
 *
 * <p>An implementation starts from {@link #SEED}, folds in every resting order with {@link #order}:
 * bids from best (highest) to worst, oldest first within a price, then asks from best (lowest) to
 * worst, oldest first within a price; and ends with {@link #finish}. Each value is folded in FNV-1a
 * style ({@code h = (h ^ v) * 0x100000001b3}), and the result goes through the MurmurHash3 64-bit
 * finaliser so that nearby states do not hash to nearby values.
 */
final class BookHash {
  /** FNV-1a 64-bit offset basis. */
  static final long SEED = 0xcbf29ce484222325L;

  private static final long FNV_PRIME = 0x100000001b3L;

  private BookHash() {}

  /** Folds one resting order into {@code h}. */
  static long order(long h, Side side, long price, long orderId, int account, long remaining) {
    h = mix(h, side.sign());
    h = mix(h, price);
    h = mix(h, orderId);
    h = mix(h, account);
    return mix(h, remaining);
  }

  /** The final avalanche (MurmurHash3 fmix64). */
  static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private static long mix(long h, long v) {
    return (h ^ v) * FNV_PRIME;
  }
}
