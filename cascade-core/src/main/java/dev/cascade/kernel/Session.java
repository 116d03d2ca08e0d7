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
  // The cached day's lunch break [start, end); both MIN_VALUE when it has none.
  private long cachedBreakStart = Long.MIN_VALUE;
  private long cachedBreakEnd = Long.MIN_VALUE;
  // Earliest time known to map to the cached session (the session open at it, or the next one).
  private long cachedFrom = Long.MAX_VALUE;
  private LocalDate cachedDay;

  public Session(SessionKind kind, HolidayCalendar holidays) {
    this.kind = kind;
    this.holidays = holidays;
  }

  /** A session of {@code kind} keeping its exchange's holidays ({@link SessionKind#holidays}). */
  public static Session of(SessionKind kind) {
    return new Session(kind, kind.holidays());
  }

  public SessionKind kind() {
    return kind;
  }

  public boolean isOpen(long t) {
    if (t >= cachedOpen && t < cachedClose) {
      return t < cachedBreakStart || t >= cachedBreakEnd;
    }
    return locate(t) && t >= cachedOpen && (t < cachedBreakStart || t >= cachedBreakEnd);
  }

  /**
   * {@code t} if the market is open then, else when it next opens: the session's start, or the end
   * of a lunch break.
   */
  public long nextOpen(long t) {
    if (!locate(t)) {
      throw new IllegalStateException("no session within two weeks of " + Time.format(t));
    }
    if (t >= cachedBreakStart && t < cachedBreakEnd) {
      return cachedBreakEnd;
    }
    return Math.max(cachedOpen, t);
  }

  /**
   * For {@code t} within a session: when trading next stops, at a lunch break or at the close (for
   * a time outside a session, the end of the next stretch of trading).
   */
  public long openUntil(long t) {
    long from = nextOpen(t);
    return from < cachedBreakStart ? cachedBreakStart : cachedClose;
  }

  /** The close of the session open at {@code t}, or of the next one (a lunch break is not one). */
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
        long[] lunch = kind.lunch(d);
        cachedBreakStart = lunch == null ? Long.MIN_VALUE : lunch[0];
        cachedBreakEnd = lunch == null ? Long.MIN_VALUE : lunch[1];
        cachedDay = d;
        cachedFrom = Math.min(t, iv[0]);
        return true;
      }
    }
    return false;
  }
}
