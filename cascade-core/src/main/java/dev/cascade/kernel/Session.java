package dev.cascade.kernel;

import java.time.LocalDate;

/**
 * One venue's trading hours within one simulation: answers "is it open now", "when does it next
 * open" and "when does this session close". Remembers the last session it looked up, so the common
 * question (same session as last time) costs two comparisons. Not thread-safe: one per simulation.
 */
public final class Session {
  private final SessionKind kind;
  private final HolidayCalendar holidays;
  private long cachedOpen = Long.MIN_VALUE;
  private long cachedClose = Long.MIN_VALUE;
  // Earliest time known to map to the cached session (the session open at it, or the next one).
  private long cachedFrom = Long.MAX_VALUE;
  private LocalDate cachedDay;

  public Session(SessionKind kind, HolidayCalendar holidays) {
    this.kind = kind;
    this.holidays = holidays;
  }

  public SessionKind kind() {
    return kind;
  }

  public boolean isOpen(long t) {
    if (t >= cachedOpen && t < cachedClose) {
      return true;
    }
    return locate(t) && t >= cachedOpen;
  }

  /** The start of the session open at {@code t}, or of the next one. */
  public long nextOpen(long t) {
    if (!locate(t)) {
      throw new IllegalStateException("no session within two weeks of " + Time.format(t));
    }
    return Math.max(cachedOpen, t);
  }

  /** The close of the session open at {@code t}, or of the next one. */
  public long nextClose(long t) {
    if (!locate(t)) {
      throw new IllegalStateException("no session within two weeks of " + Time.format(t));
    }
    return cachedClose;
  }

  /** The open of the session open at {@code t}, or of the next one. */
  public long sessionOpen(long t) {
    if (!locate(t)) {
      throw new IllegalStateException("no session within two weeks of " + Time.format(t));
    }
    return cachedOpen;
  }

  /** The trading day of the session open at {@code t}, or of the next one. */
  public LocalDate tradingDay(long t) {
    if (!locate(t)) {
      throw new IllegalStateException("no session within two weeks of " + Time.format(t));
    }
    return cachedDay;
  }

  /** Finds the session containing t, or the first after it; caches it. */
  private boolean locate(long t) {
    if (t < cachedClose && t >= cachedFrom) {
      return true;
    }
    LocalDate d = Time.toInstant(t).atZone(kind.zone()).toLocalDate().minusDays(1);
    for (int i = 0; i < 16; i++, d = d.plusDays(1)) {
      long[] iv = kind.interval(d, holidays);
      if (iv != null && t < iv[1]) {
        cachedOpen = iv[0];
        cachedClose = iv[1];
        cachedDay = d;
        cachedFrom = Math.min(t, iv[0]);
        return true;
      }
    }
    return false;
  }
}
