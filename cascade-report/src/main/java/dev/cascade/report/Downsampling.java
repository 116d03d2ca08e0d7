package dev.cascade.report;

/**
 * Min/max-preserving downsampling, done when the report is written so the browser never holds more
 * than {@link #MAX_POINTS} points of a series (a 5-day, 12-instrument run has about 86,000 depth
 * samples per instrument). The series is cut into consecutive buckets of equal count; each bucket
 * keeps its lowest and its highest point, in time order, so a spike in the spread or a hole in the
 * depth survives at any zoom. The first and last points are always kept.
 *
 * <p>A gap longer than {@code maxGapMillis} between two points (a halt, a night between sessions)
 * is kept as a break: the chart draws no line across it.
 */
final class Downsampling {
  /** The most points one series may carry into the report. */
  static final int MAX_POINTS = 2000;

  private Downsampling() {}

  /**
   * The points to draw, as two parallel arrays: times in seconds since {@code t0Millis} and values,
   * where a null value marks a break.
   */
  record Points(double[] seconds, Double[] values) {
    int size() {
      return seconds.length;
    }
  }

  static Points of(Series s, long t0Millis, long maxGapMillis) {
    return of(s, t0Millis, maxGapMillis, MAX_POINTS);
  }

  static Points of(Series s, long t0Millis, long maxGapMillis, int maxPoints) {
    int n = s.size();
    int gaps = 0;
    for (int i = 1; i < n; i++) {
      if (s.time(i) - s.time(i - 1) > maxGapMillis) {
        gaps++;
      }
    }
    // Each break costs one marker and may leave two partial-bucket points: budget for it, and
    // give up on breaks when there are too many to matter.
    boolean breaks = gaps <= maxPoints / 10;
    int budget = Math.max(4, maxPoints - (breaks ? 3 * gaps : 0) - 4);
    int perBucket = n <= budget ? 1 : (int) Math.ceil(n / (budget / 2.0));
    double[] secs = new double[Math.min(n, maxPoints) + 3 * gaps + 6];
    Double[] vals = new Double[secs.length];
    int out = 0;
    int i = 0;
    int[] keep = new int[4];
    while (i < n) {
      int end = Math.min(n, i + perBucket);
      boolean gapAfter = false;
      for (int k = i + 1; breaks && k <= end && k < n; k++) {
        if (s.time(k) - s.time(k - 1) > maxGapMillis) {
          end = k;
          gapAfter = true;
          break;
        }
      }
      int lo = i;
      int hi = i;
      for (int k = i + 1; k < end; k++) {
        if (s.value(k) < s.value(lo)) {
          lo = k;
        }
        if (s.value(k) > s.value(hi)) {
          hi = k;
        }
      }
      int m = 0;
      keep[m++] = Math.min(lo, hi);
      keep[m++] = Math.max(lo, hi);
      if (i == 0) {
        keep[m++] = 0; // normalised prices start from the first point
      }
      if (end == n) {
        keep[m++] = n - 1;
      }
      java.util.Arrays.sort(keep, 0, m);
      for (int k = 0; k < m; k++) {
        if (k > 0 && keep[k] == keep[k - 1]) {
          continue;
        }
        secs[out] = (s.time(keep[k]) - t0Millis) / 1000.0;
        vals[out++] = s.value(keep[k]);
      }
      if (gapAfter) {
        // The break sits halfway through the gap.
        secs[out] = ((s.time(end - 1) + s.time(end)) / 2.0 - t0Millis) / 1000.0;
        vals[out++] = null;
      }
      i = end;
    }
    double[] st = new double[out];
    Double[] vt = new Double[out];
    System.arraycopy(secs, 0, st, 0, out);
    System.arraycopy(vals, 0, vt, 0, out);
    return new Points(st, vt);
  }
}
