package dev.cascade.analytics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of an instrument's trading, as loaded from a price file.
 *
 * @param date trading day
 * @param open currency units
 * @param high currency units
 * @param low currency units
 * @param close currency units
 * @param volume units traded (0 if unknown)
 */
public record DailyBar(
    LocalDate date, double open, double high, double low, double close, double volume) {
  public DailyBar {
    Objects.requireNonNull(date, "date");
  }
}
