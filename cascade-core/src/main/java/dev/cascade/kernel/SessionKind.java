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
 *   <li>{@code TOKYO}: Tokyo Stock Exchange cash equities, 09:00-11:30 and 12:30-15:30 Asia/Tokyo,
 *       Monday to Friday (source: JPX trading hours, the afternoon session extended to 15:30 from 5
 *       November 2024; the closing auction is not modelled).
 *   <li>{@code SHANGHAI}: Shanghai Stock Exchange A shares, 09:30-11:30 and 13:00-15:00
 *       Asia/Shanghai, Monday to Friday (source: SSE trading rules; the opening call auction from
 *       09:15 and the closing call auction from 14:57 are not modelled).
 *   <li>{@code LONDON}: London Stock Exchange order book, 08:00-16:30 Europe/London, Monday to
 *       Friday (source: LSE trading hours; the opening and closing auctions are not modelled).
 * </ul>
 *
 * <p>Tokyo's and Shanghai's lunch breaks close the market within the trading day: {@link #interval}
 * gives the day's first open and last close, {@link #lunch} the break. Their exchange holidays are
 * not modelled (weekdays only).
 */
public enum SessionKind {
  US_EQUITY(ZoneId.of("America/New_York")),
  GLOBEX(ZoneId.of("America/New_York")),
  CRYPTO_24_7(ZoneOffset.UTC),
  TOKYO(ZoneId.of("Asia/Tokyo")),
  SHANGHAI(ZoneId.of("Asia/Shanghai")),
  LONDON(ZoneId.of("Europe/London"));

  private final ZoneId zone;

  SessionKind(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * Seconds of trading in a year, to annualise volatility measured in trading time: 252 days of 6.5
   * hours for US equities, 252 days of 23 hours on Globex, 365 days of 24 hours for crypto, 252
   * days of 5.5 hours in Tokyo, 4 in Shanghai and 8.5 in London (252 days everywhere by convention;
   * the Asian exchanges trade about 245).
   */
  public double tradingSecondsPerYear() {
    return (this == CRYPTO_24_7 ? 365 : 252) * tradingDaySeconds();
  }

  /** Seconds of trading in one day of the session, lunch breaks excluded. */
  public double tradingDaySeconds() {
    switch (this) {
      case US_EQUITY:
        return 6.5 * 3600;
      case GLOBEX:
        return 23.0 * 3600;
      case TOKYO:
        return 5.5 * 3600;
      case SHANGHAI:
        return 4.0 * 3600;
      case LONDON:
        return 8.5 * 3600;
      default:
        return 24.0 * 3600;
    }
  }

  /**
   * The exchange holidays the session keeps: NYSE's for US equities; none modelled for the others
   * (Globex and the non-US exchanges trade every weekday here, crypto every day).
   */
  public HolidayCalendar holidays() {
    return this == US_EQUITY ? HolidayCalendar.nyse() : HolidayCalendar.none();
  }

  /**
   * The name used in scenario files: {@code us-equity}, {@code globex}, {@code crypto-24-7}, {@code
   * tokyo}, {@code shanghai}, {@code london}.
   */
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
      case TOKYO:
        return isWeekend(day) ? null : hours(day, 9, 0, 15, 30);
      case SHANGHAI:
        return isWeekend(day) ? null : hours(day, 9, 30, 15, 0);
      case LONDON:
        return isWeekend(day) ? null : hours(day, 8, 0, 16, 30);
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The lunch break of one trading day, [start, end) in epoch nanos, when the market closes within
   * the day (Tokyo 11:30-12:30, Shanghai 11:30-13:00); null for the others.
   */
  long[] lunch(LocalDate day) {
    switch (this) {
      case TOKYO:
        return hours(day, 11, 30, 12, 30);
      case SHANGHAI:
        return hours(day, 11, 30, 13, 0);
      default:
        return null;
    }
  }

  private long[] hours(LocalDate day, int fromH, int fromM, int toH, int toM) {
    return new long[] {
      Time.of(day.atTime(LocalTime.of(fromH, fromM)), zone),
      Time.of(day.atTime(LocalTime.of(toH, toM)), zone)
    };
  }

  private static boolean isWeekend(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
  }
}
