package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioLoaderTest.good;
import static dev.cascade.scenario.ScenarioLoaderTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/scenario-format.md says what the loader does: the shock types and their parameters, the
 * numeric bounds of the keys whose bounds are a plain range (probed at and just past each end), and
 * the size and length limits of the text.
 */
class ScenarioFormatDocTest {
  static final Path DOC = Path.of("..", "docs", "scenario-format.md");

  static String doc;

  @BeforeAll
  static void readDoc() throws IOException {
    doc = Files.readString(DOC, StandardCharsets.UTF_8);
  }

  /** The cells of the row for {@code key} in the first table after the heading {@code section}. */
  static List<String> row(String section, String key) {
    int at = doc.indexOf("\n## " + section + "\n");
    assertThat(at).as("section %s", section).isNotNegative();
    int end = doc.indexOf("\n## ", at + 1);
    String body = doc.substring(at, end < 0 ? doc.length() : end);
    String prefix = "| `" + key + "` |";
    String line =
        body.lines()
            .filter(l -> l.startsWith(prefix))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + key + " under " + section));
    return Arrays.stream(line.substring(1, line.length() - 1).split(" \\| "))
        .map(String::trim)
        .toList();
  }

  /** The backticked words of {@code text}. */
  static List<String> quoted(String text) {
    Matcher m = Pattern.compile("`([^`]+)`").matcher(text);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theShockTypesAndTheirParametersAreTheLoaders() {
    Set<String> documented = new LinkedHashSet<>(quoted(row("`shocks[i]`", "type").get(3)));
    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ShockType.values()).map(ShockType::configName).toList());
    for (ShockType t : ShockType.values()) {
      String cell = row("`shocks[i]`", t.configName()).get(1);
      String names = cell.substring(0, cell.indexOf(':'));
      Set<String> params =
          quoted(names).stream()
              .filter(w -> w.matches("[a-zA-Z]+"))
              .collect(Collectors.toCollection(LinkedHashSet::new));
      assertThat(params).as("parameters of %s", t.configName()).isEqualTo(Set.copyOf(t.keys()));
    }
    String target = row("`shocks[i]`", "target").get(3);
    for (ShockType t : ShockType.values()) {
      assertThat(target.contains("`" + t.configName() + "`"))
          .as("the target row lists %s as requiring a target", t.configName())
          .isEqualTo(t.needsTarget());
    }
  }

  /**
   * A key of the good file and how to set it: its section in the doc, its indentation in the file,
   * its path in errors, and whether it is a whole number.
   */
  record Probe(String section, String key, String indent, String path, boolean whole) {}

  static final List<Probe> PROBES =
      List.of(
          new Probe("`rules`", "bandPct", "  ", "rules.bandPct", false),
          new Probe("`rules`", "bandWindowSeconds", "  ", "rules.bandWindowSeconds", true),
          new Probe("`rules`", "bandPauseSeconds", "  ", "rules.bandPauseSeconds", true),
          new Probe("`rules`", "takerFeeBps", "  ", "rules.takerFeeBps", false),
          new Probe("`rules`", "makerFeeBps", "  ", "rules.makerFeeBps", false),
          new Probe("`rules`", "marketOrderCollarPct", "  ", "rules.marketOrderCollarPct", false),
          instrument("fundamentalVolPct", false),
          instrument("baselineDailyVolume", true),
          instrument("duration", false),
          instrument("convexity", false),
          instrument("yieldPct", false),
          new Probe("`agents[i]`", "count", "    ", "agents[0].count", true),
          new Probe("`agents[i]`", "cash", "    ", "agents[0].cash", false));

  static Probe instrument(String key, boolean whole) {
    return new Probe("`instruments[i]`", key, "    ", "instruments[0]." + key, whole);
  }

  /** The good file with the probe's key (first occurrence, or added to SPY) set to {@code v}. */
  static String with(Probe p, BigDecimal v) {
    String good = good();
    if (p.path().equals("agents[0].count")) {
      // At the largest count the group's endowment must stay within the engine's limit on the
      // cash and holdings of all agents together, a separate rule (EngineLimitsLoaderTest).
      String endowment = "    cash: 1000000\n    holdings: {SPY: 1000}\n";
      assertThat(good).contains(endowment);
      good = good.replace(endowment, "    cash: 1000\n");
    }
    String line = p.indent() + p.key() + ": " + v.toPlainString();
    Matcher m = Pattern.compile("(?m)^" + p.indent() + p.key() + ": .*$").matcher(good);
    if (m.find()) {
      return good.substring(0, m.start()) + line + good.substring(m.end());
    }
    String anchor = "    baselineDailyVolume: 5000000\n";
    assertThat(good).contains(anchor);
    return good.replace(anchor, anchor + line + "\n");
  }

  static void accepted(Probe p, BigDecimal v) {
    LoadResult r = parse(with(p, v));
    // One agent's cash at its bound puts the agents' total past the engine's limit on all of them
    // together (path "agents"), a separate rule tested in EngineLimitsLoaderTest.
    assertThat(r.errors())
        .as("%s = %s", p.path(), v.toPlainString())
        .filteredOn(e -> !(p.path().equals("agents[0].cash") && e.path().equals("agents")))
        .isEmpty();
  }

  static void refused(Probe p, BigDecimal v) {
    LoadResult r = parse(with(p, v));
    assertThat(r.errors())
        .as("%s = %s", p.path(), v.toPlainString())
        .extracting(ScenarioError::path)
        .containsExactly(p.path());
  }

  /** "[a, b]", "(a, b]", ... or "a..b" (whole numbers, inclusive) at the start of a bounds cell. */
  static final Pattern INTERVAL =
      Pattern.compile(
          "^([\\[(])(-?[0-9.e]+), (-?[0-9.e]+)([\\])])|^(-?[0-9.e,]+)\\.\\.([0-9.e,]+)");

  @Test
  void rangesInTheTablesAreTheLoadersAtAndJustPastEachEnd() {
    for (Probe p : PROBES) {
      String bounds = row(p.section(), p.key()).get(3);
      Matcher m = INTERVAL.matcher(bounds);
      assertThat(m.find()).as("bounds of %s: %s", p.key(), bounds).isTrue();
      boolean dots = m.group(5) != null;
      BigDecimal lo = number(dots ? m.group(5) : m.group(2));
      BigDecimal hi = number(dots ? m.group(6) : m.group(3));
      boolean loIn = dots || m.group(1).equals("[");
      boolean hiIn = dots || m.group(4).equals("]");
      BigDecimal eps =
          p.whole()
              ? BigDecimal.ONE
              : hi.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-6"));
      if (hiIn) {
        accepted(p, hi);
        refused(p, hi.add(eps));
      } else {
        refused(p, hi);
      }
      if (loIn) {
        accepted(p, lo);
        refused(p, lo.subtract(eps));
      } else {
        refused(p, lo);
      }
    }
  }

  static BigDecimal number(String s) {
    return new BigDecimal(s.replace(",", ""));
  }

  @Test
  void theSizeAndLengthLimitsInTheTextAreTheLoaders() {
    assertThat(ScenarioLoader.MAX_BYTES).isEqualTo(1 << 20);
    assertThat(doc).contains("a regular file of at most 1 MiB");
    assertThat(doc)
        .contains(
            String.format(
                Locale.ROOT,
                "`description` is at most %,d characters, every other string value",
                ScenarioReader.MAX_DESCRIPTION_CHARS))
        .contains(
            String.format(
                Locale.ROOT,
                "at most %d, and every key at most %d.",
                ScenarioReader.MAX_TEXT_CHARS,
                YamlTreeReader.MAX_KEY_CHARS))
        .contains(
            String.format(
                Locale.ROOT, "A line is at most %,d characters", ScenarioLoader.MAX_LINE_CHARS))
        .contains("nesting deeper than " + YamlTreeReader.MAX_DEPTH + " levels are errors");
    assertThat(row("`agents[i]`", "count").get(3))
        .startsWith("1.." + ScenarioReader.MAX_GROUP_COUNT);
    assertThat(row("Top level", "agents").get(3))
        .startsWith(
            String.format(
                Locale.ROOT, "at most %,d agents in all", ScenarioReader.MAX_TOTAL_AGENTS));
    assertThat(row("Top level", "end").get(3))
        .contains("at most " + ScenarioReader.MAX_SCENARIO_DAYS + " days after it");
    assertThat(row("`instruments[i]`", "price").get(3))
        .contains(String.format(Locale.ROOT, "at most %,d ticks", ScenarioReader.MAX_PRICE_TICKS));
  }
}
