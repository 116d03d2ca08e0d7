package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    assertThat(r.out())
        .as("the run's own summary shows the shock's moves beside its chains")
        .contains("first 60 s of trading after it");
    Cli.Result e = Cli.run("explain", run.toString());
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(e.out())
        .contains("root shocks, in time order:", "\"SPY value -4%\"", "shock > fundamental")
        .contains("background flow", "noise", "longest chain: 2 causes (shock > fundamental)");
    // Market makers move their quotes with the news at once and sell through the stale bids: the
    // shock's own step takes the price down. (The value investors' step that follows trades both
    // ways around the new value.)
    String step = e.out().lines().filter(l -> l.trim().startsWith("shock ")).findFirst().get();
    assertThat(step).as("makers reprice SPY down through the book").contains("SPY -");
    // Every maker sale through the stale bids after the shock, at a price the -4% news has not
    // reached yet, is the shock's: the requotes that follow the first one included (their quotes
    // still move on its news).
    long shockAt = java.time.Instant.parse("2025-11-18T14:35:00Z").toEpochMilli() * 1_000_000L;
    List<String[]> spy =
        Files.readAllLines(run.resolve("trades.csv")).stream()
            .skip(1)
            .map(l -> l.split(","))
            .filter(f -> f[2].equals("SPY"))
            .toList();
    double before =
        spy.stream()
            .filter(f -> Long.parseLong(f[1]) < shockAt)
            .reduce((a, b) -> b)
            .map(f -> Double.parseDouble(f[3]))
            .orElseThrow();
    List<String> makerSales =
        spy.stream()
            .filter(f -> f[6].equals("sell") && f[8].startsWith("mm-"))
            .filter(f -> Long.parseLong(f[1]) >= shockAt && Long.parseLong(f[1]) < shockAt + 5e9)
            .filter(f -> Double.parseDouble(f[3]) > 0.97 * before)
            .map(f -> f[11])
            .toList();
    assertThat(makerSales).isNotEmpty().containsOnly("shock");

    // The shock moves SPY about 4% within a minute, mostly through the makers' quotes: the move
    // is shown beside the steps.
    String moves =
        e.out().lines().filter(l -> l.contains("first 60 s of trading after it")).findFirst().get();
    assertThat(moves).contains("SPY -");
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
      if (s.get("path").asText().equals("shock")) {
        sold = s.get("impactBps").get("SPY").asDouble() < 0 && s.get("aggressiveLots").asLong() > 0;
      }
    }
    assertThat(sold).as("the JSON carries the same step as the text").isTrue();
    assertThat(shock.get("moveWindowSeconds").asInt()).isEqualTo(60);
    double spyMove = shock.get("movesBps").get("SPY").asDouble();
    assertThat(spyMove).as("a -4%% value shock, within a minute").isBetween(-500.0, -300.0);
    // The shock's own step (the makers' sales through stale bids as they requote) carries a
    // fraction of the minute's move; the rest is the quotes moving. (The value investors' step
    // trades over the rest of the run, in whichever direction the path takes them.)
    double shockStepImpact = 0;
    for (com.fasterxml.jackson.databind.JsonNode st : shock.get("steps")) {
      if (st.get("path").asText().equals("shock")) {
        shockStepImpact += st.get("impactBps").path("SPY").asDouble(0);
      }
    }
    assertThat(shockStepImpact).isNegative();
    assertThat(Math.abs(shockStepImpact)).isLessThan(Math.abs(spyMove) / 2);
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
