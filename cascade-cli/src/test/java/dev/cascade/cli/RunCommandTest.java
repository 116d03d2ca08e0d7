package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path tmp;

  private static Cli.Result cascade(String... args) {
    return Cli.run(args);
  }

  private static String tiny() throws URISyntaxException {
    return Path.of(RunCommandTest.class.getResource("/tiny.yaml").toURI()).toString();
  }

  @Test
  void volatilityProductsArePrintedAndSummarised() throws Exception {
    Path dir = tmp.resolve("vx");
    String file = Path.of(RunCommandTest.class.getResource("/vx-fixture.yaml").toURI()).toString();
    Cli.Result r = cascade("run", file, "--out", dir.toString(), "--no-progress");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("volatility products:")
        .containsPattern("VX1 +on SPY's index, expires 2026-03-31T09:00-04:00: 17.50 -> ")
        .containsPattern("etp-inverse-0 +-1.0x VX1 +\\$1.00M -> \\$0, 0 resets, terminated 2026-");
    JsonNode v =
        new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("volatility");
    assertThat(v.get("futures").get(0).get("symbol").asText()).isEqualTo("VX1");
    assertThat(v.get("funds").get(0).get("terminatedAt").asText()).startsWith("2026-03-10T");
  }

  @Test
  void runPrintsTheSummaryAndWritesTheRunDirectory() throws Exception {
    Path dir = tmp.resolve("run");
    Cli.Result r = cascade("run", tiny(), "--seed", "5", "--out", dir.toString(), "--no-progress");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("ticker", "SPY", "BTC", "tape-hash: ", "events/s", "conserved");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("summary.json", "trades.csv", "bars-1m.csv", "depth.csv", "halts.csv")
          .contains(
              "trades.parquet",
              "bars-1m.parquet",
              "depth.parquet",
              "halts.parquet",
              "causes.parquet");
    }
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    for (String field :
        new String[] {"scenario", "seed", "tapeHash", "events", "eventsPerSecond", "wallSeconds"}) {
      assertThat(s.has(field)).as(field).isTrue();
    }
    assertThat(s.get("seed").asLong()).isEqualTo(5);
    // What made it and from what: the layout's version, the tool's, the scenario text's hash.
    assertThat(s.fieldNames().next()).isEqualTo("schemaVersion");
    assertThat(s.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(s.get("cascadeVersion").asText()).isNotBlank();
    assertThat(s.get("scenarioSha256").asText())
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(Path.of(tiny())))));
    // Prices are on their tick, with no binary noise: a cent-tick price has two decimals at most.
    for (JsonNode ins : s.get("instruments")) {
      for (String f : new String[] {"open", "close", "high", "low"}) {
        String text = ins.get(f).asText();
        assertThat(text.contains(".") ? text.length() - text.indexOf('.') - 1 : 0)
            .as(ins.get("symbol").asText() + " " + f + " " + text)
            .isLessThanOrEqualTo(2);
      }
    }
    assertThat(s.get("pnl")).isNotEmpty();
    JsonNode spy = s.get("instruments").get(0);
    for (String field :
        new String[] {
          "symbol",
          "open",
          "close",
          "changePct",
          "volume",
          "relativeVolume",
          "maxDrawdownPct",
          "realizedVolPct",
          "avgSpreadBps"
        }) {
      assertThat(spy.has(field)).as(field).isTrue();
    }
    assertThat(spy.get("volume").asLong()).isPositive();
    assertThat(Files.readAllLines(dir.resolve("trades.csv")).size()).isGreaterThan(10);
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .as("no temporary directory left behind")
          .containsExactly("run");
    }
  }

  @Test
  void thePerpetualVenuesFundingIsPrintedAsSummaryJsonHasIt() throws Exception {
    Path dir = tmp.resolve("perps");
    Cli.Result r =
        cascade(
            "run",
            "../scenarios/crypto-liquidation-demo.yaml",
            "--out",
            dir.toString(),
            "--no-progress",
            "--no-csv");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode venues =
        new ObjectMapper()
            .readTree(dir.resolve("summary.json").toFile())
            .get("liquidations")
            .get("venues");
    JsonNode funding = null;
    for (JsonNode v : venues) {
      if (v.get("name").asText().equals("crypto-venue")) {
        funding = v.get("fundingPaid");
      }
    }
    assertThat(funding).isNotNull();
    double paid = funding.asDouble();
    assertThat(paid).as("one funding time falls in the run").isNotZero();
    assertThat(r.out())
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "funding: %s $%,.0f over the run",
                paid >= 0 ? "longs paid shorts" : "shorts paid longs",
                Math.abs(paid)));
  }

  @Test
  void aStatedRealVolumeAddsRealDollarsAndChangesNoTrade() throws Exception {
    // BTC-PERP: 100,000 lots of 0.001 at 91,000 = $9.1M a day here, stated as $910bn real: one
    // simulated dollar stands for 100,000.
    String text =
        Files.readString(Path.of("../scenarios/crypto-liquidation-demo.yaml"))
            .replace(
                "fundingCapPct: 0.3}",
                "fundingCapPct: 0.3, baselineDailyVolume: 100000, realDailyVolume: 9.1e11}");
    Path file = tmp.resolve("scaled.yaml");
    Files.writeString(file, text);
    Path plainDir = tmp.resolve("plain");
    Path scaledDir = tmp.resolve("scaled");
    Cli.Result plain =
        cascade(
            "run",
            "../scenarios/crypto-liquidation-demo.yaml",
            "--out",
            plainDir.toString(),
            "--no-progress",
            "--no-csv");
    Cli.Result scaled =
        cascade("run", file.toString(), "--out", scaledDir.toString(), "--no-progress", "--no-csv");
    assertThat(scaled.exit()).as(scaled.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(plainDir.resolve("summary.json").toFile());
    JsonNode b = json.readTree(scaledDir.resolve("summary.json").toFile());
    assertThat(b.get("tapeHash")).isEqualTo(a.get("tapeHash"));
    assertThat(a.has("scale")).isFalse();
    JsonNode scale = b.get("scale");
    assertThat(scale.get("realDollarsPerSimulatedDollar").asDouble()).isEqualTo(100_000.0);
    assertThat(scale.get("basis").get(0).get("simulatedDailyVolume").asDouble())
        .isEqualTo(9_100_000.0);
    double liquidated = 0;
    for (JsonNode v : b.get("liquidations").get("venues")) {
      liquidated += v.get("notional").asDouble();
    }
    assertThat(liquidated).as("the demo liquidates").isPositive();
    assertThat(scale.get("liquidated").asDouble()).isCloseTo(liquidated * 1e5, within(1.0));
    assertThat(scaled.out())
        .contains("real scale: 1 simulated dollar stands for $100,000 (BTC-PERP")
        .contains(SummaryTable.dollars(scale.get("venues").get(1).get("notional").asDouble()));
    assertThat(plain.out()).doesNotContain("real scale");
    // The cause chains' notional has its real-dollar column, at the end of the run and in explain.
    assertThat(scaled.out()).containsPattern("notional +real +price impact");
    assertThat(plain.out()).containsPattern("notional +price impact");
    Cli.Result explain = cascade("explain", scaledDir.toString());
    assertThat(explain.exit()).as(explain.err()).isZero();
    assertThat(explain.out()).containsPattern("notional +real +price impact");
    Cli.Result validate = cascade("validate", file.toString());
    assertThat(validate.out()).contains("real scale: 1 simulated dollar stands for $100,000");
  }

  @Test
  void theSameSeedGivesTheSameTapeHashAndAnotherSeedAnother() throws Exception {
    String a = hash(cascade("run", tiny(), "--seed", "9", "--out", tmp.resolve("a").toString()));
    String b = hash(cascade("run", tiny(), "--seed", "9", "--out", tmp.resolve("b").toString()));
    String c = hash(cascade("run", tiny(), "--seed", "10", "--out", tmp.resolve("c").toString()));
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(Files.readString(tmp.resolve("a/trades.csv")))
        .isEqualTo(Files.readString(tmp.resolve("b/trades.csv")));
  }

  @Test
  void rerunningIntoTheSameDirectoryReplacesItWithForce() throws Exception {
    Path dir = tmp.resolve("same");
    assertThat(cascade("run", tiny(), "--out", dir.toString(), "--no-csv").exit()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("with --no-csv the tables are Parquet only")
          .contains("trades.parquet")
          .doesNotContain("trades.csv");
    }
    Cli.Result refused = cascade("run", tiny(), "--seed", "4", "--out", dir.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("holds a previous Cascade run", "--force");
    Cli.Result forced = cascade("run", tiny(), "--seed", "4", "--out", dir.toString(), "--force");
    assertThat(forced.exit()).as(forced.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(s.get("seed").asLong()).isEqualTo(4);
  }

  @Test
  void withoutAFamilyRunsWithoutItAndAnUnknownNameIsAnError() throws Exception {
    Cli.Result ok =
        cascade("run", tiny(), "--without", "momentum", "--out", tmp.resolve("w").toString());
    assertThat(ok.exit()).as(ok.err()).isZero();
    Cli.Result bad =
        cascade("run", tiny(), "--without", "dealers", "--out", tmp.resolve("x").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("dealers").doesNotContain("Exception", "\tat ");
  }

  @Test
  void badInputGivesAClearErrorAndExitTwoWithoutAStackTrace() throws IOException {
    Path broken = tmp.resolve("broken.yaml");
    Files.writeString(broken, "name: x\nseed: seven\n");
    for (String[] args :
        new String[][] {
          {"run", tmp.resolve("missing.yaml").toString()},
          {"run", tmp.toString()},
          {"run", broken.toString()},
          {"run", "--seed", "notanumber", "x.yaml"},
          {"run", "--bogus"},
          {"run"},
          {"run", broken.toString(), "--sample-seconds", "-1"}
        }) {
      Cli.Result r = cascade(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args)).isNotBlank().doesNotContain("\tat ");
    }
  }

  @Test
  void helpListsTheCommands() {
    Cli.Result r = cascade("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("run", "validate", "gex");
  }

  private static String hash(Cli.Result r) {
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out().lines().filter(l -> l.startsWith("tape-hash: ")).findFirst().orElseThrow();
  }
}
