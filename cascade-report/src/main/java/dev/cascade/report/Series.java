package dev.cascade.report;

import java.util.Arrays;

/**
 * One time series as read from a run directory: times in epoch milliseconds (UTC), non-decreasing,
 * and one value per time in the unit the chart names (dollars, bps, lots). Grows as rows are read.
 */
final class Series {
  private long[] times = new long[256];
  private double[] values = new double[256];
  private int size;

  void add(long epochMillis, double value) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    times[size] = epochMillis;
    values[size] = value;
    size++;
  }

  int size() {
    return size;
  }

  long time(int i) {
    return times[i];
  }

  double value(int i) {
    return values[i];
  }

  /**
   * The typical spacing of the samples, milliseconds: the median of the first thousand positive
   * steps (1 when there are none). Gaps are judged against it.
   */
  long typicalStepMillis() {
    int m = Math.min(size - 1, 1000);
    long[] steps = new long[Math.max(m, 0)];
    int k = 0;
    for (int i = 1; i <= m; i++) {
      long d = times[i] - times[i - 1];
      if (d > 0) {
        steps[k++] = d;
      }
    }
    if (k == 0) {
      return 1;
    }
    Arrays.sort(steps, 0, k);
    return steps[k / 2];
  }
}
