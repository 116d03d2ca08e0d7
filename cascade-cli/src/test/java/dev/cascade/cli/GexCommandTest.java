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

class GexCommandTest {
  private static final String CHAIN = "../data/spx_options_2011-01-24_raw_cboe_format.csv";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void jsonCarriesTheSameFlipWallsAndGridAsTheTable() throws Exception {
    assertThat(run("gex", "--chain", CHAIN)).isZero();
    String text = out.toString();
    out.getBuffer().setLength(0);
    assertThat(run("gex", "--chain", CHAIN, "--json")).isZero();
    com.fasterxml.jackson.databind.JsonNode j =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertThat(j.get("spot").asDouble()).isEqualTo(1290.59);
    assertThat(j.get("points")).hasSize(41);
    assertThat(j.get("flips")).hasSize(1);
    double flip = j.get("flips").get(0).asDouble();
    assertThat(text).contains(String.format(java.util.Locale.ROOT, "Gamma flip: %.2f", flip));
    double callWall = j.get("callWall").get("strike").asDouble();
    assertThat(text).contains(String.format(java.util.Locale.ROOT, "Call wall:  %.2f", callWall));
    assertThat(j.get("impliedMove").get("move").asDouble()).isPositive();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void profilesTheSpxChainWithSpotFromTheFile() {
    int code = run("gex", "--chain", CHAIN);
    assertThat(code).isZero();
    String text = out.toString();
    assertThat(text).contains("spot 1290.59 (from the file)");
    assertThat(text).contains("dealers long calls, short puts");
    assertThat(text).contains("Gamma flip: 12");
    assertThat(text).contains("Call wall:", "Put wall:", "Implied move: +-");
    assertThat(text).contains("█");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void brokenFileGivesLocatedErrorsAndExitTwo(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "SPX (S&P 500 INDEX),1290.59,+7.24,\n"
            + "Jan 24 2011 @ 14:03 ET,\n"
            + "Calls,Last Sale,Net,Bid,Ask,Vol,Open Int,Puts,Last Sale,Net,Bid,Ask,Vol,Open Int,\n"
            + "11 Jan 1075.00 (SPXW1128A1075-E),0.0,0.0,215.30,217.00,0,0,"
            + "11 Jan 1075.00 (SPXW1128M1075-E),0.05,-0.10,0.05,0.10,10,15535,\n"
            + "garbage,1,2\n"
            + "11 Jan 1100.00 (SPXW1128A1100-E),0.0,0.0,x,191.80,0,0,"
            + "11 Jan 1100.00 (SPXW1128M1100-E),0.10,-0.10,0.10,0.15,688,5448,\n");
    int code = run("gex", "--chain", bad.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("line 5: expected 14 fields")
        .contains("line 6:")
        .contains("bad bid");
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aChainWhoseContractsHaveAllExpiredIsRefused(@TempDir Path dir) throws IOException {
    // valued on 24 February 2011, after the 28 January expiry of its only contracts
    Path late = dir.resolve("late.csv");
    Files.writeString(
        late,
        "SPX (S&P 500 INDEX),1290.59,+7.24,\n"
            + "Feb 24 2011 @ 14:03 ET,\n"
            + "Calls,Last Sale,Net,Bid,Ask,Vol,Open Int,Puts,Last Sale,Net,Bid,Ask,Vol,Open Int,\n"
            + "11 Jan 1075.00 (SPXW1128A1075-E),0.0,0.0,215.30,217.00,0,0,"
            + "11 Jan 1075.00 (SPXW1128M1075-E),0.05,-0.10,0.05,0.10,10,15535,\n");
    assertThat(run("gex", "--chain", late.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("every contract expires before").doesNotContain("\tat ");
    assertThat(run("gex", "--chain", CHAIN, "--spot", "1e300")).isEqualTo(2);
    assertThat(err.toString()).contains("at most 1e9");
  }

  @Test
  void missingFileAndBadFlagsExitTwoWithoutAStackTrace() {
    assertThat(run("gex", "--chain", "no/such/chain.csv")).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
    assertThat(run("gex", "--chain", CHAIN, "--steps", "1")).isEqualTo(2);
    assertThat(run("gex", "--chain", CHAIN, "--spot", "-5")).isEqualTo(2);
    assertThat(run("gex", "--chain", CHAIN, "--rate", "abc")).isEqualTo(2);
    assertThat(err.toString()).contains("--steps").contains("--spot").doesNotContain("\tat ");
  }

  @Test
  void barsPointLeftForNegativeAndRightForPositive() {
    assertThat(GexCommand.bar(-1, 1)).endsWith("█|").doesNotContain("|█");
    assertThat(GexCommand.bar(1, 1)).contains("|█");
    assertThat(GexCommand.bar(0, 1).trim()).isEqualTo("|");
  }
}
