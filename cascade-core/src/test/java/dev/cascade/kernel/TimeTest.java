package dev.cascade.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimeTest {
  /** Every fraction form: none, milliseconds, microseconds, nanoseconds, and whole seconds. */
  @Test
  void theCachedFormatterWritesWhatInstantWrites() {
    Time.IsoFormatter f = new Time.IsoFormatter();
    long base = Time.ofInstant(java.time.Instant.parse("2025-11-19T14:30:00Z"));
    long[] edges = {
      0,
      1,
      999,
      1_000,
      10_000,
      999_000,
      1_000_000,
      10_000_000,
      100_000_000,
      120_000_000,
      123_456_000,
      123_456_789,
      999_999_999,
      Time.NANOS_PER_SECOND,
      Time.NANOS_PER_DAY - 1,
      -1,
      -Time.NANOS_PER_SECOND
    };
    for (long e : edges) {
      check(f, base + e);
      check(f, e);
    }
    SplittableRandom r = new SplittableRandom(7);
    long t = base;
    for (int k = 0; k < 200_000; k++) {
      // Mostly a few microseconds apart (many records in one second), now and then a jump.
      t += k % 1000 == 0 ? r.nextLong(Time.NANOS_PER_DAY) : r.nextLong(5_000_000);
      if (k % 7 == 0) {
        t -= t % 1_000; // microsecond times
      } else if (k % 11 == 0) {
        t -= t % 1_000_000; // millisecond times
      }
      check(f, t);
    }
  }

  private static void check(Time.IsoFormatter f, long nanos) {
    assertThat(f.append(new StringBuilder(), nanos).toString())
        .as("%d", nanos)
        .isEqualTo(Time.format(nanos));
  }
}
