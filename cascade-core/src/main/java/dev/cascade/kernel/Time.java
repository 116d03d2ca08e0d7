package dev.cascade.kernel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Simulated time is a {@code long} of nanoseconds since the Unix epoch, UTC. */
public final class Time {
  public static final long NANOS_PER_MILLI = 1_000_000L;
  public static final long NANOS_PER_SECOND = 1_000_000_000L;
  public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
  public static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;
  public static final long NANOS_PER_DAY = 24 * NANOS_PER_HOUR;

  /** Seconds in a 365-day year, used to annualise volatility measured in calendar time. */
  public static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

  private Time() {}

  public static long ofInstant(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
  }

  public static Instant toInstant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }

  public static long of(LocalDateTime local, ZoneId zone) {
    return ofInstant(local.atZone(zone).toInstant());
  }

  /** ISO-8601 UTC rendering with at least seconds, for logs and CSV: 2025-11-18T14:30:00Z. */
  public static String format(long nanos) {
    return toInstant(nanos).toString();
  }

  public static long seconds(double s) {
    return Math.round(s * NANOS_PER_SECOND);
  }

  /**
   * Appends {@link #format} text to a line, remembering the last whole second's text, so that the
   * many records of one second (trades, samples) format only their fraction: the same characters as
   * {@link Instant#toString} (ISO-8601, the fraction in groups of three digits, as many as it
   * needs). One per writer; not thread-safe.
   */
  public static final class IsoFormatter {
    private long second = Long.MIN_VALUE;
    private String prefix;

    /** Appends the time {@code nanos} as {@link #format} renders it. */
    public StringBuilder append(StringBuilder b, long nanos) {
      long s = Math.floorDiv(nanos, NANOS_PER_SECOND);
      int nano = (int) Math.floorMod(nanos, NANOS_PER_SECOND);
      if (s != second) {
        String whole = Instant.ofEpochSecond(s).toString();
        prefix = whole.substring(0, whole.length() - 1);
        second = s;
      }
      b.append(prefix);
      if (nano != 0) {
        b.append('.');
        if (nano % 1_000_000 == 0) {
          digits(b, nano / 1_000_000, 3);
        } else if (nano % 1_000 == 0) {
          digits(b, nano / 1_000, 6);
        } else {
          digits(b, nano, 9);
        }
      }
      return b.append('Z');
    }

    private static void digits(StringBuilder b, int v, int width) {
      String t = Integer.toString(v);
      for (int k = t.length(); k < width; k++) {
        b.append('0');
      }
      b.append(t);
    }
  }
}
