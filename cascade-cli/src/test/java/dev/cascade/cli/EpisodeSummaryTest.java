package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeSummaryTest {
  @TempDir Path tmp;

  @Test
  void theSummaryComparesWithTheSourceSplitsTheIndexLossAndListsBrokenLevels() throws Exception {
    Path scenario = Path.of(getClass().getResource("/episode.yaml").toURI());
    Path run = tmp.resolve("run");
    Cli.Result r = Cli.run("run", scenario.toString(), "--out", run.toString());
    assertThat(r.exit()).as(r.err()).isZero();

    String text = r.out();
    assertThat(text.lines().filter(l -> !l.isBlank()).skip(1).findFirst().orElseThrow())
        .as("Table 1 layout first, with the source's columns")
        .contains("ticker", "price", "(source)", "chg %", "rel vol");
    assertThat(text).contains("94.00", "-6.00", "(source: test figures)");
    assertThat(text).contains("index IDX", "tech share of the loss", "breadth");
    assertThat(text).contains("levels breached", "TECH", "200-day MA", "broken below");
    assertThat(text).contains("top cause chains", "\"TECH value -6%\"", "shock > fundamental");

    JsonNode s = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
    JsonNode idx = s.get("episode").get("index");
    assertThat(idx.get("basketChangePct").asDouble()).isNegative();
    assertThat(idx.get("sectorSharePct").get("tech").asDouble())
        .as("the tech name carries most of the index's loss")
        .isGreaterThan(50);
    assertThat(idx.get("advancers").asInt() + idx.get("decliners").asInt()).isEqualTo(2);
    JsonNode tech = s.get("episode").get("observed").get(0);
    assertThat(tech.get("symbol").asText()).isEqualTo("TECH");
    assertThat(tech.get("observedPrice").asDouble()).isEqualTo(94.0);
    boolean ma200Broken = false;
    for (JsonNode l : s.get("levels")) {
      if (l.get("name").asText().equals("200-day MA")) {
        ma200Broken = l.get("breached").asBoolean();
        assertThat(l.get("direction").asText()).isEqualTo("below");
      }
    }
    assertThat(ma200Broken).isTrue();
  }
}
