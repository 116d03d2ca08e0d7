package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributeCommandTest {
  @TempDir Path tmp;

  @Test
  void attributionRunsEveryVariantAndIsTheSameWhateverTheThreadCount() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    Cli.Result one =
        Cli.run(
            "attribute",
            scenario,
            "--seeds",
            "2",
            "--threads",
            "1",
            "--out",
            tmp.resolve("a").toString());
    Cli.Result two =
        Cli.run(
            "attribute",
            scenario,
            "--seeds",
            "2",
            "--threads",
            "2",
            "--json",
            "--out",
            tmp.resolve("b").toString());
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(two.exit()).as(two.err()).isZero();
    assertThat(one.out()).contains("SPY", "full", "direct shock alone", "momentum");
    // --json prints attribution.json itself instead of the table.
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(two.out()))
        .isEqualTo(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("b/attribution.json").toFile()));
    assertThat(Files.readString(tmp.resolve("a/attribution.json")))
        .isEqualTo(Files.readString(tmp.resolve("b/attribution.json")))
        .contains("\"mechanisms\" : [ \"momentum\" ]");
  }

  @Test
  void anUnknownMechanismOrBadCountIsAClearError() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    Cli.Result r = Cli.run("attribute", scenario, "--mechanisms", "dealers");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("'dealers' is not a mechanism of this scenario")
        .contains("momentum");
    Cli.Result s = Cli.run("attribute", scenario, "--seeds", "0");
    assertThat(s.exit()).isEqualTo(2);
    assertThat(s.err()).contains("--seeds").doesNotContain("\tat ");
  }

  @Test
  void aScaledMarketIsAttributedAndSaysSo() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    Cli.Result plain =
        Cli.run(
            "attribute", scenario, "--seeds", "1", "--json", "--out", tmp.resolve("p").toString());
    Cli.Result thin =
        Cli.run(
            "attribute",
            scenario,
            "--seeds",
            "1",
            "--scale-liquidity",
            "0.5",
            "--out",
            tmp.resolve("t").toString());
    assertThat(plain.exit()).as(plain.err()).isZero();
    assertThat(thin.exit()).as(thin.err()).isZero();
    assertThat(thin.out()).contains("every run scaled: liquidityScaling 0.5");
    com.fasterxml.jackson.databind.JsonNode p =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(tmp.resolve("p").resolve("attribution.json").toFile());
    com.fasterxml.jackson.databind.JsonNode t =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(tmp.resolve("t").resolve("attribution.json").toFile());
    assertThat(p.has("scaling")).isFalse();
    assertThat(t.get("scaling").get("liquidityScaling").asDouble()).isEqualTo(0.5);
    // the runs are the thinner market's: the full run's change differs from the file's
    assertThat(t.get("assets").get(0).get("fullDrawdownPct").asDouble())
        .isNotEqualTo(p.get("assets").get(0).get("fullDrawdownPct").asDouble());
  }

  @Test
  void aBreachIsCountedPerMechanismWithItsIntervals() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    Cli.Result r =
        Cli.run(
            "attribute",
            scenario,
            "--seeds",
            "3",
            "--breach",
            "SPY change <= -3%",
            "--out",
            tmp.resolve("b").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("breach \"SPY change <= -3%\": the full run on ")
        .contains("breaches without it");
    com.fasterxml.jackson.databind.JsonNode b =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(tmp.resolve("b").resolve("attribution.json").toFile())
            .get("breach");
    assertThat(b.get("seeds").asInt()).isEqualTo(3);
    int full = b.get("full").get("breaches").asInt();
    // the -4% value shock takes SPY through -3% on every seed, with or without momentum traders
    assertThat(full).isEqualTo(3);
    assertThat(b.get("newsAlone").get("breaches").asInt()).isEqualTo(3);
    assertThat(b.get("full").get("lo").asDouble()).isBetween(0.4, 1.0);
    assertThat(b.get("full").get("hi").asDouble()).isEqualTo(1.0);
    for (com.fasterxml.jackson.databind.JsonNode m : b.get("mechanisms")) {
      int without = m.get("without").get("breaches").asInt();
      // every seed is counted once: full - without = needed - prevented
      assertThat(full - without).isEqualTo(m.get("needed").asInt() - m.get("prevented").asInt());
    }
    Cli.Result bad =
        Cli.run(
            "attribute",
            scenario,
            "--breach",
            "SPY drawdon >= 5%",
            "--out",
            tmp.resolve("c").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip()).startsWith("cascade attribute: --breach").doesNotContain("\n");
    assertThat(tmp.resolve("c")).doesNotExist();
  }
}
