package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.AgentRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random damage to the good example file: whatever the damage, the loader returns a result
 * instead of throwing, and every error says what is wrong and where.
 */
class ScenarioLoaderFuzzTest {
  static final int SEEDS = 40;
  static final int CASES_PER_SEED = 100;

  private static final String GOOD = ScenarioLoaderTest.good();
  private static final AgentRegistry REGISTRY = TestFamilies.registry();
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final String[] INSERTS = {
    "\t",
    ":",
    ": ",
    "[",
    "]",
    "{",
    "}",
    "- ",
    "&a ",
    "*a",
    "!!binary ",
    "'",
    "\"",
    "#",
    "\n",
    "? ",
    "|",
    ">",
    "%",
    "@",
    "`",
    "\u0000",
    "\uFEFF",
    "---\n",
    "..."
  };
  private static final String[] NUMBERS = {
    "1e308", "-1e308", "1e999999999", "99999999999999999999999999", "-1", "-0", "0", ".nan", "NaN",
    ".inf", "-.inf", "0x7fffffff", "1_000", "0.000000000000000000001", "abc", "''", "~", "true",
    "[1, 2]", "{a: 1}", "9223372036854775808", "-9223372036854775809", "1.5", "2025-11-18"
  };

  static LongStream seeds() {
    return LongStream.range(0, SEEDS);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void damagedFilesNeverThrowAndEveryErrorIsLocatedAndExplained(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int c = 0; c < CASES_PER_SEED; c++) {
      String text = GOOD;
      int mutations = 1 + rng.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        text = mutate(text, rng);
      }
      String label = "seed " + seed + " case " + c + ":\n" + text;
      LoadResult r = ScenarioLoader.parse(text, "fuzz.yaml", REGISTRY);
      assertThat(r.spec().isPresent()).as(label).isEqualTo(r.errors().isEmpty());
      for (ScenarioError e : r.errors()) {
        assertThat(e.message()).as(label).isNotBlank();
        assertThat(!e.path().isEmpty() || e.line() > 0).as("%s\n%s", e, label).isTrue();
      }
    }
  }

  static String mutate(String text, SplittableRandom rng) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int n = lines.size();
    switch (rng.nextInt(8)) {
      case 0:
        lines.remove(rng.nextInt(n));
        return String.join("\n", lines);
      case 1:
        {
          int i = rng.nextInt(n);
          lines.add(i, lines.get(i));
          return String.join("\n", lines);
        }
      case 2:
        {
          int i = rng.nextInt(n);
          int j = rng.nextInt(n);
          String t = lines.get(i);
          lines.set(i, lines.get(j));
          lines.set(j, t);
          return String.join("\n", lines);
        }
      case 3:
        return text.substring(0, rng.nextInt(text.length() + 1));
      case 4:
        {
          if (text.isEmpty()) {
            return text;
          }
          char[] cs = text.toCharArray();
          int i = rng.nextInt(cs.length);
          cs[i] = (char) (cs[i] ^ (1 << rng.nextInt(7)));
          return new String(cs);
        }
      case 5:
        {
          int i = rng.nextInt(text.length() + 1);
          return text.substring(0, i) + INSERTS[rng.nextInt(INSERTS.length)] + text.substring(i);
        }
      case 6:
        {
          List<int[]> spans = new ArrayList<>();
          Matcher m = NUMBER.matcher(text);
          while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
          }
          if (spans.isEmpty()) {
            return text;
          }
          int[] s = spans.get(rng.nextInt(spans.size()));
          return text.substring(0, s[0])
              + NUMBERS[rng.nextInt(NUMBERS.length)]
              + text.substring(s[1]);
        }
      default:
        {
          // Re-indent a line: YAML structure lives in indentation.
          int i = rng.nextInt(n);
          String l = lines.get(i);
          lines.set(i, rng.nextBoolean() ? "  " + l : l.stripLeading());
          return String.join("\n", lines);
        }
    }
  }
}
