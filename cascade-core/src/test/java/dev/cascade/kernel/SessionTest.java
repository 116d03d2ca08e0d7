package dev.cascade.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Trading hours: US equities 09:30-16:00 New York on NYSE trading days, Globex 18:00 the previous
 * day to 17:00 with the weekend closed, crypto always open.
 */
class SessionTest {
  private static final ZoneId NY = ZoneId.of("America/New_York");

  private static long ny(String localDateTime) {
    return Time.of(LocalDateTime.parse(localDateTime), NY);
  }

  private static long utc(String localDateTime) {
    return Time.of(LocalDateTime.parse(localDateTime), ZoneOffset.UTC);
  }

  private static Session usEquity() {
    return new Session(SessionKind.US_EQUITY, HolidayCalendar.nyse());
  }

  @Test
  void usEquitiesTradeFromNineThirtyToFourNewYorkTimeOnWeekdays() {
    Session s = usEquity();

    assertThat(s.isOpen(ny("2025-11-18T09:29:59.999999999"))).isFalse();
    assertThat(s.isOpen(ny("2025-11-18T09:30"))).isTrue();
    assertThat(s.isOpen(ny("2025-11-18T15:59:59.999999999"))).isTrue();
    assertThat(s.isOpen(ny("2025-11-18T16:00"))).isFalse();
    assertThat(s.isOpen(ny("2025-11-22T12:00"))).as("Saturday").isFalse();
    assertThat(s.isOpen(ny("2025-11-23T12:00"))).as("Sunday").isFalse();
  }

  @Test
  void usEquityHoursFollowNewYorkAcrossTheEndOfDaylightSavingTime() {
    Session s = usEquity();
    // DST ended on Sunday 2025-11-02: the open moves from 13:30 UTC to 14:30 UTC.
    assertThat(s.nextOpen(utc("2025-10-31T00:00"))).isEqualTo(utc("2025-10-31T13:30"));
    assertThat(s.nextClose(utc("2025-10-31T00:00"))).isEqualTo(utc("2025-10-31T20:00"));
    assertThat(s.nextOpen(utc("2025-11-01T00:00"))).isEqualTo(utc("2025-11-03T14:30"));
    assertThat(s.nextClose(utc("2025-11-03T15:00"))).isEqualTo(utc("2025-11-03T21:00"));
    assertThat(s.isOpen(utc("2025-11-03T14:00"))).isFalse();
    assertThat(s.isOpen(utc("2025-11-03T14:30"))).isTrue();
    assertThat(s.isOpen(utc("2025-11-03T20:30"))).isTrue();
    assertThat(s.isOpen(utc("2025-11-03T21:00"))).isFalse();
  }

  @Test
  void usEquitiesAreClosedOnThanksgivingAndReopenTheNextDay() {
    Session s = usEquity();

    assertThat(s.isOpen(ny("2025-11-27T12:00"))).isFalse();
    assertThat(s.nextOpen(ny("2025-11-26T16:00"))).isEqualTo(ny("2025-11-28T09:30"));
    assertThat(s.tradingDay(ny("2025-11-27T12:00"))).isEqualTo(LocalDate.of(2025, 11, 28));
  }

  @Test
  void nextOpenIsTheTimeItselfWhileOpenAndNextCloseIsThatSessionsClose() {
    Session s = usEquity();
    long t = ny("2025-11-18T11:00");

    assertThat(s.nextOpen(t)).isEqualTo(t);
    assertThat(s.nextClose(t)).isEqualTo(ny("2025-11-18T16:00"));
    assertThat(s.tradingDay(t)).isEqualTo(LocalDate.of(2025, 11, 18));
  }

  @Test
  void afterFridaysCloseTheNextSessionIsMonday() {
    Session s = usEquity();
    long fridayEvening = ny("2025-11-21T17:00");

    assertThat(s.nextOpen(fridayEvening)).isEqualTo(ny("2025-11-24T09:30"));
    assertThat(s.nextClose(fridayEvening)).isEqualTo(ny("2025-11-24T16:00"));
    assertThat(s.tradingDay(fridayEvening)).isEqualTo(LocalDate.of(2025, 11, 24));
  }

  @Test
  void answersAreTheSameWhateverOrderTheQuestionsComeIn() {
    // The session caches its last lookup: asking backwards and forwards must not change answers.
    long[] times = {
      ny("2025-11-24T10:00"),
      ny("2025-11-22T10:00"),
      ny("2025-11-21T15:00"),
      ny("2025-11-21T16:30"),
      ny("2025-11-27T10:00"),
      ny("2025-11-18T09:30"),
      ny("2025-11-23T23:59")
    };
    Session reused = usEquity();
    for (long t : times) {
      assertThat(reused.isOpen(t)).isEqualTo(usEquity().isOpen(t));
      assertThat(reused.nextOpen(t)).isEqualTo(usEquity().nextOpen(t));
      assertThat(reused.nextClose(t)).isEqualTo(usEquity().nextClose(t));
      assertThat(reused.tradingDay(t)).isEqualTo(usEquity().tradingDay(t));
    }
  }

  @Test
  void globexTradesFromSixPmThePreviousDayToFivePmWithAnHourBreak() {
    Session s = new Session(SessionKind.GLOBEX, HolidayCalendar.none());

    assertThat(s.isOpen(ny("2025-11-18T16:59"))).isTrue();
    assertThat(s.isOpen(ny("2025-11-18T17:00"))).isFalse();
    assertThat(s.isOpen(ny("2025-11-18T17:59"))).isFalse();
    assertThat(s.isOpen(ny("2025-11-18T18:00"))).isTrue();
    assertThat(s.tradingDay(ny("2025-11-18T18:00"))).isEqualTo(LocalDate.of(2025, 11, 19));
    assertThat(s.tradingDay(ny("2025-11-18T16:00"))).isEqualTo(LocalDate.of(2025, 11, 18));
    assertThat(s.nextClose(ny("2025-11-18T20:00"))).isEqualTo(ny("2025-11-19T17:00"));
  }

  @Test
  void globexIsClosedFromFridayFivePmToSundaySixPm() {
    Session s = new Session(SessionKind.GLOBEX, HolidayCalendar.none());

    assertThat(s.isOpen(ny("2025-11-21T17:00"))).isFalse();
    assertThat(s.isOpen(ny("2025-11-21T19:00"))).as("Friday evening").isFalse();
    assertThat(s.isOpen(ny("2025-11-22T12:00"))).as("Saturday").isFalse();
    assertThat(s.isOpen(ny("2025-11-23T17:59"))).as("Sunday afternoon").isFalse();
    assertThat(s.isOpen(ny("2025-11-23T18:00"))).as("Sunday evening").isTrue();
    assertThat(s.nextOpen(ny("2025-11-21T17:00"))).isEqualTo(ny("2025-11-23T18:00"));
    assertThat(s.tradingDay(ny("2025-11-23T18:00"))).isEqualTo(LocalDate.of(2025, 11, 24));
  }

  @Test
  void globexOpensAtSixPmNewYorkOnBothSidesOfADaylightSavingChange() {
    Session s = new Session(SessionKind.GLOBEX, HolidayCalendar.none());

    // Sunday 2025-11-02 is the first day of EST: 18:00 New York is 23:00 UTC.
    assertThat(s.nextOpen(utc("2025-11-01T12:00"))).isEqualTo(utc("2025-11-02T23:00"));
    // The Friday before, still EDT: 17:00 New York is 21:00 UTC.
    assertThat(s.nextClose(utc("2025-10-31T12:00"))).isEqualTo(utc("2025-10-31T21:00"));
  }

  @Test
  void cryptoIsAlwaysOpenAndItsTradingDayIsTheUtcDate() {
    Session s = new Session(SessionKind.CRYPTO_24_7, HolidayCalendar.none());
    long t = utc("2025-11-22T00:00");

    for (long k = 0; k < 7 * 24; k++) {
      assertThat(s.isOpen(t + k * Time.NANOS_PER_HOUR + 17)).isTrue();
    }
    assertThat(s.isOpen(utc("2025-11-27T12:00"))).as("Thanksgiving").isTrue();
    assertThat(s.tradingDay(utc("2025-11-22T23:59"))).isEqualTo(LocalDate.of(2025, 11, 22));
    assertThat(s.nextClose(utc("2025-11-22T23:59"))).isEqualTo(utc("2025-11-23T00:00"));
    assertThat(s.nextOpen(utc("2025-11-22T23:59"))).isEqualTo(utc("2025-11-22T23:59"));
  }

  private static long at(String zone, String localDateTime) {
    return Time.of(LocalDateTime.parse(localDateTime), ZoneId.of(zone));
  }

  @Test
  void tokyoTradesMorningAndAfternoonWithALunchBreak() {
    Session s = new Session(SessionKind.TOKYO, HolidayCalendar.none());
    String z = "Asia/Tokyo";
    assertThat(s.isOpen(at(z, "2025-11-20T08:59:59"))).isFalse();
    assertThat(s.isOpen(at(z, "2025-11-20T09:00"))).isTrue();
    assertThat(s.isOpen(at(z, "2025-11-20T11:29:59.999999999"))).isTrue();
    assertThat(s.isOpen(at(z, "2025-11-20T11:30"))).as("lunch").isFalse();
    assertThat(s.isOpen(at(z, "2025-11-20T12:29:59"))).as("lunch").isFalse();
    assertThat(s.isOpen(at(z, "2025-11-20T12:30"))).isTrue();
    assertThat(s.isOpen(at(z, "2025-11-20T15:29:59"))).isTrue();
    assertThat(s.isOpen(at(z, "2025-11-20T15:30"))).isFalse();
    assertThat(s.isOpen(at(z, "2025-11-22T10:00"))).as("Saturday").isFalse();
    // during lunch the market next opens at 12:30; the day still closes at 15:30
    assertThat(s.nextOpen(at(z, "2025-11-20T12:00"))).isEqualTo(at(z, "2025-11-20T12:30"));
    assertThat(s.nextClose(at(z, "2025-11-20T10:00"))).isEqualTo(at(z, "2025-11-20T15:30"));
    assertThat(s.nextClose(at(z, "2025-11-20T12:00"))).isEqualTo(at(z, "2025-11-20T15:30"));
    assertThat(s.openUntil(at(z, "2025-11-20T10:00"))).isEqualTo(at(z, "2025-11-20T11:30"));
    assertThat(s.openUntil(at(z, "2025-11-20T12:00"))).isEqualTo(at(z, "2025-11-20T15:30"));
    assertThat(s.openUntil(at(z, "2025-11-20T13:00"))).isEqualTo(at(z, "2025-11-20T15:30"));
    // after the close: Friday's session, then Monday's
    assertThat(s.nextOpen(at(z, "2025-11-20T16:00"))).isEqualTo(at(z, "2025-11-21T09:00"));
    assertThat(s.nextOpen(at(z, "2025-11-21T16:00"))).isEqualTo(at(z, "2025-11-24T09:00"));
    assertThat(s.tradingDay(at(z, "2025-11-20T12:00"))).isEqualTo(LocalDate.of(2025, 11, 20));
    // back and forth across the break, as agents ask
    assertThat(s.isOpen(at(z, "2025-11-20T13:00"))).isTrue();
    assertThat(s.isOpen(at(z, "2025-11-20T11:45"))).isFalse();
    assertThat(s.isOpen(at(z, "2025-11-20T10:15"))).isTrue();
  }

  @Test
  void shanghaiBreaksForNinetyMinutesAndLondonTradesThroughTheDayOnLondonTime() {
    Session sh = new Session(SessionKind.SHANGHAI, HolidayCalendar.none());
    String z = "Asia/Shanghai";
    assertThat(sh.isOpen(at(z, "2025-11-20T09:29"))).isFalse();
    assertThat(sh.isOpen(at(z, "2025-11-20T09:30"))).isTrue();
    assertThat(sh.isOpen(at(z, "2025-11-20T12:59"))).isFalse();
    assertThat(sh.nextOpen(at(z, "2025-11-20T11:30"))).isEqualTo(at(z, "2025-11-20T13:00"));
    assertThat(sh.isOpen(at(z, "2025-11-20T14:59"))).isTrue();
    assertThat(sh.isOpen(at(z, "2025-11-20T15:00"))).isFalse();

    Session ld = new Session(SessionKind.LONDON, HolidayCalendar.none());
    // British Summer Time ended on Sunday 2025-10-26: the open moves from 07:00 to 08:00 UTC.
    assertThat(ld.nextOpen(utc("2025-10-24T00:00"))).isEqualTo(utc("2025-10-24T07:00"));
    assertThat(ld.nextOpen(utc("2025-10-25T00:00"))).isEqualTo(utc("2025-10-27T08:00"));
    assertThat(ld.isOpen(utc("2025-10-27T12:00"))).as("no lunch break").isTrue();
    assertThat(ld.nextClose(utc("2025-10-27T12:00"))).isEqualTo(utc("2025-10-27T16:30"));
    assertThat(ld.openUntil(utc("2025-10-27T12:00"))).isEqualTo(utc("2025-10-27T16:30"));
  }

  @Test
  void aYearOfTradingTimeExcludesTheLunchBreaks() {
    assertThat(SessionKind.TOKYO.tradingSecondsPerYear()).isEqualTo(252 * 5.5 * 3600);
    assertThat(SessionKind.SHANGHAI.tradingSecondsPerYear()).isEqualTo(252 * 4.0 * 3600);
    assertThat(SessionKind.LONDON.tradingSecondsPerYear()).isEqualTo(252 * 8.5 * 3600);
    assertThat(SessionKind.US_EQUITY.tradingSecondsPerYear()).isEqualTo(252 * 6.5 * 3600);
    assertThat(SessionKind.CRYPTO_24_7.tradingSecondsPerYear()).isEqualTo(365 * 24.0 * 3600);
    assertThat(SessionKind.fromConfigName("tokyo")).contains(SessionKind.TOKYO);
  }
}
