package dev.cascade.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The intraday shape of a US equity session's one-minute bars: the mean absolute return and the
 * mean volume in a few windows of the session, each over their means in the midday window
 * (11:30-14:30 New York), pooled over days. The standard error of each ratio is the jackknife's
 * over days (each day left out in turn), so days of different activity count as the sample.
 */
final class IntradayProfile {
  /** Minutes since the 09:30 open: the midday reference, 11:30 to 14:30. */
  static final int MIDDAY_FROM = 120;

  static final int MIDDAY_TO = 300;

  /** The windows reported, minutes since the open, [from, to). */
  static final int[][] WINDOWS = {{0, 5}, {5, 30}, {30, 60}, {60, 90}, {360, 385}, {385, 390}};

  /**
   * One window's ratios to midday.
   *
   * @param fromMinute start, minutes since the open
   * @param toMinute end (exclusive)
   * @param absReturn mean |one-minute log return| in the window over the midday mean
   * @param absReturnSe its jackknife standard error over days
   * @param volume mean volume per bar in the window over the midday mean
   * @param volumeSe its jackknife standard error over days
   */
  record Window(
      int fromMinute,
      int toMinute,
      double absReturn,
      double absReturnSe,
      double volume,
      double volumeSe) {}

  /**
   * @param days how many days had bars both in the midday window and in at least one other
   * @param windows one row per window of {@link #WINDOWS} that some day covers
   */
  record Profile(int days, List<Window> windows) {}

  private IntradayProfile() {}

  /**
   * The profile of these days, or null when fewer than two days have midday bars (a jackknife needs
   * two). Bars without a session minute (negative) are skipped.
   */
  static Profile of(List<RunBars.Day> days) {
    // per day: sums and counts of |r| and volume in midday and in each window
    List<double[]> sums = new ArrayList<>();
    for (RunBars.Day d : days) {
      double[] s = new double[4 * (WINDOWS.length + 1)];
      int[] minute = d.sessionMinutes();
      double[] c = d.closes();
      double[] v = d.volumes();
      for (int i = 0; i < c.length; i++) {
        int w = window(minute[i]);
        if (w < 0) {
          continue;
        }
        s[4 * w + 2] += v[i];
        s[4 * w + 3]++;
        if (i > 0 && minute[i - 1] == minute[i] - 1) {
          s[4 * w] += Math.abs(Math.log(c[i] / c[i - 1]));
          s[4 * w + 1]++;
        }
      }
      if (s[4 * WINDOWS.length + 1] > 0) {
        sums.add(s);
      }
    }
    if (sums.size() < 2) {
      return null;
    }
    List<Window> out = new ArrayList<>();
    for (int w = 0; w < WINDOWS.length; w++) {
      double[] r = ratioWithSe(sums, w, 0);
      double[] vol = ratioWithSe(sums, w, 2);
      if (r != null && vol != null) {
        out.add(new Window(WINDOWS[w][0], WINDOWS[w][1], r[0], r[1], vol[0], vol[1]));
      }
    }
    return new Profile(sums.size(), List.copyOf(out));
  }

  /** The window index of a session minute; {@code WINDOWS.length} for midday; -1 for none. */
  private static int window(int minute) {
    if (minute >= MIDDAY_FROM && minute < MIDDAY_TO) {
      return WINDOWS.length;
    }
    for (int w = 0; w < WINDOWS.length; w++) {
      if (minute >= WINDOWS[w][0] && minute < WINDOWS[w][1]) {
        return w;
      }
    }
    return -1;
  }

  /**
   * The pooled ratio (window mean over midday mean) of the quantity at offset {@code k} (0: |r|, 2:
   * volume) and its jackknife standard error over days; null when the window has no bars.
   */
  private static double[] ratioWithSe(List<double[]> sums, int w, int k) {
    int mid = WINDOWS.length;
    double[] total = new double[4];
    for (double[] s : sums) {
      total[0] += s[4 * w + k];
      total[1] += s[4 * w + k + 1];
      total[2] += s[4 * mid + k];
      total[3] += s[4 * mid + k + 1];
    }
    if (total[1] == 0 || total[3] == 0 || total[2] == 0) {
      return null;
    }
    double full = ratio(total[0], total[1], total[2], total[3]);
    int n = sums.size();
    double[] leaveOut = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      double[] s = sums.get(i);
      leaveOut[i] =
          ratio(
              total[0] - s[4 * w + k],
              total[1] - s[4 * w + k + 1],
              total[2] - s[4 * mid + k],
              total[3] - s[4 * mid + k + 1]);
      mean += leaveOut[i] / n;
    }
    double ss = 0;
    for (double x : leaveOut) {
      ss += (x - mean) * (x - mean);
    }
    return new double[] {full, Math.sqrt((n - 1.0) / n * ss)};
  }

  private static double ratio(double sum, double count, double midSum, double midCount) {
    if (count == 0 || midCount == 0 || midSum == 0) {
      return Double.NaN;
    }
    return (sum / count) / (midSum / midCount);
  }

  /** "09:35" for 5 minutes after a 09:30 open. */
  static String clock(int minutesSinceOpen) {
    int m = 9 * 60 + 30 + minutesSinceOpen;
    return String.format(java.util.Locale.ROOT, "%02d:%02d", m / 60, m % 60);
  }
}
