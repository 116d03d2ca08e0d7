package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioLoaderTest.assertError;
import static dev.cascade.scenario.ScenarioLoaderTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shocks sized from the news: earnings and inflation rules, factors and spillover. */
class NewsShocksTest {
  private static final OffsetDateTime AT = OffsetDateTime.parse("2025-11-18T12:00:00-05:00");

  /** The test file with NVDA's volatility stated, these factors and these shocks. */
  static String file(String factors, String shocks) {
    String g =
        ScenarioLoaderTest.goodWith(
            "  - symbol: NVDA\n    class: equity\n    price: 181.36\n",
            "  - symbol: NVDA\n    class: equity\n    price: 181.36\n    fundamentalVolPct: 45\n");
    int cut = g.indexOf("shocks:");
    return g.substring(0, cut) + factors + "shocks:\n" + shocks;
  }

  static final String AI = "factors:\n  ai:\n    volPct: 20\n    loadings: {NVDA: 1.0, SPY: 0.5}\n";

  @Test
  void earningsRuleIsTheChangeOfOperatingIncomeAtAConstantMultiple() {
    // 400 bp of gross margin on a 62.4% operating margin: -4 / 62.4 = -6.41%.
    ShockSpec margin =
        new ShockSpec(
            ShockType.EARNINGS,
            AT,
            "margin",
            "NVDA",
            Map.of("operatingMarginPct", 62.4, "grossMarginChangeBp", -400.0));
    assertThat(Earnings.pct(margin)).isCloseTo(-6.4103, within(1e-4));
    // Revenue 2% short at a 40% incremental margin, operating margin 30%: -0.8 / 30 = -2.667%.
    ShockSpec revenue =
        new ShockSpec(
            ShockType.EARNINGS,
            AT,
            "revenue",
            "NVDA",
            Map.of(
                "operatingMarginPct",
                30.0,
                "revenueChangePct",
                -2.0,
                "incrementalMarginPct",
                40.0));
    assertThat(Earnings.pct(revenue)).isCloseTo(-2.6667, within(1e-4));
    // Both: [g m + (1 + g) dGM] / OM = [-0.02 x 0.4 + 0.98 x -0.01] / 0.3 = -5.933%.
    ShockSpec both =
        new ShockSpec(
            ShockType.EARNINGS,
            AT,
            "both",
            "NVDA",
            Map.of(
                "operatingMarginPct",
                30.0,
                "revenueChangePct",
                -2.0,
                "incrementalMarginPct",
                40.0,
                "grossMarginChangeBp",
                -100.0));
    assertThat(Earnings.pct(both)).isCloseTo(-5.9333, within(1e-4));
  }

  @Test
  void inflationMovesRatesBySurpriseTimesSensitivity() {
    ShockSpec s =
        new ShockSpec(
            ShockType.INFLATION, AT, "cpi", null, Map.of("surprisePp", 0.1, "bpPerPp", 80.0));
    assertThat(Inflation.bp(s)).isCloseTo(8.0, within(1e-12));
  }

  @Test
  void spilloverIsTheProjectionOnTheNamedFactors() {
    LoadResult r =
        parse(
            file(
                AI,
                "  - type: earnings\n    at: 2025-11-18T12:00:00-05:00\n    target: NVDA\n"
                    + "    operatingMarginPct: 62.4\n    grossMarginChangeBp: -400\n"
                    + "    spillover: [ai]\n"));
    assertThat(r.errors()).isEmpty();
    ScenarioSpec spec = r.spec().orElseThrow();
    ShockSpec s = spec.shocks().get(0);
    assertThat(s.spillover()).containsExactly("ai");
    double own = Earnings.pct(s);
    Map<String, Double> moves = Spillover.moves(spec, s, own);
    // SPY: log move x 0.5 x 1.0 x 20^2 / 45^2.
    double expected = 100 * Math.expm1(Math.log1p(own / 100) * 0.5 * 400 / 2025);
    assertThat(moves).containsOnlyKeys("SPY");
    assertThat(moves.get("SPY")).isCloseTo(expected, within(1e-12));
    assertThat(expected).isBetween(-0.7, -0.6);
    // Without spillover the news is NVDA's alone.
    ShockSpec alone = new ShockSpec(s.type(), s.at(), s.label(), s.target(), s.params());
    assertThat(Spillover.moves(spec, alone, own)).isEmpty();
  }

  @Test
  void scalingAnEarningsShockScalesItsNews() {
    ShockSpec s =
        new ShockSpec(
            ShockType.EARNINGS,
            AT,
            "margin",
            "NVDA",
            Map.of("operatingMarginPct", 62.4, "grossMarginChangeBp", -400.0),
            List.of("ai"));
    Map<String, Double> p = ShockScaling.scaled(s, 2);
    assertThat(p)
        .containsEntry("grossMarginChangeBp", -800.0)
        .containsEntry("operatingMarginPct", 62.4);
    ShockSpec cpi =
        new ShockSpec(
            ShockType.INFLATION, AT, "cpi", null, Map.of("surprisePp", 0.1, "bpPerPp", 80.0));
    assertThat(ShockScaling.scaled(cpi, 0)).containsEntry("surprisePp", 0.0);
  }

  @Test
  void aFactorDrivesTheCalmWalksUnlessItSaysNewsOnly() {
    String shocks =
        "  - type: fundamental\n    at: 2025-11-18T12:00:00-05:00\n    target: NVDA\n    pct: -8\n";
    assertThat(parse(file(AI, shocks)).spec().orElseThrow().factors().get(0).walk()).isTrue();
    String newsOnly =
        "factors:\n  ai:\n    volPct: 20\n    loadings: {NVDA: 1.0}\n    walk: false\n";
    assertThat(parse(file(newsOnly, shocks)).spec().orElseThrow().factors().get(0).walk())
        .isFalse();
  }

  /** An ETF stated at 20% on two 20% members, with these factors. */
  private static String basketFile(String factors) {
    return """
        name: basket-vol
        start: 2025-11-18T09:30:00-05:00
        end: 2025-11-18T10:30:00-05:00
        instruments:
          - {symbol: SPY, class: etf, price: 660.00, fundamentalVolPct: 20, basket: {AAA: 0.5, BBB: 0.5}}
          - {symbol: AAA, class: equity, price: 100.00, fundamentalVolPct: 20}
          - {symbol: BBB, class: equity, price: 50.00, fundamentalVolPct: 20}
        agents:
          - {family: noise, count: 10, cash: 1000000, holdings: {SPY: 100, AAA: 100, BBB: 100}}
        """
        + factors;
  }

  @Test
  void anEtfWhoseBasketCannotRealiseItsStatedVolatilityIsWarnedAbout() {
    // Independent members: sqrt(2 x 0.25 x 400) = 14.1% against 20%, 0.71 of it.
    LoadResult alone = parse(basketFile(""));
    assertThat(alone.errors()).isEmpty();
    assertThat(alone.warnings()).hasSize(1);
    ScenarioError w = alone.warnings().get(0);
    assertThat(w.path()).isEqualTo("instruments[0].basket");
    assertThat(w.message()).contains("about 14.1% a year").contains("fundamentalVolPct 20%");
    // A market factor of 18% loading both at 1: sqrt(200 + 2 x 0.25 x 324) = 19.0%, no warning.
    String market = "factors:\n  mkt:\n    volPct: 18\n    loadings: {AAA: 1.0, BBB: 1.0}\n";
    assertThat(parse(basketFile(market)).warnings()).isEmpty();
    // The same factor for the news only leaves the members independent.
    assertThat(parse(basketFile(market + "    walk: false\n")).warnings()).hasSize(1);
  }

  @Test
  void factorErrorsAreLocated() {
    String shocks =
        "  - type: fundamental\n    at: 2025-11-18T12:00:00-05:00\n    target: NVDA\n    pct: -8\n";
    String t1 = file("factors:\n  ai:\n    volPct: 20\n    loadings: {NVDX: 1.0}\n", shocks);
    assertError(t1, "NVDX", "factors.ai.loadings.NVDX", "did you mean 'NVDA'");
    String t2 = file("factors:\n  ai:\n    volPct: 50\n    loadings: {NVDA: 1.0}\n", shocks);
    assertError(
        t2, "NVDA: 1.0}", "factors.ai.loadings.NVDA", "more than its fundamentalVolPct 45%");
    String t3 = file("factors:\n  ai:\n    volPct: 0\n    loadings: {NVDA: 1.0}\n", shocks);
    assertError(t3, "0\n    loadings", "factors.ai.volPct", "must be in (0, 500]");
    String t4 = file("factors:\n  Bad_Name:\n    volPct: 10\n    loadings: {NVDA: 1.0}\n", shocks);
    assertError(t4, "Bad_Name", "factors.Bad_Name", "not a valid factor name");
    String t5 =
        file(
            "factors:\n  ai:\n    volPct: 20\n    loadings: {NVDA: 1.0}\n    walk: \"true\"\n",
            shocks);
    assertError(t5, "\"true\"", "factors.ai.walk", "expected true or false");
  }

  @Test
  void shockErrorsAreLocated() {
    String head = "  - type: earnings\n    at: 2025-11-18T12:00:00-05:00\n    target: NVDA\n";
    assertError(
        file(
            AI,
            head
                + "    operatingMarginPct: 62.4\n    grossMarginChangeBp: -400\n"
                + "    spillover: [ia]\n"),
        "ia]",
        "shocks[0].spillover[0]",
        "did you mean 'ai'");
    assertError(
        file(AI, head + "    operatingMarginPct: 62.4\n"),
        "type: earnings",
        "shocks[0]",
        "needs its news");
    assertError(
        file(AI, head + "    operatingMarginPct: 30\n    revenueChangePct: -2\n"),
        "type: earnings",
        "shocks[0].incrementalMarginPct",
        "needs the incrementalMarginPct");
    assertError(
        file(AI, head + "    operatingMarginPct: 0\n    grossMarginChangeBp: -400\n"),
        "0\n    grossMarginChangeBp",
        "shocks[0].operatingMarginPct",
        "must be in (0, 100]");
    assertError(
        file(AI, head + "    operatingMarginPct: 10\n    grossMarginChangeBp: -1500\n"),
        "type: earnings",
        "shocks[0]",
        "cannot fall by all of itself");
    assertError(
        file(
            "factors:\n  ai:\n    volPct: 20\n    loadings: {SPY: 0.5}\n",
            head
                + "    operatingMarginPct: 62.4\n    grossMarginChangeBp: -400\n"
                + "    spillover: [ai]\n"),
        "[ai]",
        "shocks[0].spillover",
        "NVDA loads on none of [ai]");
    assertError(
        file(
            AI,
            "  - type: yield\n    at: 2025-11-18T12:00:00-05:00\n    bp: 5\n"
                + "    spillover: [ai]\n"),
        "spillover: [ai]",
        "shocks[0].spillover",
        "unknown key");
  }

  @Test
  void scalingKeepsTheFactorsAndTheSpillover() {
    ScenarioSpec spec =
        parse(
                file(
                    AI,
                    "  - type: earnings\n    at: 2025-11-18T12:00:00-05:00\n    target: NVDA\n"
                        + "    operatingMarginPct: 62.4\n    grossMarginChangeBp: -400\n"
                        + "    spillover: [ai]\n"))
            .spec()
            .orElseThrow();
    for (ScenarioSpec scaled :
        List.of(
            ShockScaling.scale(spec, 2, Map.of()),
            ParticipantScaling.flows(spec, 2),
            ParticipantScaling.leverage(spec, 2, TestFamilies.registry()))) {
      assertThat(scaled.factors()).isEqualTo(spec.factors());
      assertThat(scaled.shocks().get(0).spillover()).containsExactly("ai");
    }
  }
}
