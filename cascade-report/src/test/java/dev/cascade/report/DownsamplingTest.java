package dev.cascade.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DownsamplingTest {
  private static Series walk(int n, long stepMillis, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Series s = new Series();
    double v = 100;
    for (int i = 0; i < n; i++) {
      v += rnd.nextGaussian();
      s.add(i * stepMillis, v);
    }
    return s;
  }

  @Test
  void aShortSeriesIsKeptWhole() {
    Series s = walk(500, 60_000, 1);
    Downsampling.Points p = Downsampling.of(s, 0, Long.MAX_VALUE);
    assertThat(p.size()).isEqualTo(500);
    assertThat(p.seconds()[499]).isEqualTo(499 * 60.0);
  }

  @Test
  void aLongSeriesKeepsAtMostMaxPointsWithItsExtremesAndEnds() {
    Series s = walk(86_400, 5_000, 2);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < s.size(); i++) {
      min = Math.min(min, s.value(i));
      max = Math.max(max, s.value(i));
    }
    Downsampling.Points p = Downsampling.of(s, 0, Long.MAX_VALUE);
    assertThat(p.size()).isLessThanOrEqualTo(Downsampling.MAX_POINTS).isGreaterThan(1900);
    double[] kept = Arrays.stream(p.values()).mapToDouble(Double::doubleValue).toArray();
    assertThat(Arrays.stream(kept).min().orElseThrow()).isEqualTo(min);
    assertThat(Arrays.stream(kept).max().orElseThrow()).isEqualTo(max);
    assertThat(kept[0]).isEqualTo(s.value(0));
    assertThat(kept[kept.length - 1]).isEqualTo(s.value(s.size() - 1));
    for (int i = 1; i < p.size(); i++) {
      assertThat(p.seconds()[i]).isGreaterThan(p.seconds()[i - 1]);
    }
  }

  @Test
  void aSpikeOfOneSampleSurvives() {
    Series s = new Series();
    for (int i = 0; i < 50_000; i++) {
      s.add(i * 1000L, i == 31_337 ? 250.0 : 1.0);
    }
    Downsampling.Points p = Downsampling.of(s, 0, Long.MAX_VALUE);
    assertThat(p.values()).contains(250.0);
  }

  @Test
  void aGapLongerThanTheLimitIsABreakHalfwayThrough() {
    Series s = new Series();
    for (int i = 0; i < 10; i++) {
      s.add(i * 1000L, i);
    }
    for (int i = 0; i < 10; i++) {
      s.add(100_000 + i * 1000L, 10 + i);
    }
    Downsampling.Points p = Downsampling.of(s, 0, 10_000);
    assertThat(p.size()).isEqualTo(21);
    assertThat(p.values()[10]).isNull();
    assertThat(p.seconds()[10]).isEqualTo(54.5);
    assertThat(Arrays.stream(p.values()).filter(Objects::isNull).count()).isEqualTo(1);
  }

  @Test
  void breaksInALongSeriesStayWithinTheBudget() {
    Series s = new Series();
    long t = 0;
    for (int day = 0; day < 5; day++) {
      for (int i = 0; i < 20_000; i++) {
        s.add(t, Math.sin(i / 100.0));
        t += 1000;
      }
      t += 17 * 3_600_000L; // overnight
    }
    Downsampling.Points p = Downsampling.of(s, 0, 60_000);
    assertThat(p.size()).isLessThanOrEqualTo(Downsampling.MAX_POINTS);
    assertThat(Arrays.stream(p.values()).filter(Objects::isNull).count()).isEqualTo(4);
  }
}
