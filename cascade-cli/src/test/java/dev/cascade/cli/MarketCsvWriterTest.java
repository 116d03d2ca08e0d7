package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The depth table's three-decimal numbers are the formatter's, to the character. */
class MarketCsvWriterTest {
  private static void same(double x) {
    assertThat(MarketCsvWriter.threeDecimals(x))
        .as("%s", x)
        .isEqualTo(String.format(Locale.ROOT, "%.3f", x));
  }

  @Test
  void threeDecimalsAreTheFormattersOnEdgesAndTies() {
    double[] edges = {
      0,
      -0.0,
      1,
      0.0005,
      0.0015,
      1.0005,
      2.0005,
      0.1235,
      12.3455,
      999.9995,
      1e-9,
      5e-4,
      4.9999e-4,
      1e7,
      1e14,
      1e15,
      1e300,
      -1.2345,
      -1e-5,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (double x : edges) {
      same(x);
    }
    // The ties k/2000 up to 50 and their neighbours, where half-up rounding and binary values
    // disagree most.
    for (int k = 0; k < 100_000; k++) {
      double tie = k / 2000.0;
      same(tie);
      same(Math.nextUp(tie));
      same(Math.nextDown(tie));
    }
  }

  @Test
  void threeDecimalsAreTheFormattersOnRandomSpreads() {
    SplittableRandom r = new SplittableRandom(7);
    for (int k = 0; k < 100_000; k++) {
      same(r.nextDouble() * 100);
      same(-Math.log(r.nextDouble()) * 3);
      same(Math.scalb(r.nextDouble(), r.nextInt(-30, 40)));
    }
  }
}
