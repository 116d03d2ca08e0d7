package dev.cascade.cli;

/**
 * The seeds S, S+1, ..., S+N-1 of a sweep or an attribution. Any 64-bit seed is valid, negative
 * ones included, as for {@code run --seed} and a scenario's {@code seed}; the range must not run
 * past {@link Long#MAX_VALUE}, where it would wrap round to negative seeds already meant otherwise.
 */
final class SeedRange {
  private SeedRange() {}

  /**
   * Null if {@code first} .. {@code first + count - 1} fits in a long (count >= 1), else why not.
   */
  static String check(String firstFlag, long first, String countFlag, int count) {
    if (count >= 1 && first > Long.MAX_VALUE - (count - 1)) {
      return String.format(
          "%s %d with %s %d runs past the largest seed, %d: the first seed can be at most %d",
          firstFlag, first, countFlag, count, Long.MAX_VALUE, Long.MAX_VALUE - (count - 1));
    }
    return null;
  }

  /**
   * Checks a batch command's seed count (in [1, max]) and range, printing the one-line refusal as
   * "cascade COMMAND: ..." on {@code err}.
   *
   * @return true when refused (the command exits 2)
   */
  static boolean refuse(
      String command, String countFlag, int count, int max, long first, java.io.PrintWriter err) {
    if (count < 1 || count > max) {
      err.println(
          "cascade " + command + ": " + countFlag + " must be in [1, " + max + "], got " + count);
      return true;
    }
    String over = check("--first-seed", first, countFlag, count);
    if (over != null) {
      err.println("cascade " + command + ": " + over);
      return true;
    }
    return false;
  }
}
