package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
  @TempDir Path tmp;

  @Test
  void explainTracesTheValueShockToTheSellingItSetOff() throws Exception {
    Path scenario = Path.of(getClass().getResource("/shocked.yaml").toURI());
    Path run = tmp.resolve("run");
    Cli.Result r = Cli.run("run", scenario.toString(), "--out", run.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Cli.Result e = Cli.run("explain", run.toString());
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(e.out())
        .contains("root shocks, in time order:", "\"SPY value -4%\"", "shock > fundamental")
        .contains("background flow", "noise", "longest chain: 2 causes (shock > fundamental)");
    String step =
        e.out().lines().filter(l -> l.trim().startsWith("shock > fundamental")).findFirst().get();
    assertThat(step).as("value investors sell SPY down after the shock").contains("SPY -");

    Cli.Result j = Cli.run("explain", run.toString(), "--json");
    assertThat(j.exit()).as(j.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode root =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(j.out());
    assertThat(root.get("longestPath").asText()).isEqualTo("shock > fundamental");
    com.fasterxml.jackson.databind.JsonNode shock = root.get("shocks").get(0);
    assertThat(shock.get("kind").asText()).isEqualTo("shock");
    assertThat(shock.get("label").asText()).isEqualTo("SPY value -4%");
    assertThat(shock.get("time").asText()).endsWith("Z");
    boolean sold = false;
    for (com.fasterxml.jackson.databind.JsonNode s : shock.get("steps")) {
      if (s.get("path").asText().equals("shock > fundamental")) {
        sold = s.get("impactBps").get("SPY").asDouble() < 0 && s.get("aggressiveLots").asLong() > 0;
      }
    }
    assertThat(sold).as("the JSON carries the same step as the text").isTrue();
  }

  @Test
  void aBrokenRunDirectoryGivesALocatedError() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(
        run.resolve("causes.csv"),
        "id,kind,agent,parent,time,timeNanos,label,links\n0,genesis,,0,,,genesis,\n1,bogus,,0,,,x,\n");
    Files.writeString(run.resolve("trades.csv"), "nothing\n");
    Cli.Result e = Cli.run("explain", run.toString());
    assertThat(e.exit()).isEqualTo(2);
    assertThat(e.err()).contains("causes.csv:3").contains("unknown cause kind 'bogus'");
    Cli.Result missing = Cli.run("explain", tmp.resolve("nope").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("not a run directory").doesNotContain("\tat ");
  }

  @Test
  void aRunDirectoryWhoseTablesAreLinksOutsideItIsRefused() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.csv"), "id,kind\nsecret-token-4711\n");
    for (String table : new String[] {"causes.csv", "trades.csv"}) {
      Path run = Files.createDirectories(tmp.resolve("linked-" + table));
      Files.writeString(
          run.resolve("causes.csv"),
          "id,kind,agent,parent,timeNanos,label\n0,genesis,,0,,genesis\n");
      Files.writeString(
          run.resolve("trades.csv"),
          "timeNanos,symbol,price,qty,notional,aggressor,buyCauseId,sellCauseId\n");
      Files.delete(run.resolve(table));
      Files.createSymbolicLink(run.resolve(table), secret);
      Cli.Result e = Cli.run("explain", run.toString());
      assertThat(e.exit()).as(e.err()).isEqualTo(2);
      assertThat(e.err())
          .isEqualTo(
              "cascade explain: "
                  + run.resolve(table)
                  + ": is a symbolic link; a run directory's files are read only as regular files"
                  + " inside it, so that no link can bring in a file from elsewhere"
                  + System.lineSeparator());
    }
  }
}
