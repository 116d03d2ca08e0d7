package dev.cascade.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.cause.CauseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CauseFlowTest {

  @Test
  void sumsLotsNotionalAndImpactByAggressorCause() {
    CauseFlow flow = new CauseFlow();
    flow.add("SPY", 100.0, 10, 1000.0, 1);
    flow.add("SPY", 101.0, 5, 505.0, 2);
    flow.add("BTC", 50.0, 1, 50.0, 2);
    flow.add("SPY", 100.5, 2, 201.0, 2);
    flow.add("BTC", 51.0, 3, 153.0, -1);

    assertThat(flow.trades()).isEqualTo(4);
    assertThat(flow.lots(1)).isEqualTo(10);
    assertThat(flow.lots(2)).isEqualTo(8);
    assertThat(flow.notional(2)).isEqualTo(505.0 + 50.0 + 201.0);
    assertThat(flow.impactBps(1)).as("the first trade of an instrument moves nothing").isNull();
    Map<String, Double> impact = flow.impactBps(2);
    assertThat(impact).containsOnlyKeys("SPY");
    assertThat(impact.get("SPY"))
        .isCloseTo(10_000 * (Math.log(101.0 / 100.0) + Math.log(100.5 / 101.0)), within(1e-9));
    assertThat(flow.lots(7)).isZero();
  }

  @Test
  void theChainsOfASummedFlowAreThoseOfTheWholeTape() {
    CauseTable causes = causes();
    Random rnd = new Random(20240607);
    List<TapeTrade> tape = new ArrayList<>();
    double[] px = {100, 50};
    String[] sym = {"SPY", "BTC"};
    for (int k = 0; k < 5_000; k++) {
      int s = rnd.nextInt(2);
      px[s] *= 1 + 0.001 * rnd.nextGaussian();
      long qty = 1 + rnd.nextInt(100);
      tape.add(
          new TapeTrade(
              k,
              sym[s],
              px[s],
              qty,
              qty * px[s],
              rnd.nextBoolean(),
              rnd.nextInt(causes.size()),
              rnd.nextInt(causes.size())));
    }
    CauseFlow flow = new CauseFlow();
    tape.forEach(flow::add);

    CauseChains.Report whole = CauseChains.analyze(causes, tape);
    CauseChains.Report summed = CauseChains.analyze(causes, flow);

    assertThat(summed).isEqualTo(whole);
    assertThat(flow.retainedSlots())
        .as("slots: causes, (cause, instrument) impacts, instruments")
        .isLessThanOrEqualTo(causes.size() + 2L * causes.size() + 2);
  }

  private static CauseTable causes() {
    List<CauseKind> kind =
        List.of(
            CauseKind.GENESIS,
            CauseKind.SHOCK,
            CauseKind.MARGIN_CALL,
            CauseKind.LIQUIDATION,
            CauseKind.NOISE,
            CauseKind.QUOTE);
    return new CauseTable(
        kind,
        List.of("", "", "", "", "noise-0", "mm-0"),
        new int[] {0, 0, 1, 2, 0, 0},
        new long[] {Long.MIN_VALUE, 1, 2, 3, 0, 0},
        List.of("genesis", "shock", "call", "liq", "noise-0 noise", "mm-0 quote"));
  }
}
