package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
  static final String GOOD =
      """
      name: calm-day
      start: 2025-11-18T09:30:00-05:00
      end: 2025-11-18T16:00:00-05:00
      instruments:
        - {symbol: SPY, class: etf, price: 660.00}
        - {symbol: NVDA, class: equity, price: 181.36}
      shocks:
        - {type: fundamental, at: 2025-11-18T12:00:00-05:00, target: NVDA, pct: -8}
      """;

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int validate(String text) throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, text);
    return run(f.toString());
  }

  int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 1];
    full[0] = "validate";
    System.arraycopy(args, 0, full, 1, args.length);
    return cmd.execute(full);
  }

  @Test
  void validScenarioPrintsASummaryAndExitsZero() throws IOException {
    assertThat(validate(GOOD)).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "ok: "
                + dir.resolve("s.yaml")
                + ": scenario 'calm-day', 2 instruments, 0 agents in 0 groups, 1 shocks"
                + System.lineSeparator());
    // No agent trades NVDA: the file runs, and validate says where it is degenerate.
    assertThat(err.toString())
        .isEqualTo(
            "warning: "
                + dir.resolve("s.yaml")
                + ":8:64: shocks[0].target: no agent group trades NVDA: the fundamental shock has"
                + " no one to act on it"
                + System.lineSeparator());
  }

  @Test
  void aShockOnATradedInstrumentAndAFlowWithinADaysVolumeGiveNoWarning() throws IOException {
    String text =
        """
        name: traded
        start: 2025-11-18T09:30:00-05:00
        end: 2025-11-18T16:00:00-05:00
        instruments:
          - {symbol: SPY, class: etf, price: 660.00, baselineDailyVolume: 100000}
        agents:
          - {family: market-maker, count: 1, cash: 1000000}
        shocks:
          - {type: fundamental, at: 2025-11-18T12:00:00-05:00, target: SPY, pct: -2}
          - {type: flow, at: 2025-11-18T12:00:00-05:00, target: SPY, dollars: -60000000, minutes: 60}
        """;
    assertThat(validate(text)).isZero();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aFlowLargerThanItsMarketsDayIsLocatedAndStillValid() throws IOException {
    String text =
        """
        name: big-flow
        start: 2025-11-18T09:30:00-05:00
        end: 2025-11-18T16:00:00-05:00
        instruments:
          - {symbol: SPY, class: etf, price: 660.00, baselineDailyVolume: 100000}
        agents:
          - {family: market-maker, count: 1, cash: 1000000}
        shocks:
          - type: flow
            at: 2025-11-18T12:00:00-05:00
            target: SPY
            dollars: -99000000
            minutes: 60
        """;
    assertThat(validate(text)).isZero();
    assertThat(err.toString())
        .isEqualTo(
            "warning: "
                + dir.resolve("s.yaml")
                + ":11:13: shocks[0].target: the flow is 150% of SPY's daily dollar volume"
                + " (baselineDailyVolume x price): more than its market trades in a day"
                + System.lineSeparator());
  }

  @Test
  void invalidScenarioPrintsEveryLocatedErrorAndExitsTwo() throws IOException {
    String bad =
        GOOD.replace("price: 181.36", "price: cheap").replace("target: NVDA", "target: NVDX");
    assertThat(validate(bad)).isEqualTo(2);
    String file = dir.resolve("s.yaml").toString();
    assertThat(err.toString().lines())
        .containsExactly(
            file + ":6:42: instruments[1].price: expected a number but found the string 'cheap'",
            file + ":8:64: shocks[0].target: unknown instrument 'NVDX'; did you mean 'NVDA'?",
            "2 error(s) in " + file);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void missingFileAndDirectoryAreErrorsWithoutStackTraces() {
    assertThat(run(dir.resolve("nope.yaml").toString())).isEqualTo(2);
    assertThat(run(dir.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("no such file")
        .contains("is a directory")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void brokenYamlIsReportedWithoutAStackTrace() throws IOException {
    assertThat(validate("name: [unclosed\nstart: x\n")).isEqualTo(2);
    assertThat(err.toString())
        .contains("invalid YAML")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void perpetualTradersAllOnOneSideWithNoBasisTraderAreLocated() throws IOException {
    String demo = Files.readString(Path.of("../scenarios/crypto-liquidation-demo.yaml"));
    assertThat(demo).contains("longProbability: 0.88");
    assertThat(validate(demo)).isZero();
    assertThat(err.toString()).isEmpty();
    err.getBuffer().setLength(0);
    assertThat(validate(demo.replace("longProbability: 0.88", "longProbability: 1"))).isZero();
    assertThat(err.toString())
        .contains(":71:5: agents[3]: every perpetual trader on BTC-PERP is long")
        .contains("no basis trader trades it");
  }
}
