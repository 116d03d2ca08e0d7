package dev.cascade.report;

import dev.cascade.analytics.TapeTrade;
import dev.cascade.cause.CauseKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trade tape folded as the report draws it, in one pass over trades.csv (or .parquet): the
 * aggressive notional (dollars) of every time bucket by the cause kind of the order that took
 * liquidity, sells and buys apart; and, when the causes are known, the lots and notional each
 * aggressor cause took, which is all {@link dev.cascade.analytics.CauseChains} sums. The tape
 * itself is not kept, so a 5-day run costs no more memory than a calm day.
 *
 * <p>Buckets are one minute wide, widened to 2, 5, 10, 15, 30, 60 ... minutes so that the run has
 * at most {@link #MAX_BUCKETS} of them (downsampling when the report is written).
 */
final class TradeFlow {
  /** The most time buckets the flow charts carry. */
  static final int MAX_BUCKETS = 720;

  private static final long[] WIDTHS_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440};
  private static final Map<String, CauseKind> KINDS = new LinkedHashMap<>();

  static {
    for (CauseKind k : CauseKind.values()) {
      KINDS.put(k.label(), k);
    }
  }

  final long t0Millis;
  final long bucketMillis;
  final int buckets;

  /** Aggressive sells, dollars: [cause kind ordinal][bucket], by the sell order's kind. */
  final double[][] sold;

  /** Aggressive buys, dollars: [cause kind ordinal][bucket], by the buy order's kind. */
  final double[][] bought;

  private final long[] causeLots;
  private final double[] causeNotional;
  private long trades;

  private TradeFlow(long t0Millis, long endMillis, int causeCount) {
    long minutes = Math.max(1, (endMillis - t0Millis + 59_999) / 60_000);
    long width = WIDTHS_MINUTES[WIDTHS_MINUTES.length - 1];
    for (long w : WIDTHS_MINUTES) {
      if ((minutes + w - 1) / w <= MAX_BUCKETS) {
        width = w;
        break;
      }
    }
    this.t0Millis = t0Millis;
    this.bucketMillis = width * 60_000;
    this.buckets = (int) Math.max(1, (minutes + width - 1) / width);
    int k = CauseKind.values().length;
    this.sold = new double[k][buckets];
    this.bought = new double[k][buckets];
    this.causeLots = new long[causeCount];
    this.causeNotional = new double[causeCount];
  }

  /** Bucket width in minutes. */
  long bucketMinutes() {
    return bucketMillis / 60_000;
  }

  long trades() {
    return trades;
  }

  /** Aggressive sells of {@code kind} over the run, dollars. */
  double soldTotal(CauseKind kind) {
    double s = 0;
    for (int b = 0; b < buckets; b++) {
      s += sold[kind.ordinal()][b];
    }
    return s;
  }

  /** Total aggressive notional of {@code kind}, sells and buys, dollars. */
  double total(CauseKind kind) {
    double s = 0;
    for (int b = 0; b < buckets; b++) {
      s += sold[kind.ordinal()][b] + bought[kind.ordinal()][b];
    }
    return s;
  }

  /**
   * One trade per aggressor cause with the lots and notional that cause took (price 0: no impact is
   * computed from it). {@link dev.cascade.analytics.CauseChains} sums lots and notional by cause,
   * so these give the same sums as the whole tape.
   */
  List<TapeTrade> foldedByCause() {
    List<TapeTrade> out = new ArrayList<>();
    for (int c = 0; c < causeLots.length; c++) {
      if (causeLots[c] != 0 || causeNotional[c] != 0) {
        out.add(new TapeTrade(0, "", 0, causeLots[c], causeNotional[c], true, c, c));
      }
    }
    return out;
  }

  /**
   * Reads the trades of {@code file}; cause ids are checked against {@code causeCount} when the
   * causes are known.
   */
  static TradeFlow read(Path file, long startMillis, long endMillis, Optional<Integer> causeCount)
      throws RunDataException {
    int nCauses = causeCount.orElse(0);
    TradeFlow f = new TradeFlow(startMillis, endMillis, nCauses);
    int[] c = new int[8];
    RunTable.read(
        file,
        List.of(
            "timeNanos",
            "qty",
            "notional",
            "aggressor",
            "buyCause",
            "buyCauseId",
            "sellCause",
            "sellCauseId"),
        idx -> System.arraycopy(idx, 0, c, 0, 8),
        row -> {
          String aggr = row.text(c[3]);
          boolean buy = aggr.equals("buy");
          if (!buy && !aggr.equals("sell")) {
            throw new RunDataException(
                file, row.line(), "column aggressor: expected buy or sell, found '" + aggr + "'");
          }
          CauseKind kind = KINDS.get(row.text(buy ? c[4] : c[6]));
          if (kind == null) {
            throw new RunDataException(
                file,
                row.line(),
                "column "
                    + (buy ? "buyCause" : "sellCause")
                    + ": unknown cause kind '"
                    + row.text(buy ? c[4] : c[6])
                    + "'");
          }
          double notional = row.number(c[2]);
          long millis = Math.floorDiv(row.whole(c[0]), 1_000_000L);
          int b =
              (int) Math.min(f.buckets - 1, Math.max(0, (millis - startMillis) / f.bucketMillis));
          (buy ? f.bought : f.sold)[kind.ordinal()][b] += notional;
          if (causeCount.isPresent()) {
            long id = row.whole(buy ? c[5] : c[7]);
            if (id < 0 || id >= nCauses) {
              throw new RunDataException(
                  file,
                  row.line(),
                  "cause id " + id + " out of range of the causes (" + nCauses + ")");
            }
            f.causeLots[(int) id] += row.whole(c[1]);
            f.causeNotional[(int) id] += notional;
          }
          f.trades++;
        });
    return f;
  }
}
