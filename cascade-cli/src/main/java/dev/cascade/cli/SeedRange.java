package dev.cascade.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seeds S, S+1, ..., S+N-1 of a batch command ({@code sweep}, {@code attribute}, {@code
 * reverse-stress}, {@code calibrate}, {@code impact}), given as {@code --seeds N} (from {@code
 * --first-seed S}) or {@code --seeds A-B}. Any 64-bit seed is valid, negative ones included, as for
 * {@code run --seed} and a scenario's {@code seed}; the range must not run past {@link
 * Long#MAX_VALUE}, where it would wrap round to negative seeds already meant otherwise.
 */
final class SeedRange {
  private SeedRange() {}

  private static final Pattern RANGE = Pattern.compile("(-?\\d+)-(-?\\d+)");

  /**
   * The seeds {@code first} .. {@code first + count - 1}.
   *
   * @param first the first seed
   * @param count how many
   */
  record Seeds(long first, int count) {
    /** The seeds in order. */
    List<Long> list() {
      List<Long> out = new ArrayList<>();
      for (long k = 0; k < count; k++) {
        out.add(first + k);
      }
      return out;
    }
  }

  /**
   * {@code --seeds TEXT}: a count N of seeds from {@code firstSeed}, or the inclusive range A-B
   * (then {@code --first-seed} is not used).
   *
   * @param max the most seeds the command takes
   * @throws CliFailure (usage) for another form, a range that ends before it starts, a count
   *     outside [1, max] or a range that runs past the largest seed
   */
  static Seeds parse(String text, long firstSeed, int max) {
    String t = text.strip();
    Matcher m = RANGE.matcher(t);
    long first;
    long count;
    try {
      if (m.matches()) {
        first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (last < first) {
          throw CliFailure.usage("--seeds " + t + ": the range ends before it starts");
        }
        count = last - first + 1;
        if (count <= 0) {
          count = Long.MAX_VALUE;
        }
      } else if (t.matches("\\d+")) {
        first = firstSeed;
        count = Long.parseLong(t);
      } else {
        throw CliFailure.usage(
            "--seeds takes a count N or a range A-B (e.g. 8 or 1-8), got '" + t + "'");
      }
    } catch (NumberFormatException e) {
      throw CliFailure.usage("--seeds " + t + ": a seed must be a 64-bit integer");
    }
    if (count < 1 || count > max) {
      throw CliFailure.usage("--seeds must be in [1, " + max + "], got " + count);
    }
    String over = check("--first-seed", first, "--seeds", (int) count);
    if (over != null) {
      throw CliFailure.usage(over);
    }
    return new Seeds(first, (int) count);
  }

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
}
