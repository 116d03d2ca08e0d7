package dev.cascade.kernel;

import java.util.random.RandomGenerator;

/**
 * Standard normal draws that are the same on every machine: Marsaglia's polar method on the
 * stream's uniform doubles, with {@link StrictMath} for the logarithm and square root. The JDK's
 * own {@code nextGaussian} may use platform intrinsics in its tails; the tape must not.
 */
public final class Gaussian {
  private Gaussian() {}

  /**
   * One standard normal draw. Consumes an even number of uniforms (two per attempt; attempts
   * succeed with probability pi/4) and discards the second normal of each pair, so a stream's state
   * after a draw depends only on the stream.
   */
  public static double next(RandomGenerator rng) {
    while (true) {
      double u = 2 * rng.nextDouble() - 1;
      double v = 2 * rng.nextDouble() - 1;
      double s = u * u + v * v;
      if (s > 0 && s < 1) {
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
      }
    }
  }
}
