package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunMemoryTest {
  private static ScenarioSpec spec(String price, String agents) {
    String text =
        "name: m\n"
            + "start: 2025-11-18T09:30:00-05:00\n"
            + "end: 2025-11-18T16:00:00-05:00\n"
            + "instruments:\n"
            + "  - {symbol: SPY, class: etf, price: "
            + price
            + "}\n"
            + "agents:\n"
            + agents;
    LoadResult r = ScenarioLoader.parse(text, "m.yaml", StandardFamilies.registry());
    assertThat(r.errors()).isEmpty();
    return r.spec().orElseThrow();
  }

  private static RunMemory estimate(ScenarioSpec s, Set<String> without) {
    return RunMemory.estimate(s, without, 5, StandardFamilies.registry());
  }

  @Test
  void aBookCostsThePagesWhereItsOrdersRestNotItsWholeRange() {
    String noise = "  - {family: noise, count: 10}\n";
    // 660.00 in cents: orders within 10% of 66,000 ticks each way, 13,200 ticks: 4 pages + 1 per
    // side, and a chunk.
    assertThat(estimate(spec("660.00", noise), Set.of()).booksBytes())
        .isEqualTo(RunMemory.INSTRUMENT_BYTES + 2 * 6 * RunMemory.BOOK_BYTES_PER_PAGE);
    // 500,000.00 in cents: a range of 200 million ticks, of which 10 million where orders rest.
    long big = estimate(spec("500000.00", noise), Set.of()).booksBytes();
    assertThat(big).isBetween(50L << 20, 200L << 20);
  }

  @Test
  void agentsCostTheirCountAndWhatTheirParametersHold() {
    long ten = estimate(spec("660.00", "  - {family: noise, count: 10}\n"), Set.of()).agentsBytes();
    long thousand =
        estimate(spec("660.00", "  - {family: noise, count: 1000}\n"), Set.of()).agentsBytes();
    assertThat(thousand).isEqualTo(100 * ten);
    long deepQuotes =
        estimate(spec("660.00", "  - {family: market-maker, params: {levels: 50}}\n"), Set.of())
            .agentsBytes();
    long shallowQuotes =
        estimate(spec("660.00", "  - {family: market-maker, params: {levels: 1}}\n"), Set.of())
            .agentsBytes();
    assertThat(deepQuotes - shallowQuotes).isEqualTo(RunMemory.ORDER_BYTES * 2 * 49);
  }

  @Test
  void groupsLeftOutCostNothing() {
    ScenarioSpec s = spec("660.00", "  - {family: noise, count: 1000}\n");
    assertThat(estimate(s, Set.of("noise")).agentsBytes()).isZero();
    assertThat(estimate(s, Set.of("noise")).totalBytes())
        .isLessThan(estimate(s, Set.of()).totalBytes());
  }

  @Test
  void sizesReadAsPeopleWriteThem() {
    assertThat(RunMemory.size(1L << 20)).isEqualTo("1 MiB");
    assertThat(RunMemory.size(3L << 30)).isEqualTo("3.0 GiB");
    assertThat(RunMemory.xmx(4L << 30)).isEqualTo("5g");
  }
}
