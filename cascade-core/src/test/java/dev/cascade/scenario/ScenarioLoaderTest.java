package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.Distribution;
import dev.cascade.kernel.SessionKind;
import dev.cascade.market.AssetClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
  static final String FILE = "calm-day.yaml";

  @TempDir Path dir;

  static String good() {
    try (InputStream in = ScenarioLoaderTest.class.getResourceAsStream(FILE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LoadResult parse(String text) {
    return ScenarioLoader.parse(text, FILE, TestFamilies.registry());
  }

  /** The good file with the first occurrence of {@code from} replaced. */
  static String goodWith(String from, String to) {
    String g = good();
    assertThat(g).contains(from);
    return g.replaceFirst(
        java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
  }

  /** 1-based line and column of the first occurrence of {@code fragment}. */
  static int[] at(String text, String fragment) {
    int i = text.indexOf(fragment);
    assertThat(i).as("fragment %s", fragment).isNotNegative();
    int line = 1;
    int lineStart = 0;
    for (int k = 0; k < i; k++) {
      if (text.charAt(k) == '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return new int[] {line, i - lineStart + 1};
  }

  static ScenarioError onlyError(LoadResult r) {
    assertThat(r.ok()).isFalse();
    assertThat(r.spec()).isEmpty();
    assertThat(r.errors()).as("%s", r.errors()).hasSize(1);
    return r.errors().get(0);
  }

  static void assertError(String text, String locatedAt, String path, String messageFragment) {
    ScenarioError e = onlyError(parse(text));
    int[] lc = at(text, locatedAt);
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).as("line of %s", e).isEqualTo(lc[0]);
    assertThat(e.column()).as("column of %s", e).isEqualTo(lc[1]);
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.message()).contains(messageFragment);
  }

  @Test
  void goodFileParsesToExactRecordsWithDefaultsFilledIn() {
    LoadResult r = parse(good());
    assertThat(r.errors()).isEmpty();
    assertThat(r.ok()).isTrue();
    ScenarioSpec s = r.spec().orElseThrow();
    assertThat(s.name()).isEqualTo("calm-day");
    assertThat(s.description()).isEqualTo("One calm trading day.\n");
    assertThat(s.seed()).isEqualTo(7);
    assertThat(s.start()).isEqualTo(OffsetDateTime.parse("2025-11-18T09:30:00-05:00"));
    assertThat(s.end()).isEqualTo(OffsetDateTime.parse("2025-11-18T16:00:00-05:00"));
    assertThat(s.rules())
        .isEqualTo(
            new MarketRulesSpec(
                "SPY",
                List.of(7.0, 13.0, 20.0),
                List.of(15, 15, -1),
                LocalTime.of(15, 25),
                5,
                300,
                300,
                0.3,
                0,
                5));
    assertThat(s.instruments())
        .containsExactly(
            new InstrumentSpec(
                "SPY",
                AssetClass.ETF,
                new BigDecimal("0.01"),
                new BigDecimal("1"),
                new BigDecimal("1"),
                "USD",
                SessionKind.US_EQUITY,
                new BigDecimal("660.00"),
                15,
                5_000_000),
            new InstrumentSpec(
                "NVDA",
                AssetClass.EQUITY,
                new BigDecimal("0.01"),
                BigDecimal.ONE,
                BigDecimal.ONE,
                "USD",
                SessionKind.US_EQUITY,
                new BigDecimal("181.36"),
                20,
                0),
            new InstrumentSpec(
                "GC",
                AssetClass.METAL,
                new BigDecimal("0.1"),
                BigDecimal.ONE,
                new BigDecimal("100"),
                "USD",
                SessionKind.GLOBEX,
                new BigDecimal("4065.1"),
                20,
                0));
    assertThat(s.agents())
        .containsExactly(
            new AgentGroupSpec(
                "noise",
                "noise",
                50,
                List.of("SPY", "NVDA"),
                new BigDecimal("1000000"),
                Map.of("SPY", 1000L),
                Map.of(
                    "rate", Distribution.fixed(0.5),
                    "spreadBps", Distribution.uniform(1, 5),
                    "size", Distribution.lognormal(4, 0.5),
                    "bias", Distribution.normal(0, 1))),
            new AgentGroupSpec(
                "market-maker",
                "mm",
                3,
                List.of("SPY", "NVDA", "GC"),
                new BigDecimal("25000000.50"),
                Map.of(),
                Map.of("spreadBps", Distribution.fixed(4), "depth", Distribution.fixed(500))));
    assertThat(s.shocks())
        .containsExactly(
            new ShockSpec(
                ShockType.FUNDAMENTAL,
                OffsetDateTime.parse("2025-11-18T12:00:00-05:00"),
                "NVDA earnings miss",
                "NVDA",
                Map.of("pct", -8.0)),
            new ShockSpec(
                ShockType.LIQUIDITY,
                OffsetDateTime.parse("2025-11-18T13:00:00-05:00"),
                "liquidity",
                null,
                Map.of("spreadMultiplier", 3.0, "depthMultiplier", 0.25, "minutes", 20.0)));
  }

  @Test
  void decimalsAreReadExactlyFromTheirText() {
    ScenarioSpec s = parse(good()).spec().orElseThrow();
    assertThat(s.instruments().get(0).tick().toPlainString()).isEqualTo("0.01");
    assertThat(s.instruments().get(0).price().toPlainString()).isEqualTo("660.00");
    assertThat(s.agents().get(1).cash().toPlainString()).isEqualTo("25000000.50");
  }

  @Test
  void minimalFileTakesEveryDefault() {
    String text =
        "name: tiny\nstart: 2025-11-18T09:30:00Z\nend: 2025-11-19T09:30:00Z\n"
            + "instruments:\n  - {symbol: BTC, class: crypto, price: 90000}\n";
    ScenarioSpec s = parse(text).spec().orElseThrow();
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.description()).isEmpty();
    assertThat(s.rules()).isEqualTo(MarketRulesSpec.defaults());
    assertThat(s.agents()).isEmpty();
    assertThat(s.shocks()).isEmpty();
    assertThat(s.instruments().get(0).session()).isEqualTo(SessionKind.CRYPTO_24_7);
    assertThat(s.instruments().get(0).fundamentalVolPct()).isEqualTo(20);
  }

  @Test
  void brokenSyntaxIsLocatedWhereTheParserStopped() {
    String text = goodWith("instruments: [SPY, NVDA]", "instruments: [SPY, NVDA");
    ScenarioError e = onlyError(parse(text));
    assertThat(e.line()).isEqualTo(at(text, "    cash: 1000000")[0]);
    assertThat(e.path()).isEmpty();
    assertThat(e.message()).startsWith("invalid YAML: ").contains("flow sequence");
  }

  @Test
  void emptyFileIsAnError() {
    for (String text : List.of("", "   \n", "# only a comment\n", "---\n")) {
      ScenarioError e = onlyError(parse(text));
      assertThat(e.line()).as("%s", e).isEqualTo(1);
      assertThat(e.message()).contains("the file is empty");
    }
  }

  @Test
  void listOrScalarAtTopLevelIsAnError() {
    assertError("- name: x\n", "- name", "", "must be a mapping");
    assertError("just words\n", "just", "", "but this one is text (not quoted");
  }

  @Test
  void missingFileIsAnErrorNotAnException() {
    Path missing = dir.resolve("nope.yaml");
    ScenarioError e = onlyError(ScenarioLoader.load(missing, TestFamilies.registry()));
    assertThat(e.file()).isEqualTo(missing.toString());
    assertThat(e.line()).isZero();
    assertThat(e.message()).isEqualTo("no such file");
  }

  @Test
  void directoryIsAnError() {
    ScenarioError e = onlyError(ScenarioLoader.load(dir, TestFamilies.registry()));
    assertThat(e.message()).contains("is a directory");
  }

  @Test
  void unreadableBytesAreLocated() throws IOException {
    Path f = dir.resolve("latin1.yaml");
    byte[] head = "name: caf".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9; // é in Latin-1, invalid alone in UTF-8
    bytes[head.length + 1] = '\n';
    Files.write(f, ("seed: 1\n").getBytes(StandardCharsets.US_ASCII));
    Files.write(f, bytes, java.nio.file.StandardOpenOption.APPEND);
    ScenarioError e = onlyError(ScenarioLoader.load(f, TestFamilies.registry()));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.message()).contains("not UTF-8").contains("0xE9");
  }

  @Test
  void goodFileLoadsFromDisk() throws IOException {
    Path f = dir.resolve("calm-day.yaml");
    Files.writeString(f, good());
    assertThat(ScenarioLoader.load(f, TestFamilies.registry()).ok()).isTrue();
  }

  @Test
  void oversizedFileIsRefusedUnparsed() throws IOException {
    Path f = dir.resolve("big.yaml");
    Files.write(f, new byte[ScenarioLoader.MAX_BYTES + 1]);
    assertThat(onlyError(ScenarioLoader.load(f, TestFamilies.registry())).message())
        .isEqualTo(
            "the file is 1.0 MiB (1,048,577 bytes); the limit is 1 MiB (1,048,576 bytes): a"
                + " scenario is a few kilobytes");
  }

  @Test
  void aliasesAreRefused() {
    String text = goodWith("count: 50", "count: &n 50").replace("count: 3", "count: *n");
    ScenarioError e = onlyError(parse(text));
    assertThat(e.line()).isEqualTo(at(text, "*n")[0]);
    assertThat(e.column()).isEqualTo(at(text, "*n")[1]);
    assertThat(e.path()).isEqualTo("agents[1].count");
    assertThat(e.message()).contains("aliases");
  }

  @Test
  void aliasBombIsRefusedQuickly() {
    StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [");
      for (int k = 0; k < 10; k++) {
        b.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      b.append("]\n");
    }
    LoadResult r = parse(b.toString());
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).anyMatch(e -> e.message().contains("aliases"));
  }

  @Test
  void deepNestingIsRefused() {
    String text = "name: " + "[".repeat(200) + "]".repeat(200) + "\n";
    assertThat(onlyError(parse(text)).message()).contains("nested more than");
  }

  @Test
  void stringWhereNumberExpected() {
    assertError(
        goodWith("price: 181.36", "price: cheap"),
        "cheap",
        "instruments[1].price",
        "expected a number but found the string 'cheap'");
  }

  @Test
  void listWhereStringExpected() {
    assertError(
        goodWith("name: calm-day", "name: [calm]"),
        "[calm]",
        "name",
        "expected a string but found a list");
  }

  @Test
  void negativeCountIsOutOfRange() {
    assertError(
        goodWith("count: 50", "count: -5"), "-5", "agents[0].count", "must be in [1, 100000]");
  }

  @Test
  void absurdSizesAreOutOfRange() {
    assertError(
        goodWith("price: 181.36", "price: 1e300"), "1e300", "instruments[1].price", "too large");
    assertError(
        goodWith("cash: 1000000", "cash: 99999999999999"),
        "99999999999999",
        "agents[0].cash",
        "must be in [0, 100000000000]");
    assertError(
        goodWith("count: 50", "count: 2.5"), "2.5", "agents[0].count", "expected a whole number");
  }

  @Test
  void notANumberIsNotANumber() {
    assertError(goodWith("pct: -8", "pct: .nan"), ".nan", "shocks[0].pct", "expected a number");
  }

  @Test
  void duplicateKeyIsLocatedAtTheSecond() {
    String text = goodWith("seed: 7\n", "seed: 7\nseed: 8\n");
    assertError(text, "seed: 8", "seed", "duplicate key 'seed' (first at line 4)");
  }

  @Test
  void anInstrumentInAnotherCurrencyIsRefusedWhereItSaysSo() {
    String text = goodWith("symbol: GC\n", "symbol: GC\n    currency: JPY\n");
    assertError(
        text,
        "JPY",
        "instruments[2].currency",
        "JPY, but SPY is in USD: every account keeps its cash in one currency");
  }

  @Test
  void aFileWhollyInOneOtherCurrencyLoads() {
    String text = good().replace("currency: USD", "currency: JPY");
    assertThat(text).doesNotContain("USD");
    String jpy =
        text.replace("symbol: GC\n", "symbol: GC\n    currency: JPY\n")
            .replace("symbol: NVDA\n", "symbol: NVDA\n    currency: JPY\n");
    LoadResult r = parse(jpy);
    assertThat(r.errors()).isEmpty();
    assertThat(r.spec().orElseThrow().instruments())
        .allSatisfy(i -> assertThat(i.currency()).isEqualTo("JPY"));
  }

  @Test
  void aGroupMayNotTakeANameTheEngineGivesItsOwnAccounts() {
    String text = goodWith("    name: mm", "    name: metaorder");
    ScenarioError e = onlyError(parse(text));
    assertThat(e.message())
        .contains("'metaorder' names accounts the engine opens itself")
        .contains("external, insurance-fund, metaorder, venue");
    assertThat(e.line()).isEqualTo(at(text, "name: metaorder")[0]);
  }

  @Test
  void duplicateSymbol() {
    String text = goodWith("symbol: GC", "symbol: NVDA");
    ScenarioError e = onlyError(parse(text));
    assertThat(e.line()).isEqualTo(at(text, "symbol: NVDA\n    class: metal")[0]);
    assertThat(e.path()).isEqualTo("instruments[2].symbol");
    assertThat(e.message()).contains("duplicate symbol 'NVDA' (first at line 29)");
  }

  @Test
  void duplicateGroupName() {
    assertError(
        goodWith("name: mm", "name: noise"),
        "noise\n    count: 3",
        "agents[1].name",
        "duplicate group name 'noise'");
  }

  @Test
  void unknownInstrumentInAgentsShocksAndRules() {
    assertError(
        goodWith("instruments: [SPY, NVDA]", "instruments: [SPY, NVDX]"),
        "NVDX",
        "agents[0].instruments[1]",
        "unknown instrument 'NVDX'; did you mean 'NVDA'?");
    assertError(
        goodWith("target: NVDA", "target: AAPL"),
        "AAPL",
        "shocks[0].target",
        "unknown instrument 'AAPL'; expected one of: SPY, NVDA, GC");
    assertError(
        goodWith("haltReference: SPY", "haltReference: spy"),
        "spy",
        "rules.haltReference",
        "did you mean 'SPY'?");
    assertError(
        goodWith("holdings: {SPY: 1000}", "holdings: {QQQ: 1000}"),
        "QQQ",
        "agents[0].holdings.QQQ",
        "unknown instrument 'QQQ'");
  }

  @Test
  void unknownKeyWithSuggestion() {
    assertError(
        goodWith("fundamentalVolPct: 15", "fundamentalVolPc: 15"),
        "fundamentalVolPc",
        "instruments[0].fundamentalVolPc",
        "unknown key 'fundamentalVolPc'; did you mean 'fundamentalVolPct'?");
  }

  @Test
  void unknownFamilyAndParameterAndDistributionSuggestNames() {
    assertError(
        goodWith("family: noise", "family: noize"),
        "noize",
        "agents[0].family",
        "unknown agent family 'noize'; did you mean 'noise'?");
    assertError(
        goodWith("spreadBps: {", "sprdBps: {"),
        "sprdBps",
        "agents[0].params.sprdBps",
        "did you mean 'spreadBps'?");
    assertError(
        goodWith("dist: uniform", "dist: uniforn"),
        "uniforn",
        "agents[0].params.spreadBps.dist",
        "unknown distribution 'uniforn'; did you mean 'uniform'?");
    assertError(
        goodWith("type: liquidity", "type: liquidty"),
        "liquidty",
        "shocks[1].type",
        "did you mean 'liquidity'?");
  }

  @Test
  void unknownNameFarFromAnyListsTheKnownOnes() {
    assertError(
        goodWith("class: metal", "class: vegetable"),
        "vegetable",
        "instruments[2].class",
        "expected one of: equity, etf, index, treasury, future, metal, crypto, crypto-perp");
  }

  @Test
  void parameterOutsideItsRangeUsesParamSpecMessage() {
    assertError(
        goodWith("max: 5}", "max: 500}"),
        "{dist: uniform",
        "agents[0].params.spreadBps",
        "must lie in [0, 100] but uniform(1, 500) does not");
  }

  @Test
  void uniformWithMaxBelowMin() {
    assertError(
        goodWith("max: 5}", "max: 0.5}"),
        "0.5}",
        "agents[0].params.spreadBps.max",
        "max 0.5 is below min 1");
  }

  @Test
  void missingRequiredKeyIsLocatedAtItsMapping() {
    String text = goodWith("    price: 181.36\n", "");
    assertError(text, "symbol: NVDA", "instruments[1].price", "missing required key 'price'");
  }

  @Test
  void priceOffTheTickGrid() {
    assertError(
        goodWith("price: 181.36", "price: 181.365"),
        "181.365",
        "instruments[1].price",
        "181.365 is not on the tick grid of 0.01 (nearest: 181.36 or 181.37)");
  }

  @Test
  void cashPerTickLotMustBeWholeMicroUnits() {
    String text = goodWith("lot: 1\n", "lot: 0.00001\n");
    assertError(
        text,
        "0.01\n    lot: 0.00001",
        "instruments[0].tick",
        "is not a whole number of micro-units");
  }

  @Test
  void endBeforeStartAndShockOutsideTheScenario() {
    assertError(
        goodWith("end: 2025-11-18T16:00:00-05:00", "end: 2025-11-18T09:00:00-05:00"),
        "2025-11-18T09:00",
        "end",
        "must be after start");
    assertError(
        goodWith("at: 2025-11-18T12:00:00-05:00", "at: 2025-11-19T12:00:00-05:00"),
        "2025-11-19T12",
        "shocks[0].at",
        "must lie within the scenario");
    assertError(
        goodWith("end: 2025-11-18T16:00:00-05:00", "end: 2025-11-18 16:00"),
        "2025-11-18 16:00",
        "end",
        "expected an ISO-8601 date-time with offset");
  }

  @Test
  void shockParametersAreExactlyTheTypes() {
    assertError(
        goodWith("    pct: -8\n", ""),
        "type: fundamental",
        "shocks[0].pct",
        "missing required key 'pct'");
    assertError(
        goodWith("    target: NVDA\n", ""),
        "type: fundamental",
        "shocks[0].target",
        "a fundamental shock needs a target instrument");
  }

  @Test
  void haltRulesAreChecked() {
    assertError(
        goodWith("haltMinutes: [15, 15, -1]", "haltMinutes: [15, 15]"),
        "[15, 15]",
        "rules.haltMinutes",
        "haltMinutes has 2 entries but haltLevelsPct has 3");
    assertError(
        goodWith("haltLevelsPct: [7, 13, 20]", "haltLevelsPct: [7, 20, 13]"),
        "13]",
        "rules.haltLevelsPct[2]",
        "must be ascending");
    assertError(
        goodWith("haltCutoff: \"15:25\"", "haltCutoff: \"3pm\""),
        "\"3pm\"",
        "rules.haltCutoff",
        "expected a time of day as \"HH:MM\"");
  }

  @Test
  void everyErrorInAFileIsReportedAtOnce() {
    String text =
        good()
            .replace("seed: 7", "seed: seven")
            .replace("class: equity", "class: equty")
            .replace("count: 50", "count: 0")
            .replace("lot: 1\n", "lot: -1\n")
            .replace("pct: -8", "pct: [8]");
    LoadResult r = parse(text);
    assertThat(r.errors())
        .extracting(ScenarioError::path)
        .containsExactly(
            "seed",
            "instruments[0].lot",
            "instruments[1].class",
            "agents[0].count",
            "shocks[0].pct");
  }

  @Test
  void errorsPrintAsFileLineColumnPathMessage() {
    ScenarioError e = onlyError(parse(goodWith("count: 50", "count: lots")));
    assertThat(e.toString())
        .isEqualTo(
            "calm-day.yaml:"
                + at(goodWith("count: 50", "count: lots"), "lots")[0]
                + ":12: agents[0].count: expected a number but found the string 'lots'");
  }
}
