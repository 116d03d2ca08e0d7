package dev.cascade.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeskLevelsTest {
  /** 260 days rising by 1 from 100 with volume 1000, then a day that falls through 300. */
  private static List<DailyBar> history(double lastClose, double lastLow, double lastVolume) {
    List<DailyBar> bars = new ArrayList<>();
    LocalDate d = LocalDate.of(2020, 1, 1);
    for (int k = 0; k < 260; k++) {
      double c = 100 + k;
      bars.add(new DailyBar(d.plusDays(k), c, c + 0.5, c - 0.5, c, 1000));
    }
    bars.add(new DailyBar(d.plusDays(260), 359, 359.5, lastLow, lastClose, lastVolume));
    return bars;
  }

  @Test
  void movingAveragesRelativeVolumeAndDrawdownFollowTheirDefinitions() {
    List<DailyBar> bars = history(350, 349, 3000);
    DeskLevels l = DeskLevels.on(bars, 260, 10);
    assertThat(l.changePct()).isCloseTo(100 * (350.0 / 359 - 1), within(1e-9));
    assertThat(l.relativeVolume()).isCloseTo(3.0, within(1e-12));
    assertThat(l.drawdownPct()).isCloseTo(100 * (1 - 350.0 / 359), within(1e-9));
    // SMA(50): the closes of days 211..259 (311..359) and today's 350, over 50
    double sum = 350;
    for (int c = 311; c <= 359; c++) {
      sum += c;
    }
    DeskLevels.Level ma50 =
        l.levels().stream().filter(x -> x.name().equals("50-day MA")).findFirst().orElseThrow();
    assertThat(ma50.price()).isCloseTo(sum / 50, within(1e-9));
    assertThat(ma50.crossedToday()).as("the day stayed far above its 50-day MA").isFalse();
  }

  @Test
  void aLevelCountsAsCrossedOnlyWhenTheDaysRangeGoesThroughItFromTheOtherSide() {
    List<DailyBar> calm = history(359.2, 358.8, 1000);
    DeskLevels l = DeskLevels.on(calm, 260, 10);
    assertThat(l.levels().stream().filter(DeskLevels.Level::crossedToday)).isEmpty();
    List<DailyBar> fall = history(344, 339, 1000);
    DeskLevels f = DeskLevels.on(fall, 260, 10);
    assertThat(
            f.levels().stream().filter(DeskLevels.Level::crossedToday).map(DeskLevels.Level::name))
        .contains("round 350", "round 340")
        .doesNotContain("round 330", "50-day MA");
  }

  @Test
  void fibonacciLevelsRetraceTheFiftyTwoWeekRange() {
    List<DailyBar> bars = history(359, 358.5, 1000);
    DeskLevels l = DeskLevels.on(bars, 260, 10);
    // 252-day window: lows from (100 + 9) - 0.5, highs to 359.5
    double hi = 359.5;
    double lo = 108.5;
    DeskLevels.Level half =
        l.levels().stream().filter(x -> x.name().equals("Fib 50.0%")).findFirst().orElseThrow();
    assertThat(half.price()).isCloseTo(hi - 0.5 * (hi - lo), within(1e-9));
  }
}
