package dev.cascade.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  private static long[] draw(RandomGenerator g, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = g.nextLong();
    }
    return out;
  }

  @Test
  void theSameSeedAndNameGiveTheSameStream() {
    long[] a = draw(new RandomStreams(7).stream("noise-3"), 1_000);
    long[] b = draw(new RandomStreams(7).stream("noise-3"), 1_000);

    assertThat(a).isEqualTo(b);
  }

  @Test
  void aStreamDoesNotDependOnWhichOtherStreamsWereDrawnFirst() {
    RandomStreams alone = new RandomStreams(7);
    RandomStreams crowded = new RandomStreams(7);
    draw(crowded.stream("mm-0"), 500);
    draw(crowded.stream("noise-1"), 500);

    assertThat(draw(crowded.stream("noise-3"), 100)).isEqualTo(draw(alone.stream("noise-3"), 100));
  }

  @Test
  void namesThatDifferByOneCharacterGiveDifferentStreams() {
    RandomStreams s = new RandomStreams(7);

    assertThat(draw(s.stream("noise-3"), 100)).isNotEqualTo(draw(s.stream("noise-4"), 100));
    assertThat(RandomStreams.streamSeed(7, "noise-3"))
        .isNotEqualTo(RandomStreams.streamSeed(7, "noise-4"));
  }

  @Test
  void differentSeedsGiveDifferentStreamsForTheSameName() {
    assertThat(draw(new RandomStreams(7).stream("noise-3"), 100))
        .isNotEqualTo(draw(new RandomStreams(8).stream("noise-3"), 100));
  }

  @Test
  void streamsOfDifferentNamesAreUncorrelated() {
    RandomStreams s = new RandomStreams(2025);
    RandomGenerator a = s.stream("a");
    RandomGenerator b = s.stream("b");
    int n = 100_000;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (a.nextDouble() - 0.5) * (b.nextDouble() - 0.5);
    }
    // Correlation of two independent uniforms: mean 0, standard error 1/sqrt(n).
    double corr = sxy / n * 12;

    assertThat(Math.abs(corr)).isLessThan(3 / Math.sqrt(n));
  }
}
