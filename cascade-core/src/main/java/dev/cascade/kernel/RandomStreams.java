package dev.cascade.kernel;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Independent, reproducible random streams derived from (scenario seed, stream name). An agent's
 * stream depends only on the seed and the agent's id, so disabling one agent family leaves every
 * other agent's random numbers unchanged (common random numbers for ablations).
 *
 * <p>Generator: {@code L64X128MixRandom} from Java 17's {@link RandomGeneratorFactory}; the stream
 * seed is SplitMix64(seed XOR FNV-1a-64(name)), so names that differ by one character give
 * unrelated streams.
 */
public final class RandomStreams {
  private static final RandomGeneratorFactory<RandomGenerator> FACTORY =
      RandomGeneratorFactory.of("L64X128MixRandom");

  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** The stream for one named consumer (an agent id, "fundamental:SPY", "shock:3", ...). */
  public RandomGenerator stream(String name) {
    return FACTORY.create(streamSeed(seed, name));
  }

  /** The 64-bit seed of a named stream: a pure function of the scenario seed and the name. */
  public static long streamSeed(long seed, String name) {
    return splitMix64(seed ^ fnv1a64(name));
  }

  static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }

  static long splitMix64(long x) {
    long z = x + 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
