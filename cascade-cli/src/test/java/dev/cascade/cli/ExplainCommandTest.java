package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExplainCommandTest {
  @TempDir Path tmp;

  private static String[] cascade(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new String[] {Integer.toString(exit), out.toString(), err.toString()};
  }

  @Test
  void explainTracesTheValueShockToTheSellingItSetOff() throws Exception {
    Path scenario = Path.of(getClass().getResource("/shocked.yaml").toURI());
    Path run = tmp.resolve("run");
    String[] r = cascade("run", scenario.toString(), "--out", run.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    String[] e = cascade("explain", run.toString());
    assertThat(e[0]).as(e[2]).isEqualTo("0");
    assertThat(e[1])
        .contains("root shocks, in time order:", "\"SPY value -4%\"", "shock > fundamental")
        .contains("background flow", "noise", "longest chain: 2 causes (shock > fundamental)");
    String step =
        e[1].lines().filter(l -> l.trim().startsWith("shock > fundamental")).findFirst().get();
    assertThat(step).as("value investors sell SPY down after the shock").contains("SPY -");
  }

  @Test
  void aBrokenRunDirectoryGivesALocatedError() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(
        run.resolve("causes.csv"),
        "id,kind,agent,parent,time,timeNanos,label,links\n0,genesis,,0,,,genesis,\n1,bogus,,0,,,x,\n");
    Files.writeString(run.resolve("trades.csv"), "nothing\n");
    String[] e = cascade("explain", run.toString());
    assertThat(e[0]).isEqualTo("2");
    assertThat(e[2]).contains("causes.csv:3").contains("unknown cause kind 'bogus'");
    String[] missing = cascade("explain", tmp.resolve("nope").toString());
    assertThat(missing[0]).isEqualTo("2");
    assertThat(missing[2]).contains("not a run directory").doesNotContain("\tat ");
  }
}
