package dev.cascade.cli;

import dev.cascade.analytics.DailyBar;
import dev.cascade.analytics.DeskLevels;
import dev.cascade.report.RunDataException;
import dev.cascade.report.RunTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cascade monitor --prices FILE}: the levels desks watch, on a real daily price file. */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "The levels desks watch, on real daily prices: change and volume relative to its 30-day"
          + " average, 20-day realised vol, drawdown from the 52-week high, the 50/100/200-day"
          + " moving averages, Fibonacci retracements of the 52-week range and round numbers,"
          + " with the ones the day's range crossed.",
      "The price file is CSV with a header naming date, open, high, low, close and volume"
          + " (e.g. data/sp500_daily_ohlcv_2000-2020_vega.csv)."
    })
final class MonitorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--prices",
      required = true,
      paramLabel = "FILE",
      description = "daily OHLCV CSV file")
  Path prices;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "the day to look at (default: the last day in the file)")
  String date;

  @Option(
      names = "--round",
      paramLabel = "STEP",
      description =
          "spacing of the round numbers watched (default: a power of ten near 4%% of the price)")
  Double round;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "10",
      description = "days listed in the recent-history table (default: ${DEFAULT-VALUE})")
  int days;

  @Option(
      names = "--json",
      description = "print the day's levels and the last days as JSON instead of the tables")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String unreadable = InputFile.problem(prices);
    if (unreadable != null) {
      err.println("cascade monitor: " + prices + ": " + unreadable);
      return 2;
    }
    if (days < 1 || days > 10_000 || (round != null && !(round > 0))) {
      err.println("cascade monitor: --days must be in [1, 10000] and --round positive");
      return 2;
    }
    List<DailyBar> bars;
    try {
      bars = read(prices);
    } catch (RunDataException e) {
      err.println("cascade monitor: " + e.getMessage());
      return 2;
    }
    if (bars.size() < 2) {
      err.println("cascade monitor: " + prices + ": need at least two days of prices");
      return 2;
    }
    int index = bars.size() - 1;
    if (date != null) {
      LocalDate d;
      try {
        d = LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        err.println("cascade monitor: --date '" + date + "' is not a date like 2020-03-16");
        return 2;
      }
      index = dayIndex(bars, d);
      String problem = dateProblem(bars, index, d);
      if (problem != null) {
        err.println("cascade monitor: --date " + d + " " + problem);
        return 2;
      }
    }
    double step = round != null ? round : defaultStep(bars.get(index).close());
    DeskLevels today = DeskLevels.on(bars, index, step);
    if (json) {
      out.println(toJson(bars, index, step, today));
      out.flush();
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "%s  %s  close %,.2f  %+.2f%%  rel vol %s  20d vol %s  drawdown from 52w high %.2f%%%n%n",
        prices.getFileName(),
        today.date(),
        today.close(),
        today.changePct(),
        Double.isNaN(today.relativeVolume())
            ? "-"
            : String.format(Locale.ROOT, "%.2f", today.relativeVolume()),
        Double.isNaN(today.realizedVolPct())
            ? "-"
            : String.format(Locale.ROOT, "%.1f%%", today.realizedVolPct()),
        today.drawdownPct());
    out.printf(Locale.ROOT, "%-14s %12s %10s  %s%n", "level", "price", "close vs", "today");
    for (DeskLevels.Level l : today.levels()) {
      out.printf(
          Locale.ROOT,
          "%-14s %,12.2f %+9.2f%%  %s%n",
          l.name(),
          l.price(),
          l.distancePct(),
          l.crossedToday() ? "CROSSED" : "");
    }
    out.printf(Locale.ROOT, "%nlast %d days:%n", Math.min(days, index));
    out.printf(
        Locale.ROOT,
        "%-10s %12s %8s %8s %7s %7s  %s%n",
        "date",
        "close",
        "chg %",
        "rel vol",
        "vol %",
        "dd %",
        "levels crossed");
    for (int k = Math.max(1, index - days + 1); k <= index; k++) {
      DeskLevels d = DeskLevels.on(bars, k, step);
      out.printf(
          Locale.ROOT,
          "%-10s %,12.2f %+8.2f %8s %7s %7.2f  %s%n",
          d.date(),
          d.close(),
          d.changePct(),
          Double.isNaN(d.relativeVolume())
              ? "-"
              : String.format(Locale.ROOT, "%.2f", d.relativeVolume()),
          Double.isNaN(d.realizedVolPct())
              ? "-"
              : String.format(Locale.ROOT, "%.1f", d.realizedVolPct()),
          d.drawdownPct(),
          d.levels().stream()
              .filter(DeskLevels.Level::crossedToday)
              .map(DeskLevels.Level::name)
              .collect(Collectors.joining(", ")));
    }
    out.flush();
    return 0;
  }

  /**
   * The day and the last {@code --days} days as JSON: {@code file}, {@code roundStep}, {@code
   * today} and {@code days}, each a day's {@code date}, {@code close}, {@code changePct}, {@code
   * relativeVolume}, {@code realizedVolPct} (null when unknown), {@code drawdownPct} and {@code
   * levels} ({@code name}, {@code price}, {@code distancePct}, {@code crossedToday}).
   */
  private String toJson(List<DailyBar> bars, int index, double step, DeskLevels today) {
    java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
    root.put("file", prices.getFileName().toString());
    root.put("roundStep", step);
    root.put("today", day(today));
    List<Object> last = new java.util.ArrayList<>();
    for (int k = Math.max(1, index - days + 1); k <= index; k++) {
      last.add(day(DeskLevels.on(bars, k, step)));
    }
    root.put("days", last);
    return JsonText.pretty(root);
  }

  private static java.util.Map<String, Object> day(DeskLevels d) {
    java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
    o.put("date", d.date().toString());
    o.put("close", d.close());
    o.put("changePct", d.changePct());
    o.put("relativeVolume", Double.isNaN(d.relativeVolume()) ? null : d.relativeVolume());
    o.put("realizedVolPct", Double.isNaN(d.realizedVolPct()) ? null : d.realizedVolPct());
    o.put("drawdownPct", d.drawdownPct());
    o.put("levels", d.levels());
    return o;
  }

  /** The index of the bar dated {@code d}, or -1 if there is none. */
  private static int dayIndex(List<DailyBar> bars, LocalDate d) {
    for (int k = 0; k < bars.size(); k++) {
      if (bars.get(k).date().equals(d)) {
        return k;
      }
    }
    return -1;
  }

  /** Why day {@code d} (at {@code index}, -1 if absent) cannot be shown, or null if it can. */
  private String dateProblem(List<DailyBar> bars, int index, LocalDate d) {
    LocalDate first = bars.get(0).date();
    LocalDate last = bars.get(bars.size() - 1).date();
    String span = "runs from " + first + " to " + last;
    if (d.isBefore(first) || d.isAfter(last)) {
      return "is outside " + prices + ", which " + span;
    }
    if (index < 0) {
      return "is not a trading day of " + prices + " (no row has that date; the file " + span + ")";
    }
    if (index == 0) {
      // The day's change, the crossing of every level and the table all need the previous close.
      return "is the first day of "
          + prices
          + ": its change needs 1 earlier trading day of history, so the first date that can be"
          + " shown is "
          + bars.get(1).date();
    }
    return null;
  }

  /** A round-number spacing: the power of ten nearest to 4% of the price (2,800 -> 100). */
  static double defaultStep(double price) {
    return Math.pow(10, Math.round(Math.log10(price * 0.04)));
  }

  static List<DailyBar> read(Path file) throws RunDataException {
    List<DailyBar> bars = new ArrayList<>();
    int[] c = new int[6];
    RunTable.readUserCsv(
        file,
        List.of("date", "open", "high", "low", "close", "volume"),
        idx -> System.arraycopy(idx, 0, c, 0, 6),
        row -> {
          LocalDate d;
          try {
            d = LocalDate.parse(row.text(c[0]));
          } catch (DateTimeParseException e) {
            throw new RunDataException(
                file, row.line(), "date: '" + row.text(c[0]) + "' is not a date like 2020-03-16");
          }
          if (!bars.isEmpty() && !d.isAfter(bars.get(bars.size() - 1).date())) {
            throw new RunDataException(
                file,
                row.line(),
                "dates must increase; " + d + " follows " + bars.get(bars.size() - 1).date());
          }
          DailyBar b =
              new DailyBar(
                  d,
                  row.number(c[1]),
                  row.number(c[2]),
                  row.number(c[3]),
                  row.number(c[4]),
                  row.number(c[5]));
          if (!(b.open() > 0 && b.close() > 0 && b.low() > 0)
              || b.high() < Math.max(b.open(), b.close())
              || b.low() > Math.min(b.open(), b.close())) {
            throw new RunDataException(
                file,
                row.line(),
                "prices must be positive, with the high at least the open and the close and the"
                    + " low at most both");
          }
          if (!(b.volume() >= 0)) {
            throw new RunDataException(
                file, row.line(), "volume must be 0 (unknown) or more, got " + row.text(c[5]));
          }
          bars.add(b);
        });
    return bars;
  }
}
