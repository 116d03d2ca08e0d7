package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.ScenarioLoader;
import dev.cascade.scenario.ScenarioSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A run that cannot fit in the heap says so before it starts, never with a stack trace. */
class HeapFitTest {
  @TempDir Path tmp;

  /**
   * A valid scenario whose books alone need terabytes: 1,000 instruments at 500,000.00 in cents,
   * each book a ladder of 200 million ticks.
   */
  private Path huge() throws IOException {
    StringBuilder b =
        new StringBuilder(
            "name: huge\n"
                + "start: 2025-11-18T09:30:00-05:00\n"
                + "end: 2025-11-18T16:00:00-05:00\n"
                + "instruments:\n");
    for (int i = 0; i < 1000; i++) {
      b.append("  - {symbol: H").append(i).append(", class: equity, price: 500000.00}\n");
    }
    Path f = tmp.resolve("huge.yaml");
    Files.writeString(f, b);
    return f;
  }

  @Test
  void runRefusesAScenarioItsHeapCannotHoldBeforeItStarts() throws IOException {
    Path out = tmp.resolve("run");
    Cli.Result r = Cli.run("run", huge().toString(), "--out", out.toString(), "--no-progress");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("cascade run: this scenario needs about ")
        .contains("of heap (order books ", ", the JVM has ", "(set CASCADE_JAVA_OPTS=-Xmx");
    assertThat(out).doesNotExist();
  }

  @Test
  void validateAcceptsItAndWarnsThatRunWillRefuse() throws IOException {
    Cli.Result r = Cli.run("validate", huge().toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("ok: ");
    assertThat(r.err()).contains("warning: a run of this scenario needs about ", "-Xmx");
  }

  @Test
  void theShippedCalmDayFitsInAGibibyteAndNotInAMebibyte() {
    ScenarioSpec calm =
        ScenarioLoader.load(Path.of("../scenarios/calm-day.yaml"), StandardFamilies.registry())
            .spec()
            .orElseThrow();
    assertThat(HeapFit.refusal(calm, Set.of(), 5, StandardFamilies.registry(), 1L << 30)).isNull();
    assertThat(HeapFit.refusal(calm, Set.of(), 5, StandardFamilies.registry(), 1L << 20))
        .contains("the JVM has 1 MiB");
  }

  @Command(name = "exhaust")
  static final class Exhaust implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Test
  void runningOutOfHeapIsOneLineAndExitTwo() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Exhaust());
    cl.setErr(new PrintWriter(err));
    assertThat(Main.execute(cl)).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString())
        .startsWith("cascade: out of memory (Java heap space): the JVM's heap of ")
        .contains("CASCADE_JAVA_OPTS=-Xmx")
        .doesNotContain("\tat ");
  }
}
