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
}
