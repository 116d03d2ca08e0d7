package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --scale-shocks} and {@code --scale-shock}: the same run with its shocks scaled. */
class ShockScaleCommandTest {
  @TempDir Path tmp;

  @Test
  void scalingTheShocksKeepsEveryStreamAndMovesThePriceFurther() throws Exception {
    Path scenario = Path.of(getClass().getResource("/shocked.yaml").toURI());
    Cli.Result base = Cli.run("run", scenario.toString(), "--out", tmp.resolve("a").toString());
    Cli.Result one =
        Cli.run(
            "run",
            scenario.toString(),
            "--out",
            tmp.resolve("b").toString(),
            "--scale-shocks",
            "1");
    Cli.Result two =
        Cli.run(
            "run",
            scenario.toString(),
            "--out",
            tmp.resolve("c").toString(),
            "--scale-shocks",
            "2");
    assertThat(base.exit()).as(base.err()).isZero();
    assertThat(two.exit()).as(two.err()).isZero();
    String hash = base.out().lines().filter(l -> l.startsWith("tape-hash")).findFirst().get();
    assertThat(one.out()).contains(hash);
    assertThat(two.out()).doesNotContain(hash);
    com.fasterxml.jackson.databind.ObjectMapper m =
        new com.fasterxml.jackson.databind.ObjectMapper();
    double baseChange =
        m.readTree(tmp.resolve("a/summary.json").toFile())
            .get("instruments")
            .get(0)
            .get("changePct")
            .asDouble();
    com.fasterxml.jackson.databind.JsonNode s2 = m.readTree(tmp.resolve("c/summary.json").toFile());
    assertThat(s2.get("instruments").get(0).get("changePct").asDouble()).isLessThan(baseChange);
    assertThat(s2.get("shockScaling").get("all").asDouble()).isEqualTo(2);

    Cli.Result bad =
        Cli.run(
            "run",
            scenario.toString(),
            "--out",
            tmp.resolve("d").toString(),
            "--scale-shock",
            "nope=2");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip())
        .startsWith("cascade run: --scale-shock: no shock is labelled 'nope'")
        .doesNotContain("\n");
    Cli.Result far =
        Cli.run(
            "run",
            scenario.toString(),
            "--out",
            tmp.resolve("e").toString(),
            "--scale-shocks",
            "101");
    assertThat(far.exit()).isEqualTo(2);
    assertThat(far.err()).contains("--scale-shocks must be in [0, 100]");
  }
}
