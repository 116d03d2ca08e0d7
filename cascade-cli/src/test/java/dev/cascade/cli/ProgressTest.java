package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter err = new PrintWriter(text);
  private long now;

  private Progress lines(long total, long done) {
    return Progress.start(err, Progress.Mode.LINES, "sweep", "paths", total, done, () -> now);
  }

  @Test
  void plainLinesComeEveryTenthOfTheWorkWithRateAndEta() {
    Progress p = lines(40, 0);
    for (int k = 1; k <= 40; k++) {
      now += 1_250_000_000L; // 1.25 s per path: 0.8 paths/s
      p.step();
    }
    p.finish();
    String[] out = text.toString().split(System.lineSeparator());
    assertThat(out).hasSize(10);
    assertThat(out[0]).isEqualTo("sweep: 4/40 paths, 0.8 paths/s, ETA 45 s");
    assertThat(out[2]).isEqualTo("sweep: 12/40 paths, 0.8 paths/s, ETA 35 s");
    assertThat(out[8]).isEqualTo("sweep: 36/40 paths, 0.8 paths/s, ETA 5 s");
    assertThat(out[9]).isEqualTo("sweep: 40/40 paths in 50 s, 0.8 paths/s");
  }

  @Test
  void aSlowStepPrintsALineAfterThirtySecondsEvenWithinATenth() {
    Progress p = lines(1000, 0);
    now += 10_000_000_000L;
    p.step();
    assertThat(text.toString()).isEmpty();
    now += 21_000_000_000L;
    p.step();
    assertThat(text.toString())
        .isEqualTo("sweep: 2/1000 paths, 0.065 paths/s, ETA 4 h 17 min" + System.lineSeparator());
  }

  @Test
  void aResumedCommandCountsOnlyTheWorkItDoesInItsRate() {
    Progress p = lines(20, 10);
    now += 2_000_000_000L;
    p.step();
    now += 2_000_000_000L;
    p.step();
    p.finish();
    assertThat(text.toString())
        .isEqualTo(
            "sweep: 12/20 paths, 0.5 paths/s, ETA 16 s"
                + System.lineSeparator()
                + "sweep: 12/20 paths in 4 s, 0.5 paths/s (10 found done)"
                + System.lineSeparator());
  }

  @Test
  void noneModePrintsNothing() {
    Progress p = Progress.start(err, Progress.Mode.NONE, "run", "sim-min", 10, 0, () -> now);
    p.stepTo(10);
    p.finish();
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void theBarModeDrawsTheLibrarysBarInPlaceAndClearsIt() throws Exception {
    Progress p = Progress.start(err, Progress.Mode.BAR, "sweep", "paths", 4, 0);
    p.stepTo(2);
    Thread.sleep(400);
    p.close();
    assertThat(text.toString()).startsWith("\r").contains("sweep", "2/4").endsWith("\r");
  }

  @Test
  void durationsReadAsATimeToGo() {
    assertThat(Progress.duration(35)).isEqualTo("35 s");
    assertThat(Progress.duration(250)).isEqualTo("4 min 10 s");
    assertThat(Progress.duration(7500)).isEqualTo("2 h 05 min");
  }
}
