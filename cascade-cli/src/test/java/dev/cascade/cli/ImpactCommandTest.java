package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImpactCommandTest {
  private static String scenario() throws Exception {
    return Path.of(ImpactCommandTest.class.getResource("/impact-small.yaml").toURI()).toString();
  }

  @Test
  void aSellHasAPositiveImpactThatShrinksWithItsSizeAndTheJsonParses() throws Exception {
    Cli.Result r =
        Cli.run(
            "impact",
            scenario(),
            "--instrument",
            "SPY",
            "--sizes",
            "0.5,5,20",
            "--seeds",
            "3",
            "--minutes",
            "10",
            "--start",
            "2025-11-18T09:40:00-05:00",
            "--threads",
            "2",
            "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("instrument").asText()).isEqualTo("SPY");
    assertThat(j.get("seeds")).hasSize(3);
    JsonNode sizes = j.get("sizes");
    assertThat(sizes).hasSize(3);
    double small = sizes.get(0).get("peak").get("mean").asDouble();
    double mid = sizes.get(1).get("peak").get("mean").asDouble();
    double large = sizes.get(2).get("peak").get("mean").asDouble();
    assertThat(large).isPositive().isGreaterThan(mid);
    assertThat(mid).isGreaterThan(Math.abs(small));
    assertThat(sizes.get(2).get("lots").asLong()).isEqualTo(20_000);
    assertThat(sizes.get(2).get("filledShare").asDouble()).isGreaterThan(0.9);
    // the mean impact each minute from the start to an hour after the 10-minute metaorder
    assertThat(sizes.get(2).get("path")).hasSize(71);
    assertThat(j.get("checks")).hasSize(3);
    assertThat(j.get("dailyVol").get("daysPerYear").asInt()).isEqualTo(252);
    // Units are conserved: what the metaorder sold, the other groups bought, so their shares of the
    // lots filled sum to one at its end and an hour later (the metaorder's own account left out).
    for (JsonNode size : sizes) {
      double atEnd = 0;
      double later = 0;
      for (JsonNode a : size.get("absorbers")) {
        assertThat(a.get("group").asText()).isNotEqualTo("metaorder");
        atEnd += a.get("atEnd").get("mean").asDouble();
        later += a.get("after60").get("mean").asDouble();
      }
      assertThat(atEnd).isCloseTo(1.0, within(1e-3));
      assertThat(later).isCloseTo(1.0, within(1e-3));
    }
  }

  @Test
  void theTableNamesEachTargetAndItsSource() throws Exception {
    Cli.Result r =
        Cli.run(
            "impact",
            scenario(),
            "--instrument",
            "SPY",
            "--sizes",
            "2,20",
            "--seeds",
            "2",
            "--minutes",
            "10",
            "--start",
            "2025-11-18T09:40:00-05:00",
            "--threads",
            "2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("sigma_d = 15% / sqrt(252)")
        .contains("Toth et al. 2011")
        .contains("Bouchaud et al. 2018")
        .contains("Bershova and Rakhlin 2013")
        .containsPattern("(pass|FAIL)")
        .contains("who took the other side at the end")
        .containsPattern("\\n\\S+ \\(market-maker\\) +[+-]\\d\\.\\d\\d ± \\d\\.\\d\\d");
  }

  @Test
  void badFlagsAreOneLineAndExitTwo() throws Exception {
    String s = scenario();
    String[][] bad = {
      {"impact", s, "--instrument", "XYZ"},
      {"impact", s, "--instrument", "NVDA"},
      {"impact", s, "--instrument", "SPY", "--sizes", "0"},
      {"impact", s, "--instrument", "SPY", "--sizes", "abc"},
      {"impact", s, "--instrument", "SPY", "--sizes", "0.0000001"},
      {"impact", s, "--instrument", "SPY", "--sizes", "1,1"},
      {"impact", s, "--instrument", "SPY", "--seeds", "0"},
      {"impact", s, "--instrument", "SPY", "--seeds", "many"},
      {"impact", s, "--instrument", "SPY", "--side", "short"},
      {"impact", s, "--instrument", "SPY", "--minutes", "-5"},
      {"impact", s, "--instrument", "SPY", "--start", "tomorrow"},
      {"impact", s, "--instrument", "SPY", "--start", "2025-11-18T09:00:00-05:00"},
      {"impact", s, "--instrument", "SPY"},
      {"impact", s, "--instrument", "SPY", "--bogus"},
      {"impact", s},
    };
    for (String[] args : bad) {
      Cli.Result r = Cli.run(args);
      String what = String.join(" ", args);
      assertThat(r.exit()).as(what).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(what + ": " + r.err()).hasSize(1);
      assertThat(r.err()).as(what).startsWith("cascade impact: ").doesNotContain("\tat ");
      assertThat(r.out()).as(what).isEmpty();
    }
  }
}
