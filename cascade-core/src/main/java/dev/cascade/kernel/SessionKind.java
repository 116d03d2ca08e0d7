package dev.cascade.kernel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Trading-hour regimes. A session belongs to a trading day; its open and close are computed from
 * the day, a time zone and the venue's rules.
 *
 * <ul>
 *   <li>{@code US_EQUITY}: NYSE/Nasdaq regular hours, 09:30-16:00 America/New_York, weekdays that
 *       are not NYSE holidays (source: NYSE trading hours and holiday calendar).
 *   <li>{@code GLOBEX}: CME Globex hours for metals, Treasury and equity-index futures: from 18:00
 *       New York on the previous calendar day to 17:00 on the trading day, Monday to Friday, a
 *       one-hour break in between. The 18:00 reopening is the Asia open (08:00 Tokyo in winter),
 *       the boundary of the metals trading day (source: CME Group trading hours).
 *   <li>{@code CRYPTO_24_7}: always open; the trading day is the UTC date, as on the major crypto
 *       venues.
 * </ul>
 */
public enum SessionKind {
  US_EQUITY(ZoneId.of("America/New_York")),
  GLOBEX(ZoneId.of("America/New_York")),
  CRYPTO_24_7(ZoneOffset.UTC);

  private final ZoneId zone;

  SessionKind(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * Seconds of trading in a year, to annualise volatility measured in trading time: 252 days of 6.5
   * hours for US equities, 252 days of 23 hours on Globex, 365 days of 24 hours for crypto.
   */
  public double tradingSecondsPerYear() {
    switch (this) {
      case US_EQUITY:
        return 252 * 6.5 * 3600;
      case GLOBEX:
        return 252 * 23.0 * 3600;
      default:
        return 365 * 24.0 * 3600;
    }
  }

  /** The name used in scenario files: {@code us-equity}, {@code globex}, {@code crypto-24-7}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<SessionKind> fromConfigName(String s) {
    for (SessionKind k : values()) {
      if (k.configName().equals(s)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * The open and close (epoch nanos) of the session of one trading day, or null if the venue does
   * not trade that day. For {@code CRYPTO_24_7} this is the UTC day.
   */
  long[] interval(LocalDate day, HolidayCalendar holidays) {
    switch (this) {
      case US_EQUITY:
        if (isWeekend(day) || holidays.isHoliday(day)) {
          return null;
        }
        return new long[] {
          Time.of(day.atTime(LocalTime.of(9, 30)), zone),
          Time.of(day.atTime(LocalTime.of(16, 0)), zone)
        };
      case GLOBEX:
        if (isWeekend(day)) {
          return null;
        }
        return new long[] {
          Time.of(day.minusDays(1).atTime(LocalTime.of(18, 0)), zone),
          Time.of(day.atTime(LocalTime.of(17, 0)), zone)
        };
      case CRYPTO_24_7:
        return new long[] {
          Time.of(day.atStartOfDay(), zone), Time.of(day.plusDays(1).atStartOfDay(), zone)
        };
      default:
        throw new AssertionError(this);
    }
  }

  private static boolean isWeekend(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
  }
}
