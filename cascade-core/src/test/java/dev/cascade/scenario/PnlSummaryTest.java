package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Time;
import dev.cascade.ledger.Ledger;
import dev.cascade.record.PnlSummary;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Profit and loss per group: each group's figure is its accounts' equity change, and with the
 * external world's the P&Ls sum to zero (cash and units are conserved, so total equity is too).
 */
class PnlSummaryTest {
  @Test
  void groupsPnlIsTheirEquityChangeAndWithTheWorldsSumsToZero() {
    ScenarioSpec spec =
        DealerFixture.spec(DealerFixture.START, 30, -1.5, DealerFixture.shortGamma());
    Simulation sim = Simulations.resolve(spec, 3, Set.of(), StandardFamilies.registry());
    assertThat(sim.startEquity()).isEmpty();
    sim.run(Time.NANOS_PER_MINUTE, (t, e) -> {});
    long[] start = sim.startEquity();
    long[] end = sim.equities();
    assertThat(start).hasSameSizeAs(end);
    // Total equity is conserved: zero at the start and at the end.
    long totalStart = 0;
    long totalEnd = 0;
    for (int a = 0; a < start.length; a++) {
      totalStart += start[a];
      totalEnd += end[a];
    }
    assertThat(totalStart).isZero();
    assertThat(totalEnd).isZero();

    List<PnlSummary> pnl = PnlSummary.of(sim);
    Ledger ledger = sim.ledger();
    double sum = 0;
    int accounts = 0;
    for (PnlSummary p : pnl) {
      long change = 0;
      int n = 0;
      for (int a = 1; a < ledger.accountCount(); a++) {
        if (PnlSummary.groupOf(ledger.name(a)).equals(p.group())) {
          change += end[a] - start[a];
          n++;
        }
      }
      assertThat(p.accounts()).isEqualTo(n);
      assertThat(p.pnl()).isCloseTo(change / 1e6, within(0.006));
      sum += p.pnl();
      accounts += p.accounts();
    }
    assertThat(accounts).isEqualTo(ledger.accountCount() - 1); // all but the external world
    double world = (end[Ledger.EXTERNAL] - start[Ledger.EXTERNAL]) / 1e6;
    assertThat(sum + world).isCloseTo(0, within(0.01 * pnl.size()));
    // The scenario's groups come first, named as in the file; the venue earns the fees.
    assertThat(pnl.get(0).group()).isEqualTo(spec.agents().get(0).name());
    PnlSummary venue =
        pnl.stream().filter(p -> p.group().equals(ledger.name(Ledger.VENUE))).findFirst().get();
    assertThat(venue.pnl()).isPositive();
  }

  @Test
  void accountNamesGroupByTheirNumericSuffix() {
    assertThat(PnlSummary.groupOf("value-equity-12")).isEqualTo("value-equity");
    assertThat(PnlSummary.groupOf("mm-0")).isEqualTo("mm");
    assertThat(PnlSummary.groupOf("issuer:SPY")).isEqualTo("issuer:SPY");
    assertThat(PnlSummary.groupOf("metaorder-x")).isEqualTo("metaorder-x");
    assertThat(PnlSummary.groupOf("venue")).isEqualTo("venue");
  }
}
