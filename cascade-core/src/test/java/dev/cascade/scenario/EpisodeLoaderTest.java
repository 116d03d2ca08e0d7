package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioLoaderTest.assertError;
import static dev.cascade.scenario.ScenarioLoaderTest.good;
import static dev.cascade.scenario.ScenarioLoaderTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpisodeLoaderTest {
  private static String with(String episode) {
    return good() + "episode:\n" + episode;
  }

  @Test
  void anEpisodeSectionParsesObservedFiguresSectorsAndLevels() {
    ScenarioSpec s =
        parse(
                with(
                    "  source: commentary 000, Table 1\n"
                        + "  observed:\n"
                        + "    NVDA: {price: 114.20, changePct: -9.2}\n"
                        + "  sectors:\n"
                        + "    tech: [NVDA]\n"
                        + "  levels:\n"
                        + "    SPY: {ma200: 620, fibHigh: 690, fibLow: 600, roundStep: 10}\n"))
            .spec()
            .orElseThrow();
    EpisodeSpec e = s.episode();
    assertThat(e.source()).isEqualTo("commentary 000, Table 1");
    assertThat(e.observed().get("NVDA")).isEqualTo(new EpisodeSpec.Observed(114.20, -9.2, null));
    assertThat(e.sectors().get("tech")).containsExactly("NVDA");
    assertThat(e.levels().get("SPY"))
        .isEqualTo(new EpisodeSpec.Levels(null, 620.0, 690.0, 600.0, 10.0));
    assertThat(e.index()).isNull();
  }

  @Test
  void withoutAnEpisodeSectionThereIsNothingToCompare() {
    assertThat(parse(good()).spec().orElseThrow().episode()).isEqualTo(EpisodeSpec.NONE);
  }

  @Test
  void episodeErrorsAreLocated() {
    String unknown = with("  observed:\n    NVDX: {price: 1}\n");
    assertError(unknown, "NVDX", "episode.observed.NVDX", "did you mean 'NVDA'?");
    String noBasket = with("  index: SPY\n");
    ScenarioError e = ScenarioLoaderTest.onlyError(parse(noBasket));
    assertThat(e.line()).isEqualTo((int) noBasket.lines().count());
    assertThat(e.column()).isEqualTo("  index: ".length() + 1);
    assertThat(e.path()).isEqualTo("episode.index");
    assertThat(e.message()).contains("has no basket");
    String fib = with("  levels:\n    SPY: {fibHigh: 555.5, fibLow: 600}\n");
    assertError(fib, "555.5", "episode.levels.SPY.fibHigh", "must be above fibLow");
    String key = with("  observed:\n    NVDA: {prise: 1}\n");
    assertError(key, "prise", "episode.observed.NVDA.prise", "did you mean 'price'?");
    String late = with("  from: 2030-01-01T00:00:00Z\n");
    assertError(late, "2030", "episode.from", "must be within the run");
    String bad = with("  from: yesterday\n");
    assertError(bad, "yesterday", "episode.from", "expected an ISO-8601 date-time");
  }

  @Test
  void theEpisodeMayMeasureChangesFromATimeInsideTheRun() {
    ScenarioSpec s = parse(with("  from: 2025-11-18T12:00:00-05:00\n")).spec().orElseThrow();
    assertThat(s.episode().from())
        .isEqualTo(java.time.OffsetDateTime.parse("2025-11-18T12:00:00-05:00"));
  }
}
