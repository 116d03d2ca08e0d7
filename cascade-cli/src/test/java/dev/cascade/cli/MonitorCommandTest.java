package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {
  private static final String SP500 = "../data/sp500_daily_ohlcv_2000-2020_vega.csv";

  @TempDir Path tmp;

  @Test
  void theSecondWorstDayOfMarch2020ShowsItsFallAndTheLevelsItBroke() {
    Cli.Result r = Cli.run("monitor", "--prices", SP500, "--date", "2020-03-16", "--days", "3");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("2020-03-16", "close 2,386.13", "-11.98%", "200-day MA", "round 2400", "CROSSED")
        .contains("last 3 days:", "2020-03-12");
  }

  @Test
  void jsonGivesTheSameDayAndLevels() throws Exception {
    Cli.Result r =
        Cli.run("monitor", "--prices", SP500, "--date", "2020-03-16", "--days", "3", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode j =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(j.get("today").get("date").asText()).isEqualTo("2020-03-16");
    assertThat(j.get("today").get("changePct").asDouble()).isBetween(-11.99, -11.98);
    assertThat(j.get("days")).hasSize(3);
    boolean crossed = false;
    for (com.fasterxml.jackson.databind.JsonNode l : j.get("today").get("levels")) {
      crossed |= l.get("name").asText().equals("round 2400") && l.get("crossedToday").asBoolean();
    }
    assertThat(crossed).as("the table's CROSSED round 2400 is in the JSON").isTrue();
  }

  @Test
  void brokenPriceFilesAndFlagsGiveLocatedErrors() throws Exception {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(
        bad,
        "date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,10\n2020-01-01,1,2,0.5,1.5,10\n");
    Cli.Result r = Cli.run("monitor", "--prices", bad.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bad.csv:3").contains("dates must increase");
    Cli.Result noDay = Cli.run("monitor", "--prices", SP500, "--date", "2020-03-15");
    assertThat(noDay.exit()).isEqualTo(2);
    assertThat(noDay.err()).contains("not a trading day");
    Cli.Result missing = Cli.run("monitor", "--prices", tmp.resolve("x.csv").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file").doesNotContain("\tat ");
    // a close above the high, an open of 0, a negative volume: each refused at its line
    String[] rows = {
      "2020-01-02,1,2,0.5,2.5,10", "2020-01-02,0,2,0.5,1.5,10", "2020-01-02,1,2,0.5,1.5,-5"
    };
    for (String row : rows) {
      Files.writeString(bad, "date,open,high,low,close,volume\n" + row + "\n");
      Cli.Result r2 = Cli.run("monitor", "--prices", bad.toString());
      assertThat(r2.exit()).as(row).isEqualTo(2);
      assertThat(r2.err()).as(row).contains("bad.csv:2").doesNotContain("\tat ");
    }
  }

  @Test
  void theFilesFirstDayAndDaysOutsideItGetMessagesThatSayWhy() {
    Cli.Result first = Cli.run("monitor", "--prices", SP500, "--date", "2000-01-03");
    assertThat(first.exit()).isEqualTo(2);
    assertThat(first.err())
        .isEqualTo(
            "cascade monitor: --date 2000-01-03 is the first day of "
                + SP500
                + ": its change needs 1 earlier trading day of history, so the first date that"
                + " can be shown is 2000-01-04"
                + System.lineSeparator());
    Cli.Result second = Cli.run("monitor", "--prices", SP500, "--date", "2000-01-04");
    assertThat(second.exit()).as(second.err()).isZero();
    Cli.Result before = Cli.run("monitor", "--prices", SP500, "--date", "1999-12-31");
    assertThat(before.exit()).isEqualTo(2);
    assertThat(before.err())
        .contains("is outside " + SP500 + ", which runs from 2000-01-03 to 2020-04-17");
    Cli.Result weekend = Cli.run("monitor", "--prices", SP500, "--date", "2020-03-15");
    assertThat(weekend.err())
        .contains("2020-03-15 is not a trading day of " + SP500 + " (no row has that date");
  }
}
