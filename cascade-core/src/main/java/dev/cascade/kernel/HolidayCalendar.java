package dev.cascade.kernel;

import java.time.LocalDate;
import java.util.Set;

/**
 * Exchange holidays on which {@link SessionKind#US_EQUITY} does not trade. The built-in list is the
 * NYSE full-day closures for 2024-2027 as published by NYSE (early closes are not modelled: those
 * days trade full hours here).
 */
public final class HolidayCalendar {
  private static final Set<LocalDate> NYSE =
      Set.of(
          LocalDate.of(2024, 1, 1),
          LocalDate.of(2024, 1, 15),
          LocalDate.of(2024, 2, 19),
          LocalDate.of(2024, 3, 29),
          LocalDate.of(2024, 5, 27),
          LocalDate.of(2024, 6, 19),
          LocalDate.of(2024, 7, 4),
          LocalDate.of(2024, 9, 2),
          LocalDate.of(2024, 11, 28),
          LocalDate.of(2024, 12, 25),
          LocalDate.of(2025, 1, 1),
          LocalDate.of(2025, 1, 9),
          LocalDate.of(2025, 1, 20),
          LocalDate.of(2025, 2, 17),
          LocalDate.of(2025, 4, 18),
          LocalDate.of(2025, 5, 26),
          LocalDate.of(2025, 6, 19),
          LocalDate.of(2025, 7, 4),
          LocalDate.of(2025, 9, 1),
          LocalDate.of(2025, 11, 27),
          LocalDate.of(2025, 12, 25),
          LocalDate.of(2026, 1, 1),
          LocalDate.of(2026, 1, 19),
          LocalDate.of(2026, 2, 16),
          LocalDate.of(2026, 4, 3),
          LocalDate.of(2026, 5, 25),
          LocalDate.of(2026, 6, 19),
          LocalDate.of(2026, 7, 3),
          LocalDate.of(2026, 9, 7),
          LocalDate.of(2026, 11, 26),
          LocalDate.of(2026, 12, 25),
          LocalDate.of(2027, 1, 1),
          LocalDate.of(2027, 1, 18),
          LocalDate.of(2027, 2, 15),
          LocalDate.of(2027, 3, 26),
          LocalDate.of(2027, 5, 31),
          LocalDate.of(2027, 6, 18),
          LocalDate.of(2027, 7, 5),
          LocalDate.of(2027, 9, 6),
          LocalDate.of(2027, 11, 25),
          LocalDate.of(2027, 12, 24));

  private static final HolidayCalendar NYSE_CALENDAR = new HolidayCalendar(NYSE);
  private static final HolidayCalendar NONE = new HolidayCalendar(Set.of());

  private final Set<LocalDate> days;

  private HolidayCalendar(Set<LocalDate> days) {
    this.days = days;
  }

  public static HolidayCalendar nyse() {
    return NYSE_CALENDAR;
  }

  public static HolidayCalendar none() {
    return NONE;
  }

  public boolean isHoliday(LocalDate d) {
    return days.contains(d);
  }
}
