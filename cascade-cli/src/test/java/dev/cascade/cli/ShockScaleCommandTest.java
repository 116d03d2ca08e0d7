package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --scale-shocks} and {@code --scale-shock}: the same run with its shocks scaled. */
class ShockScaleCommandTest {
  @TempDir Path tmp;

  /** {@code cascade run shocked.yaml --out tmp/DIR} with the extra flags. */
  private Cli.Result run(String dir, String... flags) throws Exception {
    Path scenario = Path.of(getClass().getResource("/shocked.yaml").toURI());
    String[] args = new String[4 + flags.length];
    args[0] = "run";
    args[1] = scenario.toString();
    args[2] = "--out";
    args[3] = tmp.resolve(dir).toString();
    System.arraycopy(flags, 0, args, 4, flags.length);
    return Cli.run(args);
  }

  private JsonNode summary(String dir) throws Exception {
    return new ObjectMapper().readTree(tmp.resolve(dir).resolve("summary.json").toFile());
  }

  @Test
  void scalingTheShocksKeepsEveryStreamAndMovesThePriceFurther() throws Exception {
    Cli.Result base = run("a");
    Cli.Result one = run("b", "--scale-shocks", "1");
    Cli.Result two = run("c", "--scale-shocks", "2");
    assertThat(base.exit()).as(base.err()).isZero();
    assertThat(two.exit()).as(two.err()).isZero();
    String hash = base.out().lines().filter(l -> l.startsWith("tape-hash")).findFirst().get();
    assertThat(one.out()).contains(hash);
    assertThat(two.out()).doesNotContain(hash);
    double baseChange = summary("a").get("instruments").get(0).get("changePct").asDouble();
    JsonNode s2 = summary("c");
    assertThat(s2.get("instruments").get(0).get("changePct").asDouble()).isLessThan(baseChange);
    assertThat(s2.get("shockScaling").get("all").asDouble()).isEqualTo(2);
  }

  @Test
  void anUnknownLabelOrAFactorOutOfRangeIsOneLineAndExitTwo() throws Exception {
    Cli.Result bad = run("d", "--scale-shock", "nope=2");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip())
        .startsWith("cascade run: --scale-shock: no shock is labelled 'nope'")
        .doesNotContain("\n");
    Cli.Result far = run("e", "--scale-shocks", "101");
    assertThat(far.exit()).isEqualTo(2);
    assertThat(far.err().strip())
        .isEqualTo("cascade run: --scale-shocks must be in [0, 100], got 101");
  }

  @Test
  void aScaledShockBeyondWhatAFileMayStateIsRefused() throws Exception {
    Path scenario = tmp.resolve("yield.yaml");
    java.nio.file.Files.writeString(
        scenario,
        java.nio.file.Files.readString(Path.of(getClass().getResource("/shocked.yaml").toURI()))
                .stripTrailing()
            + "\n  - {type: yield, at: 2025-11-18T09:40:00-05:00, label: print, bp: 20}\n");
    Cli.Result ok =
        Cli.run("run", scenario.toString(), "--out", tmp.resolve("y1").toString(), "--no-csv");
    assertThat(ok.exit()).as(ok.err()).isZero();
    Cli.Result far =
        Cli.run(
            "run",
            scenario.toString(),
            "--out",
            tmp.resolve("y2").toString(),
            "--scale-shock",
            "print=100");
    assertThat(far.exit()).isEqualTo(2);
    assertThat(far.err().strip())
        .contains("shock 'print' scaled goes beyond what a scenario may state")
        .contains("2000 bp")
        .doesNotContain("\n");
    assertThat(tmp.resolve("y2")).doesNotExist();
  }

  @Test
  void leverageAndFlowScalingsAreRecordedAndBadFactorsRefused() throws Exception {
    Cli.Result base = run("f");
    Cli.Result one = run("g", "--scale-leverage", "1", "--scale-flows", "1");
    String hash = base.out().lines().filter(l -> l.startsWith("tape-hash")).findFirst().get();
    assertThat(one.out()).contains(hash);
    assertThat(summary("g").has("leverageScaling")).isFalse();
    Cli.Result two = run("h", "--scale-leverage", "2", "--scale-flows", "0.5");
    assertThat(two.exit()).as(two.err()).isZero();
    assertThat(summary("h").get("leverageScaling").asDouble()).isEqualTo(2);
    assertThat(summary("h").get("flowScaling").asDouble()).isEqualTo(0.5);
    Cli.Result bad = run("i", "--scale-leverage", "-1");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip())
        .isEqualTo("cascade run: --scale-leverage must be in [0, 100], got -1");
    Cli.Result nan = run("j", "--scale-flows", "NaN");
    assertThat(nan.exit()).isEqualTo(2);
    assertThat(nan.err().strip())
        .isEqualTo("cascade run: --scale-flows must be in [0, 100], got NaN");
  }

  @Test
  void liquidityScalingIsRecordedChangesTheRunAndIsBoundedByTheEngine() throws Exception {
    Cli.Result base = run("k");
    String hash = base.out().lines().filter(l -> l.startsWith("tape-hash")).findFirst().get();
    assertThat(run("l", "--scale-liquidity", "1").out()).contains(hash);
    assertThat(summary("l").has("liquidityScaling")).isFalse();
    Cli.Result thin = run("m", "--scale-liquidity", "0.25");
    assertThat(thin.exit()).as(thin.err()).isZero();
    assertThat(thin.out()).doesNotContain(hash);
    assertThat(summary("m").get("liquidityScaling").asDouble()).isEqualTo(0.25);
    assertThat(summary("m").get("conservation").asText()).isEqualTo("conserved");
    Cli.Result none = run("n", "--scale-liquidity", "0");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err().strip())
        .startsWith("cascade run: --scale-liquidity must be above 0 and at most 100")
        .endsWith("got 0");
    // market makers with 500 million each: a hundred times as much is past the engine's limit
    Path big = tmp.resolve("big.yaml");
    java.nio.file.Files.writeString(
        big,
        java.nio.file.Files.readString(Path.of(getClass().getResource("/shocked.yaml").toURI()))
            .replace("    cash: 50000000\n", "    cash: 500000000\n"));
    Cli.Result far =
        Cli.run(
            "run",
            big.toString(),
            "--out",
            tmp.resolve("o").toString(),
            "--scale-liquidity",
            "100");
    assertThat(far.exit()).isEqualTo(2);
    assertThat(far.err().strip())
        .contains("--scale-liquidity 100: the agents' cash and holdings would come to")
        .contains("the engine allows at most 100000000000")
        .doesNotContain("\n");
    assertThat(tmp.resolve("o")).doesNotExist();
  }
}
