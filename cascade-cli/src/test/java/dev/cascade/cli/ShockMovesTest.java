package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.analytics.TapeTrade;
import dev.cascade.kernel.Time;
import org.junit.jupiter.api.Test;

class ShockMovesTest {
  private static final long S = Time.NANOS_PER_SECOND;

  private static TapeTrade trade(long seconds, String symbol, double price) {
    return new TapeTrade(seconds * S, symbol, price, 1, price, true, 0, 0);
  }

  @Test
  void eachShockTakesTheLastTradeBeforeItToTheEndOfTheFirstMinuteOfTradingAfterIt() {
    ShockMoves m = new ShockMoves(new long[] {100 * S, 130 * S});
    m.add(trade(10, "A", 100));
    m.add(trade(99, "A", 101)); // the last trade of A before both shocks
    m.add(trade(105, "B", 50)); // B has no trade before the first shock
    m.add(trade(120, "A", 99)); // A's first trade after the first shock: its minute ends at 180 s
    m.add(trade(150, "B", 55));
    m.add(trade(170, "A", 95)); // A's last within its minute after the first shock
    m.add(trade(185, "A", 90)); // beyond it; inside A's minute after the second (170-230 s)
    m.add(trade(240, "A", 80)); // beyond both
    m.add(trade(300, "C", 10)); // C trades only after the shocks

    assertThat(m.bps(0)).containsOnlyKeys("A");
    assertThat(m.bps(0).get("A")).isCloseTo(1e4 * Math.log(95 / 101.0), within(1e-9));
    // the second shock: A from 99 (its last trade before 130 s) to 90 (its last by 170 + 60 s);
    // B from 50 to 55 (its first trade after 130 s opens its minute)
    assertThat(m.bps(1)).containsOnlyKeys("A", "B");
    assertThat(m.bps(1).get("A")).isCloseTo(1e4 * Math.log(90 / 99.0), within(1e-9));
    assertThat(m.bps(1).get("B")).isCloseTo(1e4 * Math.log(55 / 50.0), within(1e-9));
  }
}
